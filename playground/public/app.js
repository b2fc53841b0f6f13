// The playground page: renders the state the server streams (GET /api/events) for the chosen member,
// and turns clicks and typing into what Slack would send the app (POST /api/…).
import { inputValues, renderBlocks } from './blocks.js';
import { mrkdwn } from './mrkdwn.js';

const $ = (id) => document.getElementById(id);
const page = {
  state: undefined,
  memberId: undefined,
  /** What the modal shows now, to re-render only when the app changed it: `${viewId} ${hash}`. */
  shownModal: '',
  shownHome: '',
  /** Inline errors from the last submission, by block_id, and the view hash they belong to: an update clears them. */
  errors: {},
  errorsHash: '',
};

function member() {
  return page.state.members.find(({ id }) => id === page.memberId);
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: page.memberId, ...body }),
  });
  const answer = await response.json();
  $('notice').textContent = answer.error ?? '';
  return answer;
}

function renderContext(viewId) {
  const { members, channels, userGroups } = page.state;
  return {
    names: new Map(members.map(({ id, realName }) => [id, realName])),
    lists: {
      users: members.map(({ id, realName }) => ({ value: id, label: realName })),
      channels: channels.map(({ id, name }) => ({ value: id, label: `#${name}` })),
      userGroups: userGroups.map(({ id, handle }) => ({ value: id, label: `@${handle}` })),
    },
    errors: page.errors,
    idPrefix: viewId,
    onClick: (actionId, value) => post('/api/click', { viewId, actionId, value }),
  };
}

// The member picker

function renderMembers() {
  const select = $('member');
  if (select.options.length > 0) return;
  for (const { id, realName, role, locale } of page.state.members) {
    const notes = [role === 'member' ? '' : role, locale.startsWith('en') ? '' : locale].filter(Boolean);
    select.append(new Option(notes.length > 0 ? `${realName} (${notes.join(', ')})` : realName, id));
  }
  page.memberId = select.value;
  select.addEventListener('change', () => {
    page.memberId = select.value;
    page.shownModal = '';
    page.shownHome = '';
    page.errors = {};
    render();
    if (!$('panel-home').hidden) post('/api/home', {});
  });
}

// The modal

function renderModal() {
  const shown = member().modal;
  if (shown?.hash !== page.errorsHash) page.errors = {};
  const key = shown ? `${shown.id} ${shown.hash} ${JSON.stringify(page.errors)}` : '';
  if (key === page.shownModal) return;
  const previous = $('modal-root').querySelector('form');
  const kept = previous && page.shownModal.startsWith(`${shown?.id} `) ? keptInputs(previous) : new Map();
  page.shownModal = key;
  $('modal-root').replaceChildren(shown ? modal(shown, kept) : '');
}

/** What the member typed, by block and action id: Slack keeps it across `views.update`. */
function keptInputs(form) {
  return new Map([...form.querySelectorAll('[data-block-id]')].map((field) => [inputKey(field), field.value]));
}

const inputKey = (field) => `${field.dataset.blockId} ${field.dataset.actionId}`;

function modal({ id, view }, kept) {
  const dialog = document.createElement('section');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const header = document.createElement('header');
  const title = document.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = view.title?.text ?? '';
  header.append(title);

  const form = document.createElement('form');
  const blocks = renderBlocks(view.blocks ?? [], renderContext(id));
  for (const field of blocks.querySelectorAll('[data-block-id]')) {
    if (kept.has(inputKey(field))) field.value = kept.get(inputKey(field));
  }
  const footer = document.createElement('footer');
  const close = footerButton(view.close?.text ?? 'Cancel', 'button');
  close.addEventListener('click', () => post('/api/close', { viewId: id }));
  footer.append(close);
  if (view.submit) footer.append(footerButton(view.submit.text, 'submit', 'primary'));
  form.append(blocks, footer);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await post('/api/submit', { viewId: id, values: inputValues(blocks) });
    page.errors = answer.errors ?? {};
    page.errorsHash = member().modal?.hash ?? '';
    renderModal();
  });

  dialog.append(header, form);
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  backdrop.append(dialog);
  queueMicrotask(() => blocks.querySelector('[autofocus]')?.focus());
  return backdrop;
}

function footerButton(text, type, className = '') {
  const node = document.createElement('button');
  node.type = type;
  node.className = className;
  node.textContent = text;
  return node;
}

// The Home tab

function renderHome() {
  const { home } = member();
  const key = home ? `${home.id} ${home.hash}` : '';
  if (key === page.shownHome) return;
  page.shownHome = key;
  $('panel-home').replaceChildren(
    home
      ? renderBlocks(home.view.blocks ?? [], renderContext(home.id))
      : text('p', 'The app has not published a Home tab yet.'),
  );
}

function selectTab(tab) {
  for (const other of document.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
  // Slack sends app_home_opened each time the member opens the tab.
  if (tab.id === 'tab-home') post('/api/home', {});
}

// The side cards: profile, phone and messages

function renderProfile() {
  const { realName, name, profile } = member();
  const list = document.createElement('dl');
  const line = (label, value) => list.append(text('dt', label), text('dd', value || '—'));
  line('Phone', profile.phone);
  for (const field of profile.fields) line(field.label, field.alt ? `${field.value} (${field.alt})` : field.value);
  $('profile').replaceChildren(text('h2', `${realName} · @${name}`), list);
}

function renderPhone() {
  const { phone, inbox, failNextDelivery } = member();
  const items = document.createElement('ol');
  for (const item of [...inbox].reverse()) {
    const entry = text('li', `${item.kind === 'call' ? '📞 Call: ' : '✉️ SMS: '}${item.content}`);
    if (!item.delivered) {
      entry.className = 'undelivered';
      entry.append(' (not delivered)');
    }
    items.append(entry);
  }
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.id = 'fail-next';
  toggle.checked = failNextDelivery;
  toggle.addEventListener('change', () => post('/api/fail-next-delivery', { fail: toggle.checked }));
  const label = text('label', ' Fail the next delivery');
  label.htmlFor = 'fail-next';
  label.prepend(toggle);
  $('phone').replaceChildren(text('h2', `Phone ${phone}`), label, inbox.length > 0 ? items : text('p', 'Nothing yet.'));
}

function renderMessages() {
  const items = document.createElement('ol');
  for (const message of [...member().messages].reverse()) {
    const entry = text('li', message.kind === 'dm' ? 'Verify Phone (DM): ' : 'Only visible to you: ');
    const blocks = Array.isArray(message.blocks) ? message.blocks : [];
    entry.append(
      ...(blocks.length > 0
        ? [
            renderBlocks(blocks, {
              ...renderContext(''),
              onClick: (actionId) => post('/api/click', { messageTs: message.ts, actionId }),
            }),
          ]
        : mrkdwn(message.text, renderContext('').names)),
    );
    items.append(entry);
  }
  $('messages').replaceChildren(text('h2', 'Messages'), items);
}

function text(tag, content) {
  const node = document.createElement(tag);
  node.textContent = content;
  return node;
}

function render() {
  renderMembers();
  renderModal();
  renderHome();
  renderProfile();
  renderPhone();
  renderMessages();
}

$('composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('message');
  const answer = await post('/api/command', { text: input.value });
  if (!answer.error) input.value = '';
});
for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => selectTab(tab));

new EventSource('/api/events').addEventListener('message', (event) => {
  page.state = JSON.parse(event.data);
  render();
});
