import { isRecord } from '../../src/shared/guards';
import type { SlackView, ViewType } from './types';

/**
 * Slack's limits on views (modals guide, block kit reference, `@slack/types`). One rule set serves
 * `views.open/update/push/publish` and the driver's check of `response_action: 'update' | 'push'` acks.
 */
export const VIEW_LIMITS = {
  viewBytes: 250_000,
  blocks: 100,
  titleChars: 24,
  buttonLabelChars: 24,
  privateMetadataChars: 3000,
  callbackIdChars: 255,
  externalIdChars: 255,
  blockIdChars: 255,
  actionIdChars: 255,
  sectionTextChars: 3000,
  sectionFields: 10,
  sectionFieldChars: 2000,
  contextElements: 10,
  contextTextChars: 3000,
  headerTextChars: 150,
  inputLabelChars: 2000,
  inputHintChars: 2000,
  textInputLength: 3000,
  actionsElements: 25,
  buttonTextChars: 75,
  buttonValueChars: 2000,
  selectOptions: 100,
  optionTextChars: 75,
  optionValueChars: 150,
} as const;

/** Fields Slack adds to a view; sending them back (e.g. echoing a payload's `view`) is rejected. */
const READ_ONLY_VIEW_FIELDS = [
  'id',
  'hash',
  'state',
  'team_id',
  'app_id',
  'bot_id',
  'root_view_id',
  'previous_view_id',
  'app_installed_team_id',
] as const;

const BLOCK_TYPES = new Set([
  'section',
  'divider',
  'image',
  'actions',
  'context',
  'input',
  'header',
  'rich_text',
  'video',
  'file',
  'markdown',
]);

export type ViewCheck =
  | { readonly ok: true; readonly view: SlackView }
  | { readonly ok: false; readonly error: 'invalid_arguments' | 'view_too_large'; readonly messages: string[] };

/** Collects Slack-style messages: `[ERROR] <what> [json-pointer:<where>]`. */
class Problems {
  readonly messages: string[] = [];

  add(pointer: string, text: string): void {
    this.messages.push(`[ERROR] ${text} [json-pointer:${pointer}]`);
  }

  maxChars(pointer: string, value: unknown, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'string') this.add(pointer, 'must be a string');
    else if (value.length > max) this.add(pointer, `must be less than ${max + 1} characters`);
  }

  /** A text object: `{ type: 'plain_text' | 'mrkdwn', text }`, 1..max characters. */
  text(pointer: string, value: unknown, max: number, { required = false, plainOnly = false } = {}): void {
    if (value === undefined) {
      if (required) this.add(pointer, 'missing required field');
      return;
    }
    if (!isRecord(value)) {
      this.add(pointer, 'must be a text object');
      return;
    }
    const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(String(value.type))) this.add(`${pointer}/type`, `must be one of [${allowed.join(', ')}]`);
    if (typeof value.text !== 'string') this.add(`${pointer}/text`, 'missing required field');
    else if (value.text.length === 0) this.add(`${pointer}/text`, 'must be more than 0 characters');
    else if (value.text.length > max) this.add(`${pointer}/text`, `must be less than ${max + 1} characters`);
  }
}

/** Checks a view the way the Web API does; `type` additionally requires that view type. */
export function checkView(raw: unknown, { type }: { type?: ViewType } = {}): ViewCheck {
  const problems = new Problems();
  if (typeof raw === 'string') {
    problems.add('/view', 'failed to parse view JSON');
    return { ok: false, error: 'invalid_arguments', messages: problems.messages };
  }
  if (!isRecord(raw)) {
    problems.add('/view', raw === undefined ? 'missing required field: view' : 'must be an object');
    return { ok: false, error: 'invalid_arguments', messages: problems.messages };
  }
  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > VIEW_LIMITS.viewBytes) {
    problems.add('/view', `view is ${bytes} bytes, more than ${VIEW_LIMITS.viewBytes}`);
    return { ok: false, error: 'view_too_large', messages: problems.messages };
  }

  if (raw.type !== 'modal' && raw.type !== 'home') problems.add('/view/type', 'must be one of [modal, home]');
  else if (type && raw.type !== type) problems.add('/view/type', `must be \`${type}\` for this method`);
  for (const field of READ_ONLY_VIEW_FIELDS) {
    if (field in raw) problems.add(`/view/${field}`, `unsupported property \`${field}\` (set by Slack, read-only)`);
  }
  problems.maxChars('/view/private_metadata', raw.private_metadata, VIEW_LIMITS.privateMetadataChars);
  problems.maxChars('/view/callback_id', raw.callback_id, VIEW_LIMITS.callbackIdChars);
  problems.maxChars('/view/external_id', raw.external_id, VIEW_LIMITS.externalIdChars);

  const hasInput = checkBlocks(problems, raw.blocks);
  if (raw.type === 'modal') {
    problems.text('/view/title', raw.title, VIEW_LIMITS.titleChars, { required: true, plainOnly: true });
    problems.text('/view/submit', raw.submit, VIEW_LIMITS.buttonLabelChars, { plainOnly: true });
    problems.text('/view/close', raw.close, VIEW_LIMITS.buttonLabelChars, { plainOnly: true });
    if (hasInput && raw.submit === undefined) problems.add('/view', 'must define `submit` to use input block');
  }

  if (problems.messages.length > 0) return { ok: false, error: 'invalid_arguments', messages: problems.messages };
  return { ok: true, view: raw as unknown as SlackView };
}

/** Checks the blocks of a view; returns whether any is an `input` block. */
function checkBlocks(problems: Problems, blocks: unknown): boolean {
  if (!Array.isArray(blocks)) {
    problems.add('/view/blocks', 'missing required field');
    return false;
  }
  if (blocks.length > VIEW_LIMITS.blocks)
    problems.add('/view/blocks', `must be less than ${VIEW_LIMITS.blocks + 1} items`);
  const blockIds = new Set<string>();
  let hasInput = false;
  blocks.forEach((block: unknown, index) => {
    const pointer = `/view/blocks/${index}`;
    if (!isRecord(block) || typeof block.type !== 'string') {
      problems.add(pointer, 'must be a block object with a `type`');
      return;
    }
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.add(`${pointer}/block_id`, `duplicate block_id \`${block.block_id}\``);
      blockIds.add(block.block_id);
    }
    problems.maxChars(`${pointer}/block_id`, block.block_id, VIEW_LIMITS.blockIdChars);
    if (block.type === 'input') hasInput = true;
    checkBlock(problems, pointer, block);
  });
  return hasInput;
}

function checkBlock(problems: Problems, pointer: string, block: Record<string, unknown>): void {
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined)
        problems.add(pointer, 'must provide `text` or `fields`');
      problems.text(`${pointer}/text`, block.text, VIEW_LIMITS.sectionTextChars);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length > VIEW_LIMITS.sectionFields) {
          problems.add(`${pointer}/fields`, `must be an array of at most ${VIEW_LIMITS.sectionFields} text objects`);
        } else {
          block.fields.forEach((field: unknown, i) => {
            problems.text(`${pointer}/fields/${i}`, field, VIEW_LIMITS.sectionFieldChars);
          });
        }
      }
      if (isRecord(block.accessory)) checkElement(problems, `${pointer}/accessory`, block.accessory);
      return;
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problems.add(`${pointer}/elements`, 'missing required field');
        return;
      }
      if (block.elements.length > VIEW_LIMITS.contextElements) {
        problems.add(`${pointer}/elements`, `must be less than ${VIEW_LIMITS.contextElements + 1} items`);
      }
      block.elements.forEach((element: unknown, i) => {
        if (isRecord(element) && element.type !== 'image') {
          problems.text(`${pointer}/elements/${i}`, element, VIEW_LIMITS.contextTextChars);
        }
      });
      return;
    case 'header':
      problems.text(`${pointer}/text`, block.text, VIEW_LIMITS.headerTextChars, { required: true, plainOnly: true });
      return;
    case 'input':
      problems.text(`${pointer}/label`, block.label, VIEW_LIMITS.inputLabelChars, { required: true, plainOnly: true });
      problems.text(`${pointer}/hint`, block.hint, VIEW_LIMITS.inputHintChars, { plainOnly: true });
      if (!isRecord(block.element) || typeof block.element.type !== 'string') {
        problems.add(`${pointer}/element`, 'missing required field');
        return;
      }
      checkElement(problems, `${pointer}/element`, block.element);
      return;
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problems.add(`${pointer}/elements`, 'missing required field');
        return;
      }
      if (block.elements.length > VIEW_LIMITS.actionsElements) {
        problems.add(`${pointer}/elements`, `must be less than ${VIEW_LIMITS.actionsElements + 1} items`);
      }
      const actionIds = new Set<string>();
      block.elements.forEach((element: unknown, i) => {
        if (!isRecord(element)) {
          problems.add(`${pointer}/elements/${i}`, 'must be an element object');
          return;
        }
        if (typeof element.action_id === 'string') {
          if (actionIds.has(element.action_id)) {
            problems.add(`${pointer}/elements/${i}/action_id`, `duplicate action_id \`${element.action_id}\``);
          }
          actionIds.add(element.action_id);
        }
        checkElement(problems, `${pointer}/elements/${i}`, element);
      });
      return;
    }
    default:
      if (!BLOCK_TYPES.has(String(block.type)))
        problems.add(`${pointer}/type`, `unsupported block type \`${block.type}\``);
  }
}

function checkElement(problems: Problems, pointer: string, element: Record<string, unknown>): void {
  problems.maxChars(`${pointer}/action_id`, element.action_id, VIEW_LIMITS.actionIdChars);
  if (element.type === 'button') {
    problems.text(`${pointer}/text`, element.text, VIEW_LIMITS.buttonTextChars, { required: true, plainOnly: true });
    problems.maxChars(`${pointer}/value`, element.value, VIEW_LIMITS.buttonValueChars);
  } else if (element.type === 'plain_text_input') {
    if (typeof element.action_id !== 'string' || element.action_id.length === 0) {
      problems.add(`${pointer}/action_id`, 'missing required field');
    }
    const min = element.min_length;
    const max = element.max_length;
    const limit = VIEW_LIMITS.textInputLength;
    if (min !== undefined && (typeof min !== 'number' || min < 0 || min > limit)) {
      problems.add(`${pointer}/min_length`, `must be between 0 and ${limit}`);
    }
    if (max !== undefined && (typeof max !== 'number' || max < 1 || max > limit)) {
      problems.add(`${pointer}/max_length`, `must be between 1 and ${limit}`);
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.add(`${pointer}/min_length`, 'must be less than or equal to max_length');
    }
    if (typeof element.initial_value === 'string' && typeof max === 'number' && element.initial_value.length > max) {
      problems.add(`${pointer}/initial_value`, 'must not be longer than max_length');
    }
    problems.text(`${pointer}/placeholder`, element.placeholder, 150, { plainOnly: true });
  } else if (SELECTS.has(String(element.type))) {
    checkSelect(problems, pointer, element);
  }
}

/** The select menus the app uses; a static select needs 1..100 options. */
const SELECTS = new Set(['users_select', 'multi_users_select', 'conversations_select', 'static_select']);

function checkSelect(problems: Problems, pointer: string, element: Record<string, unknown>): void {
  if (typeof element.action_id !== 'string' || element.action_id.length === 0) {
    problems.add(`${pointer}/action_id`, 'missing required field');
  }
  problems.text(`${pointer}/placeholder`, element.placeholder, 150, { plainOnly: true });
  if (element.type !== 'static_select') return;
  const options = element.options;
  if (!Array.isArray(options) || options.length === 0 || options.length > VIEW_LIMITS.selectOptions) {
    problems.add(`${pointer}/options`, `must be an array of 1 to ${VIEW_LIMITS.selectOptions} options`);
    return;
  }
  options.forEach((option: unknown, i) => {
    const at = `${pointer}/options/${i}`;
    if (!isRecord(option)) {
      problems.add(at, 'must be an option object');
      return;
    }
    problems.text(`${at}/text`, option.text, VIEW_LIMITS.optionTextChars, { required: true, plainOnly: true });
    if (typeof option.value !== 'string' || option.value.length === 0)
      problems.add(`${at}/value`, 'missing required field');
    else problems.maxChars(`${at}/value`, option.value, VIEW_LIMITS.optionValueChars);
  });
}

/** The `block_id`s of a view's `input` blocks: the only keys an `errors` ack may use. */
export function inputBlockIds(view: SlackView): string[] {
  return view.blocks.flatMap((block) => (block.type === 'input' && block.block_id ? [block.block_id] : []));
}

/**
 * Checks a `response_action: 'errors'` ack against the submitted view. Slack renders errors only on
 * input blocks; any other key gets the user "We had some trouble connecting".
 */
export function checkResponseErrors(view: SlackView, errors: unknown): string[] {
  if (!isRecord(errors) || Object.keys(errors).length === 0) {
    return ['[ERROR] `errors` must be a non-empty object keyed by block_id [json-pointer:/errors]'];
  }
  const inputs = new Set(inputBlockIds(view));
  const messages: string[] = [];
  for (const [blockId, message] of Object.entries(errors)) {
    if (!inputs.has(blockId)) {
      messages.push(`[ERROR] \`${blockId}\` is not the block_id of an input block in the view [json-pointer:/errors]`);
    }
    if (typeof message !== 'string' || message.length === 0) {
      messages.push(`[ERROR] must be a non-empty string [json-pointer:/errors/${blockId}]`);
    }
  }
  return messages;
}
