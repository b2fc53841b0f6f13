import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type types, type ViewSubmitAction, webApi } from '@slack/bolt';
import { checkView, SlackDriver, SlackEmulator } from '../../emulators/slack';
import { silent } from '../support/silent-logger';

const BOT_TOKEN = 'xoxb-test-bot';
const ADMIN_TOKEN = 'xoxp-test-admin';
const SIGNING_SECRET = 'test-signing-secret';
const TEAM = { id: 'T1', domain: 'acme', name: 'Acme' };
const FIELD = { id: 'Xf01', label: 'Phone verified', type: 'text' } as const;

const plain = (text: string) => ({ type: 'plain_text', text }) as const;

function phoneModal(overrides: Partial<types.ModalView> = {}): types.ModalView {
  return {
    type: 'modal',
    callback_id: 'phone_step',
    private_metadata: 'flow-1',
    title: plain('Verify your phone'),
    submit: plain('Send code'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'We will text you a code.' } },
      {
        type: 'input',
        block_id: 'phone_block',
        label: plain('Mobile number'),
        element: { type: 'plain_text_input', action_id: 'phone_input' },
      },
    ],
    ...overrides,
  };
}

function codeModal(note = 'Code sent'): types.ModalView {
  return {
    type: 'modal',
    callback_id: 'code_step',
    private_metadata: 'flow-1',
    title: plain('Verify your phone'),
    submit: plain('Verify'),
    blocks: [
      { type: 'section', block_id: 'note', text: { type: 'mrkdwn', text: note } },
      {
        type: 'input',
        block_id: 'code_block',
        label: plain('6-digit code'),
        element: { type: 'plain_text_input', action_id: 'code_input', min_length: 6, max_length: 6 },
      },
      {
        type: 'actions',
        block_id: 'code_actions',
        elements: [{ type: 'button', action_id: 'resend', text: plain('Send again'), value: 'flow-1' }],
      },
    ],
  };
}

let slack: SlackEmulator;
/** Added to the emulator's clock, to expire trigger ids without sleeping. */
let skewMs = 0;

beforeAll(async () => {
  slack = await SlackEmulator.start({
    team: TEAM,
    botToken: BOT_TOKEN,
    adminToken: ADMIN_TOKEN,
    admin: { id: 'UADMIN', name: 'admin', role: 'admin' },
    profileFields: [FIELD],
    now: () => Date.now() + skewMs,
  });
  slack.addUser({ id: 'U1', name: 'alice' });
  slack.addUser({ id: 'U2', name: 'olive', role: 'owner', tz: 'Australia/Sydney' });
});

afterAll(() => slack.stop());

beforeEach(() => {
  skewMs = 0;
  slack.reset();
});

function client(token = BOT_TOKEN, options: webApi.WebClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    logger: silent,
    ...options,
  });
}

const platformError = (error: string) => ({ data: expect.objectContaining({ ok: false, error }) });

async function openPhoneModal(userId = 'U1') {
  const result = await client().views.open({ trigger_id: slack.issueTriggerId(userId), view: phoneModal() });
  const id = result.view?.id;
  if (!id) throw new Error('views.open returned no view id');
  return { id, hash: result.view?.hash ?? '' };
}

describe('Slack Web API emulator', () => {
  it('answers auth.test for the bot token and the admin token', async () => {
    await expect(client().auth.test()).resolves.toMatchObject({
      ok: true,
      url: 'https://acme.slack.com/',
      team: 'Acme',
      team_id: 'T1',
      user_id: 'U0000VERIFY',
      bot_id: 'B0000VERIFY',
    });
    const admin = await client(ADMIN_TOKEN).auth.test();
    expect(admin).toMatchObject({ ok: true, user: 'admin', user_id: 'UADMIN' });
    expect(admin.bot_id).toBeUndefined();
    expect(slack.calls.map((call) => call.token)).toEqual(['bot', 'admin']);
  });

  it('refuses calls without a token (not_authed) or with an unknown one (invalid_auth)', async () => {
    await expect(
      new webApi.WebClient(undefined, { slackApiUrl: slack.apiUrl, logger: silent }).auth.test(),
    ).rejects.toMatchObject(platformError('not_authed'));
    await expect(client('xoxb-someone-else').auth.test()).rejects.toMatchObject(platformError('invalid_auth'));
    expect(slack.calls).toEqual([
      expect.objectContaining({ method: 'auth.test', token: 'unknown', ok: false, error: 'not_authed' }),
      expect.objectContaining({ method: 'auth.test', token: 'unknown', ok: false, error: 'invalid_auth' }),
    ]);
  });

  it('answers unknown_method for a method it does not implement', async () => {
    await expect(client().apiCall('conversations.kick', { channel: 'C1' })).rejects.toMatchObject(
      platformError('unknown_method'),
    );
  });

  describe('views.open', () => {
    it("opens a modal with Slack's fields and records the call with the view decoded", async () => {
      const triggerId = slack.issueTriggerId('U1');
      const result = await client().views.open({ trigger_id: triggerId, view: phoneModal() });

      expect(result.view).toMatchObject({
        id: expect.stringMatching(/^V/),
        hash: expect.any(String),
        team_id: 'T1',
        callback_id: 'phone_step',
        private_metadata: 'flow-1',
        state: { values: {} },
      });
      expect(slack.views).toEqual([
        expect.objectContaining({ id: result.view?.id, hash: result.view?.hash, userId: 'U1', type: 'modal' }),
      ]);
      expect(slack.views[0]?.view).toEqual(phoneModal());
      expect(slack.calls[0]).toMatchObject({
        method: 'views.open',
        token: 'bot',
        ok: true,
        args: { trigger_id: triggerId, view: phoneModal() },
      });
    });

    it('refuses an unknown trigger id and one that was already used', async () => {
      await expect(client().views.open({ trigger_id: '123.456.nope', view: phoneModal() })).rejects.toMatchObject(
        platformError('invalid_trigger_id'),
      );
      const triggerId = slack.issueTriggerId('U1');
      await client().views.open({ trigger_id: triggerId, view: phoneModal() });
      await expect(client().views.open({ trigger_id: triggerId, view: phoneModal() })).rejects.toMatchObject(
        platformError('exchanged_trigger_id'),
      );
    });

    it('expires a trigger id 3 seconds after it was issued', async () => {
      const fresh = slack.issueTriggerId('U1');
      const stale = slack.issueTriggerId('U1');
      skewMs = 2_900;
      await expect(client().views.open({ trigger_id: fresh, view: phoneModal() })).resolves.toMatchObject({ ok: true });
      skewMs = 3_001;
      await expect(client().views.open({ trigger_id: stale, view: phoneModal() })).rejects.toMatchObject(
        platformError('expired_trigger_id'),
      );
    });

    it('refuses an invalid view with invalid_arguments and messages, without using up the trigger', async () => {
      const triggerId = slack.issueTriggerId('U1');
      const invalid = phoneModal({ title: plain('Verify your phone number now'), submit: undefined });

      const error = await client()
        .views.open({ trigger_id: triggerId, view: invalid })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
      expect(error).toMatchObject(platformError('invalid_arguments'));
      expect((error as webApi.WebAPIPlatformError).data.response_metadata?.messages).toEqual([
        '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
        '[ERROR] must define `submit` to use input block [json-pointer:/view]',
      ]);
      await expect(client().views.open({ trigger_id: triggerId, view: phoneModal() })).resolves.toMatchObject({
        ok: true,
      });
    });

    it('refuses a view over 250 kB with view_too_large', async () => {
      const block = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(2_900) } } as const;
      const huge = phoneModal({ blocks: Array.from({ length: 90 }, () => block) });
      await expect(client().views.open({ trigger_id: slack.issueTriggerId('U1'), view: huge })).rejects.toMatchObject(
        platformError('view_too_large'),
      );
    });
  });

  describe('views.update', () => {
    it('replaces the view in place with a new hash; a stale hash is a hash_conflict', async () => {
      const opened = await openPhoneModal();
      const updated = await client().views.update({ view_id: opened.id, hash: opened.hash, view: codeModal() });

      expect(updated.view).toMatchObject({ id: opened.id, callback_id: 'code_step' });
      expect(updated.view?.hash).not.toBe(opened.hash);
      expect(slack.view(opened.id)?.view.callback_id).toBe('code_step');
      await expect(
        client().views.update({ view_id: opened.id, hash: opened.hash, view: codeModal('again') }),
      ).rejects.toMatchObject(platformError('hash_conflict'));
    });

    it('finds a view by external_id; unknown and closed views are not_found', async () => {
      const view = { ...phoneModal(), external_id: 'flow-1' };
      const opened = await client().views.open({ trigger_id: slack.issueTriggerId('U1'), view });
      await client().views.update({ external_id: 'flow-1', view: codeModal() });
      expect(slack.view(opened.view?.id ?? '')).toMatchObject({ external_id: 'flow-1', view: codeModal() });

      await expect(client().views.update({ view_id: 'VNOPE', view: codeModal() })).rejects.toMatchObject(
        platformError('not_found'),
      );
      slack.workspace.closeView(opened.view?.id ?? '');
      await expect(client().views.update({ external_id: 'flow-1', view: codeModal() })).rejects.toMatchObject(
        platformError('not_found'),
      );
    });
  });

  it('publishes one Home tab per member, keeping its id; unknown members are user_not_found', async () => {
    const home = (text: string): types.HomeView => ({ type: 'home', blocks: [{ type: 'section', text: plain(text) }] });
    const first = await client().views.publish({ user_id: 'U1', view: home('Not verified') });
    const second = await client().views.publish({ user_id: 'U1', view: home('Verified') });

    expect(second.view?.id).toBe(first.view?.id);
    expect(slack.views).toEqual([expect.objectContaining({ type: 'home', userId: 'U1', view: home('Verified') })]);
    await expect(client().views.publish({ user_id: 'UNOBODY', view: home('x') })).rejects.toMatchObject(
      platformError('user_not_found'),
    );
  });

  describe('users.profile.set', () => {
    const verified = { fields: { [FIELD.id]: { value: 'Verified', alt: 'Phone verified 2026-08-20' } } };

    it('refuses the bot token', async () => {
      await expect(client().users.profile.set({ user: 'U1', profile: verified })).rejects.toMatchObject(
        platformError('not_allowed_token_type'),
      );
      expect(slack.profileOf('U1')).toEqual({});
    });

    it("sets a member's custom field with the admin token", async () => {
      const result = await client(ADMIN_TOKEN).users.profile.set({ user: 'U1', profile: verified });

      expect(result.profile?.fields).toEqual(verified.fields);
      expect(slack.profileOf('U1')).toEqual(verified.fields);
      expect(slack.calls[0]).toMatchObject({ token: 'admin', args: { user: 'U1', profile: verified } });
      await expect(client().users.info({ user: 'U1' })).resolves.toMatchObject({
        user: { profile: { fields: verified.fields } },
      });
    });

    it('refuses to change a member ranked at or above the token owner', async () => {
      await expect(client(ADMIN_TOKEN).users.profile.set({ user: 'U2', profile: verified })).rejects.toMatchObject(
        platformError('cannot_update_admin_user'),
      );
      await expect(client(ADMIN_TOKEN).users.profile.set({ user: 'UNOBODY', profile: verified })).rejects.toMatchObject(
        platformError('user_not_found'),
      );
      expect(slack.profileOf('U2')).toEqual({});
    });

    it('refuses unknown fields and values longer than 256 characters', async () => {
      const admin = client(ADMIN_TOKEN);
      await expect(
        admin.users.profile.set({ user: 'U1', profile: { fields: { Xf99: { value: 'x', alt: '' } } } }),
      ).rejects.toMatchObject(platformError('invalid_profile'));
      await expect(
        admin.users.profile.set({ user: 'U1', profile: { fields: { Xf01: { value: 'x'.repeat(257), alt: '' } } } }),
      ).rejects.toMatchObject(platformError('too_long'));
    });
  });

  it('lists custom profile fields with team.profile.get', async () => {
    await expect(client().team.profile.get({ visibility: 'all' })).resolves.toMatchObject({
      ok: true,
      profile: {
        fields: [
          {
            id: 'Xf01',
            label: 'Phone verified',
            type: 'text',
            hint: '',
            ordering: 0,
            options: { is_scim: false, is_protected: false },
            is_hidden: false,
          },
        ],
        sections: [],
      },
    });
  });

  it('reports members and their roles with users.info', async () => {
    await expect(client().users.info({ user: 'U2' })).resolves.toMatchObject({
      user: { id: 'U2', team_id: 'T1', name: 'olive', is_admin: true, is_owner: true, tz: 'Australia/Sydney' },
    });
    await expect(client().users.info({ user: 'UNOBODY' })).rejects.toMatchObject(platformError('user_not_found'));
  });

  it('reports a member’s locale only when users.info is asked to include it', async () => {
    slack.addUser({ id: 'U3', name: 'lucia', locale: 'es-MX' });
    expect((await client().users.info({ user: 'U3', include_locale: true })).user?.locale).toBe('es-MX');
    expect((await client().users.info({ user: 'U1', include_locale: true })).user?.locale).toBe('en-US');
    expect((await client().users.info({ user: 'U3' })).user).not.toHaveProperty('locale');
  });

  it('records ephemeral messages', async () => {
    const result = await client().chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'Your phone is verified' });
    expect(result.message_ts).toEqual(expect.any(String));
    expect(slack.messages).toEqual([
      expect.objectContaining({ via: 'chat.postEphemeral', channel: 'C1', user: 'U1', text: 'Your phone is verified' }),
    ]);
  });

  describe('failure injection', () => {
    it('a 429 surfaces as WebAPIRateLimitedError with rejectRateLimitedCalls', async () => {
      slack.failNext('users.profile.set', { status: 429, retryAfterSeconds: 7 });
      const admin = client(ADMIN_TOKEN, { rejectRateLimitedCalls: true });
      const profile = { fields: { Xf01: { value: 'Verified', alt: '' } } };

      const error = await admin.users.profile.set({ user: 'U1', profile }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
      expect((error as webApi.WebAPIRateLimitedError).retryAfter).toBe(7);
      await expect(admin.users.profile.set({ user: 'U1', profile })).resolves.toMatchObject({ ok: true });
      expect(slack.calls.map((call) => call.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    });

    it('fails only the next `count` calls of the method, with platform errors or HTTP 5xx', async () => {
      slack.failNext('team.profile.get', { error: 'not_admin' }, 2);
      slack.failNext('team.profile.get', { status: 500 });
      const bot = client();

      await expect(bot.team.profile.get()).rejects.toMatchObject(platformError('not_admin'));
      await expect(bot.team.profile.get()).rejects.toMatchObject(platformError('not_admin'));
      await expect(bot.team.profile.get()).rejects.toBeInstanceOf(webApi.WebAPIHTTPError);
      await expect(bot.team.profile.get()).resolves.toMatchObject({ ok: true });
      await expect(bot.auth.test()).resolves.toMatchObject({ ok: true });
    });

    it('a hung call times out in the client; a delayed one succeeds late', async () => {
      slack.failNext('views.open', 'hang');
      slack.failNext('auth.test', { delayMs: 150 });
      const bot = client(BOT_TOKEN, { timeout: 100 });

      await expect(bot.views.open({ trigger_id: 'x', view: phoneModal() })).rejects.toBeInstanceOf(
        webApi.WebAPIRequestError,
      );
      const started = Date.now();
      await expect(client().auth.test()).resolves.toMatchObject({ ok: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });
  });

  it('waitForView resolves on the next matching view and rejects after its timeout', async () => {
    const waiting = slack.waitForView((view) => view.view.callback_id === 'phone_step');
    const opened = await openPhoneModal();
    await expect(waiting).resolves.toMatchObject({ id: opened.id });
    await expect(slack.waitForView((view) => view.view.callback_id === 'nope', 50)).rejects.toThrow(
      /no matching view within 50 ms/,
    );
  });

  it('waitForViewUpdate checks only one view and the views pushed onto it', async () => {
    const mine = await openPhoneModal('U1');
    const other = await openPhoneModal('U2');
    await expect(slack.waitForViewUpdate(mine.id)).resolves.toMatchObject({ id: mine.id });

    const coded = slack.waitForViewUpdate(mine.id, (view) => view.view.callback_id === 'code_step');
    const pushed = slack.waitForViewUpdate(mine.id, (view) => view.previousViewId === mine.id);
    await client().views.update({ view_id: other.id, view: codeModal() });
    await client().views.update({ view_id: mine.id, view: codeModal() });
    await expect(coded).resolves.toMatchObject({ id: mine.id, userId: 'U1' });
    const top = slack.workspace.pushView(mine.id, phoneModal());
    await expect(pushed).resolves.toMatchObject({ id: top.ok ? top.value.id : '', rootViewId: mine.id });

    await expect(slack.waitForViewUpdate(other.id, (view) => view.userId === 'U1', 50)).rejects.toThrow(
      new RegExp(`no matching view within 50 ms; open views of view ${other.id}: \\[${other.id} modal`),
    );
  });

  it("waitForView with a member hint offers only that member's views", async () => {
    await openPhoneModal('U2');
    const waiting = slack.waitForView((view) => view.type === 'modal', 1000, { userId: 'U1' });
    await client().views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    await openPhoneModal('U2');
    const mine = await openPhoneModal('U1');
    await expect(waiting).resolves.toMatchObject({ id: mine.id, userId: 'U1' });
  });

  it('keeps stacks, Home tabs and external ids consistent as views open, change and close', async () => {
    const { workspace } = slack;
    const home = workspace.publishHome('U1', { type: 'home', blocks: [] });
    const root = workspace.openModal('U1', { ...phoneModal(), external_id: 'flow-1' });
    if (!root.ok) throw new Error(root.error);
    const pushed = workspace.pushView(root.value.id, codeModal());
    if (!pushed.ok) throw new Error(pushed.error);

    expect(workspace.stackOf(pushed.value.id).map((view) => view.id)).toEqual([root.value.id, pushed.value.id]);
    expect(workspace.homeOf('U1')?.id).toBe(home.id);
    expect(workspace.viewByExternalId('flow-1')?.id).toBe(root.value.id);
    expect(workspace.openModal('U2', { ...phoneModal(), external_id: 'flow-1' })).toEqual({
      ok: false,
      error: 'duplicate_external_id',
    });

    // An update that names another external_id frees the first one.
    expect(workspace.updateView(root.value.id, { ...codeModal(), external_id: 'flow-2' }).ok).toBe(true);
    expect(workspace.viewByExternalId('flow-1')).toBeUndefined();
    expect(workspace.viewByExternalId('flow-2')?.id).toBe(root.value.id);
    expect(workspace.stackOf(root.value.id)).toHaveLength(2);

    expect(workspace.closeView(pushed.value.id)?.id).toBe(root.value.id);
    expect(workspace.stackOf(root.value.id).map((view) => view.id)).toEqual([root.value.id]);

    // A new modal from outside a view replaces the member's modal, not the Home tab.
    const next = workspace.openModal('U1', { ...phoneModal(), external_id: 'flow-1' });
    if (!next.ok) throw new Error(next.error);
    expect(workspace.view(root.value.id)).toBeUndefined();
    expect(workspace.stackOf(root.value.id)).toEqual([]);
    expect(workspace.viewByExternalId('flow-2')).toBeUndefined();
    expect(workspace.viewByExternalId('flow-1')?.id).toBe(next.value.id);
    expect(slack.views.map((view) => view.id)).toEqual([home.id, next.value.id]);
    expect(workspace.homeOf('U1')?.id).toBe(home.id);
    expect(workspace.homeOf('U2')).toBeUndefined();
  });

  it('indexes recorded calls by method; waitForCall by name finds earlier and later calls', async () => {
    const bot = client();
    await bot.auth.test();
    await openPhoneModal();
    await bot.auth.test();

    const tests = slack.callsTo('auth.test');
    expect(tests).toEqual(slack.calls.filter((call) => call.method === 'auth.test'));
    expect(tests).toHaveLength(2);
    expect(slack.callsTo('auth.test')).not.toBe(tests);
    await expect(slack.waitForCall('views.open')).resolves.toBe(slack.calls[1]);

    const next = slack.waitForCall((call) => call.args.user_id === 'U1', 1000, { method: 'views.publish' });
    await bot.views.publish({ user_id: 'U2', view: { type: 'home', blocks: [] } });
    await bot.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    await expect(next).resolves.toMatchObject({ method: 'views.publish', args: { user_id: 'U1' } });

    slack.reset();
    expect(slack.callsTo('auth.test')).toEqual([]);
  });
});

describe('view rules', () => {
  const input = (blockId: string, element: Record<string, unknown> = { type: 'plain_text_input', action_id: 'a' }) => ({
    type: 'input',
    block_id: blockId,
    label: plain('Label'),
    element,
  });
  const modal = (extra: Record<string, unknown>) => ({ ...phoneModal(), ...extra });

  it.each([
    ['a 25-character title', modal({ title: plain('x'.repeat(25)) }), '/view/title/text'],
    ['a 25-character submit label', modal({ submit: plain('x'.repeat(25)) }), '/view/submit/text'],
    [
      'more than 100 blocks',
      modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }),
      '/view/blocks',
    ],
    ['3001 characters of private_metadata', modal({ private_metadata: 'x'.repeat(3001) }), '/view/private_metadata'],
    ['a 256-character callback_id', modal({ callback_id: 'x'.repeat(256) }), '/view/callback_id'],
    [
      'an input block without a label',
      modal({ blocks: [{ ...input('b'), label: undefined }] }),
      '/view/blocks/0/label',
    ],
    [
      'an input block without an element',
      modal({ blocks: [{ ...input('b'), element: undefined }] }),
      '/view/blocks/0/element',
    ],
    ['duplicate block ids', modal({ blocks: [input('b'), input('b')] }), '/view/blocks/1/block_id'],
    [
      'a plain_text_input without action_id',
      modal({ blocks: [input('b', { type: 'plain_text_input' })] }),
      '/view/blocks/0/element/action_id',
    ],
    [
      'section text over 3000 characters',
      modal({ blocks: [{ type: 'section', text: plain('x'.repeat(3001)) }] }),
      '/view/blocks/0/text/text',
    ],
    [
      'header text over 150 characters',
      modal({ blocks: [{ type: 'header', text: plain('x'.repeat(151)) }] }),
      '/view/blocks/0/text/text',
    ],
    ['an echoed read-only field', modal({ hash: '123.abc' }), '/view/hash'],
  ])('rejects %s', (_name, view, pointer) => {
    const result = checkView(view);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages.join('\n')).toContain(`[json-pointer:${pointer}]`);
  });

  it('accepts a valid modal and a valid home view', () => {
    expect(checkView(phoneModal(), { type: 'modal' })).toMatchObject({ ok: true });
    expect(checkView({ type: 'home', blocks: [{ type: 'divider' }] }, { type: 'home' })).toMatchObject({ ok: true });
    expect(checkView(phoneModal(), { type: 'home' })).toMatchObject({ ok: false });
  });
});

describe('SlackDriver against a Bolt app', () => {
  let app: App;
  let driver: SlackDriver;

  beforeAll(async () => {
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      botId: 'B0000VERIFY',
      botUserId: 'U0000VERIFY',
      logger: silent,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silent },
    });
    app.command('/cmd', async ({ ack, body, client: web }) => {
      await ack();
      await web.views.open({ trigger_id: body.trigger_id, view: phoneModal() });
    });
    app.view<ViewSubmitAction>('phone_step', async ({ ack, view }) => {
      const phone = view.state.values.phone_block?.phone_input?.value ?? '';
      if (phone === 'bad-key') {
        await ack({ response_action: 'errors', errors: { intro: 'Not an input block' } });
      } else if (phone === 'bad-view') {
        await ack({
          response_action: 'update',
          view: { ...codeModal(), title: plain('A title far too long for Slack') },
        });
      } else if (!phone.startsWith('+')) {
        await ack({ response_action: 'errors', errors: { phone_block: 'Include the country code' } });
      } else {
        await ack({ response_action: 'update', view: codeModal() });
      }
    });
    app.view<ViewSubmitAction>('code_step', async ({ ack }) => {
      await ack();
    });
    app.action<BlockAction>('resend', async ({ ack, body, client: web }) => {
      await ack();
      if (body.view)
        await web.views.update({ view_id: body.view.id, hash: body.view.hash, view: codeModal('Sent again') });
    });
    app.event('app_home_opened', async ({ event, client: web }) => {
      await web.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'divider' }] } });
    });
    const server = (await app.start(0)) as Server;
    const { port } = server.address() as AddressInfo;
    driver = new SlackDriver({
      appUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      emulator: slack,
    });
  });

  afterAll(() => app.stop());

  async function openModalViaCommand() {
    const command = await driver.runSlashCommand('U1', '/cmd');
    const modal = await slack.waitForView((view) => view.view.callback_id === 'phone_step');
    return { command, modal };
  }

  it('runs a slash command: empty ack in time, then the modal is open in the emulator', async () => {
    const { command, modal } = await openModalViaCommand();

    expect(command).toMatchObject({ status: 200, body: '' });
    expect(command.error).toBeUndefined();
    expect(command.ackMs).toBeLessThan(3000);
    expect(modal).toMatchObject({ userId: 'U1', type: 'modal', view: phoneModal() });
    expect(slack.callsTo('views.open')).toEqual([
      expect.objectContaining({
        token: 'bot',
        ok: true,
        args: expect.objectContaining({ trigger_id: command.triggerId }),
      }),
    ]);
  });

  it('returns validation errors keyed by block_id and leaves the modal as it was', async () => {
    const { modal } = await openModalViaCommand();

    const result = await driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });

    expect(result).toMatchObject({
      sent: true,
      status: 200,
      action: 'errors',
      errors: { phone_block: 'Include the country code' },
      view: { id: modal.id, hash: modal.hash },
    });
    expect(result.error).toBeUndefined();
  });

  it('applies an update ack: same view id, new hash, new content', async () => {
    const { modal } = await openModalViaCommand();

    const result = await driver.submitView(modal.id, 'U1', { phone_input: '+61491570156' });

    expect(result).toMatchObject({ status: 200, action: 'update', view: { id: modal.id, view: codeModal() } });
    expect(result.view?.hash).not.toBe(modal.hash);
    expect(slack.views.map((view) => view.view.callback_id)).toEqual(['code_step']);
  });

  it('refuses like the Slack client to submit an empty required input; an empty ack closes the modal', async () => {
    const { modal } = await openModalViaCommand();
    await driver.submitView(modal.id, 'U1', { phone_block: '+61491570156' });

    const blocked = await driver.submitView(modal.id, 'U1');
    expect(blocked).toMatchObject({ sent: false, errors: { code_block: 'Please complete this required field.' } });

    const closed = await driver.submitView(modal.id, 'U1', { code_block: '123456' });
    expect(closed).toMatchObject({ sent: true, status: 200, action: 'close' });
    expect(closed.view).toBeUndefined();
    expect(slack.views).toEqual([]);
  });

  it('reports invalid acks as "trouble connecting" and leaves the view unchanged', async () => {
    const { modal } = await openModalViaCommand();

    const wrongKey = await driver.submitView(modal.id, 'U1', { phone_block: 'bad-key' });
    expect(wrongKey.error).toMatch(/trouble connecting.*`intro` is not the block_id of an input block/);
    expect(wrongKey.errors).toBeUndefined();

    const badView = await driver.submitView(modal.id, 'U1', { phone_block: 'bad-view' });
    expect(badView.error).toMatch(/trouble connecting.*json-pointer:\/view\/title\/text/);
    expect(slack.view(modal.id)).toEqual(modal);
  });

  it('sends a button click; the app updates the view with its id and hash', async () => {
    const { modal } = await openModalViaCommand();
    const updated = await driver.submitView(modal.id, 'U1', { phone_block: '+61491570156' });

    const click = await driver.clickButton(modal.id, 'U1', 'resend');

    expect(click).toMatchObject({ status: 200 });
    const again = await slack.waitForView((view) => view.hash !== updated.view?.hash && view.id === modal.id);
    expect(again.view).toEqual(codeModal('Sent again'));
    expect(slack.callsTo('views.update')[0]?.args).toMatchObject({ view_id: modal.id, hash: updated.view?.hash });
  });

  it('opens the Home tab: an app_home_opened event the app answers with views.publish', async () => {
    const event = await driver.openHomeTab('U1');

    expect(event).toMatchObject({ status: 200 });
    await expect(slack.waitForView((view) => view.type === 'home')).resolves.toMatchObject({ userId: 'U1' });
  });

  it('gets 401 from Bolt for a bad signature or a stale timestamp, 400 for a content-type with charset', async () => {
    const body = new URLSearchParams({
      command: '/cmd',
      user_id: 'U1',
      trigger_id: slack.issueTriggerId('U1'),
    }).toString();

    const forged = await driver.sendRaw(body, { ...driver.sign(body), 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    const stale = await driver.sendRaw(body, driver.sign(body, Math.floor(Date.now() / 1000) - 301));
    const charset = await driver.sendRaw(body, {
      ...driver.sign(body),
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    });

    expect([forged.status, stale.status, charset.status]).toEqual([401, 401, 400]);
    expect(slack.calls).toEqual([]);
  });
});

describe('SlackEmulator OAuth', () => {
  const oauth = { clientId: '1.2', clientSecret: 'client-secret' };
  let emulator: SlackEmulator;

  beforeEach(async () => {
    emulator = await SlackEmulator.start({ botToken: BOT_TOKEN, oauth });
    emulator.addWorkspace({ id: 'T2', domain: 'two', name: 'Two' });
  });

  afterEach(() => emulator.stop());

  const exchange = async (args: Record<string, string>) => {
    const response = await fetch(`${emulator.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(args).toString(),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  const codeFor = (teamId: string) => {
    const url = emulator.approveInstall({ teamId, userId: 'UADMIN', state: 's1', redirectUri: 'https://app/cb' });
    expect(new URL(url).searchParams.get('state')).toBe('s1');
    return new URL(url).searchParams.get('code') ?? '';
  };

  it('checks the client id, the secret and the code, which works once', async () => {
    const code = codeFor('T2');
    expect(await exchange({ client_id: 'x', client_secret: oauth.clientSecret, code })).toEqual({
      ok: false,
      error: 'invalid_client_id',
    });
    expect(await exchange({ client_id: oauth.clientId, client_secret: 'x', code })).toEqual({
      ok: false,
      error: 'bad_client_secret',
    });
    const granted = await exchange({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code });
    expect(granted).toMatchObject({ ok: true, team: { id: 'T2' }, is_enterprise_install: false });
    expect(await exchange({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code })).toEqual({
      ok: false,
      error: 'invalid_code',
    });
  });

  it('issues tokens that work for their own workspace until they are revoked', async () => {
    const granted = await exchange({
      ...{ client_id: oauth.clientId, client_secret: oauth.clientSecret },
      code: codeFor('T2'),
    });
    const auth = await new webApi.WebClient(String(granted.access_token), { slackApiUrl: emulator.apiUrl }).auth.test();
    expect(auth.team_id).toBe('T2');
    expect(emulator.callsTo('auth.test')[0]).toMatchObject({ token: 'bot', owner: 'T2' });
    emulator.revokeTokens('T2');
    const client = new webApi.WebClient(String(granted.access_token), {
      slackApiUrl: emulator.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(client.auth.test()).rejects.toThrow('invalid_auth');
  });
});
