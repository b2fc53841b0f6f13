// Block Kit to accessible DOM: real <button>s named by their text, inputs labelled by their block's
// label, inline errors tied to their input. Anything else shows as "unsupported: <type>".
import { mrkdwn } from './mrkdwn.js';

const TEXT_INPUTS = {
  plain_text_input: 'text',
  email_text_input: 'email',
  url_text_input: 'url',
  number_input: 'number',
};
/** The pickers, and which of the workspace's lists each one offers. */
const PICKERS = {
  users_select: 'users',
  multi_users_select: 'users',
  conversations_select: 'channels',
  multi_conversations_select: 'channels',
  channels_select: 'channels',
  multi_channels_select: 'channels',
  static_select: 'static',
  multi_static_select: 'static',
  // The playground has no block_suggestion round trip: external selects offer the user groups.
  external_select: 'userGroups',
  multi_external_select: 'userGroups',
};

/**
 * `context`: `names` (user id → name), `lists` ({ users, channels, userGroups } as options),
 * `errors` (block_id → message), `idPrefix`, and `onClick(actionId, value)` for buttons.
 */
export function renderBlocks(blocks, context) {
  const container = element('div', 'blocks');
  blocks.forEach((block, index) => {
    const rendered = (RENDERERS[block.type] ?? unsupported)(block, context, block.block_id ?? `block_${index}`);
    rendered.classList.add('block');
    container.append(rendered);
  });
  return container;
}

/** The values of a rendered view's inputs by block_id: what the member typed or picked. */
export function inputValues(container) {
  const values = {};
  for (const field of container.querySelectorAll('[data-block-id]')) {
    const picked = field.multiple ? [...field.selectedOptions].map((option) => option.value).join(',') : field.value;
    values[field.dataset.blockId] = picked === '' ? null : picked;
  }
  return values;
}

const RENDERERS = {
  header: (block, context) => withText(element('h3'), block.text, context),
  divider: () => element('hr'),
  image: (block) => image(block),
  context: (block, context) => {
    const line = element('div', 'context');
    for (const part of block.elements ?? [])
      line.append(part.type === 'image' ? image(part) : withText(element('span'), part, context));
    return line;
  },
  section: (block, context) => {
    const section = element('div', 'section');
    if (block.text) section.append(withText(element('div'), block.text, context));
    if (block.fields) {
      const fields = element('div', 'fields');
      for (const field of block.fields) fields.append(withText(element('div'), field, context));
      section.append(fields);
    }
    if (block.accessory) section.append(control(block.accessory, context, block.block_id));
    return section;
  },
  actions: (block, context, blockId) => {
    const row = element('div', 'actions');
    row.setAttribute('role', 'group');
    for (const part of block.elements ?? []) row.append(control(part, context, blockId));
    return row;
  },
  input: (block, context, blockId) => {
    const wrapper = element('div', 'input');
    const id = `${context.idPrefix}-${blockId}`;
    const label = withText(element('label'), block.label, context);
    label.htmlFor = id;
    if (block.optional) label.append(' (optional)');
    const field = control(block.element, context, blockId, id);
    wrapper.append(label, field);
    const described = [];
    if (block.hint) described.push(note(wrapper, 'hint', `${id}-hint`, block.hint.text));
    const problem = context.errors[blockId];
    if (problem) {
      described.push(note(wrapper, 'error', `${id}-error`, problem));
      field.setAttribute('aria-invalid', 'true');
    }
    if (described.length > 0) field.setAttribute('aria-describedby', described.join(' '));
    return wrapper;
  },
};

/** An interactive element: a button, a text input or a picker. */
function control(part, context, blockId, id) {
  if (part.type === 'button') return button(part, context);
  if (part.type === 'image') return image(part);
  const field = TEXT_INPUTS[part.type] ? textInput(part) : PICKERS[part.type] ? picker(part, context) : undefined;
  if (!field) return unsupported(part);
  if (id) field.id = id;
  field.dataset.blockId = blockId;
  field.dataset.actionId = part.action_id ?? '';
  if (part.focus_on_load) field.autofocus = true;
  return field;
}

function button(part, context) {
  const node = withText(element('button', part.style ?? ''), part.text, context);
  node.type = 'button';
  node.addEventListener('click', () => context.onClick(part.action_id, part.value));
  return node;
}

function textInput(part) {
  const field = part.multiline ? element('textarea') : element('input');
  if (!part.multiline) field.type = TEXT_INPUTS[part.type];
  field.value = part.initial_value ?? '';
  if (part.placeholder) field.placeholder = part.placeholder.text;
  if (part.max_length) field.maxLength = part.max_length;
  return field;
}

function picker(part, context) {
  const select = element('select');
  select.multiple = part.type.startsWith('multi_');
  const list = PICKERS[part.type];
  const options =
    list === 'static'
      ? [...(part.options ?? []), ...(part.option_groups ?? []).flatMap((group) => group.options)].map((option) => ({
          value: option.value,
          label: option.text.text,
        }))
      : context.lists[list];
  const initial = new Set([
    part.initial_user,
    part.initial_conversation,
    part.initial_channel,
    part.initial_option?.value,
  ]);
  for (const value of [
    ...(part.initial_users ?? []),
    ...(part.initial_conversations ?? []),
    ...(part.initial_channels ?? []),
  ])
    initial.add(value);
  if (!select.multiple) select.append(new Option(part.placeholder?.text ?? 'Choose…', ''));
  for (const { value, label } of options) select.append(new Option(label, value, false, initial.has(value)));
  return select;
}

function image(part) {
  const node = element('img');
  node.src = part.image_url ?? '';
  node.alt = part.alt_text ?? '';
  node.width = 24;
  return node;
}

function unsupported(part) {
  const node = element('div', 'unsupported');
  node.textContent = `unsupported: ${part.type}`;
  return node;
}

function note(parent, className, id, text) {
  const node = element('div', className);
  node.id = id;
  node.textContent = text;
  parent.append(node);
  return id;
}

/** Fills `node` with a text object: mrkdwn rendered, plain_text as is. */
function withText(node, text, context) {
  if (text?.type === 'mrkdwn') node.append(...mrkdwn(text.text, context.names));
  else node.textContent = text?.text ?? '';
  return node;
}

function element(tag, className = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
