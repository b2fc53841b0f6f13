import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { AckResult } from '../../emulators/slack';
import { TestEnvironment } from '../support/environment';
import { auditEvents, inPool, Random } from '../support/faults';
import { message, withNumber } from '../support/texts';

/**
 * Hostile input at /slack/events: correctly signed (so it passes the signature check and reaches Bolt and
 * the listeners), but malformed in every way a seeded generator can think of. Deterministic and bounded.
 *
 * Bolt 5.1 answers a request no listener acks with 404 after ~3 s (HTTPReceiver's
 * unhandledRequestTimeoutMillis, 3001 ms), and a listener that throws before its ack ends the same way.
 * Those are acceptable here (a 4xx), and are sent concurrently so they cost ~3 s in all, not 3 s each.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SEED = 0x5eed_f022;
const MOBILE = '+61491570156';
const OTHER_MOBILE = '+61491570157';
const LATE_MOBILE = '+61491570158';
const FORM = 'application/x-www-form-urlencoded';
const CODE_ERROR = message('code.malformed', { codeLength: 6 });

/** Fragments that break parsers, loggers, and people: unicode tricks, control bytes, injections. */
const NASTY = [
  '\u0000',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\u202e\u202d\u2066RTL\u2069',
  '\u200b\u200c\u200d\u2060',
  '\ud800',
  '\udfff\ud800',
  '🙂👨‍👩‍👧‍👦🏳️‍🌈',
  'Ω≈ç√∫˜µ≤≥÷',
  'ثلاثة',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '"; DROP TABLE flows; --',
  '$' + '{jndi:ldap://x/a}', // log4shell, split so it isn't read as a template
  '{{7*7}}',
  '../../../etc/passwd',
  '%00%ff%c0%af',
  '\\u0000\\"',
  '{"phone":"+61491570156","code":"000000"}',
  '[[[[[[[[[[[[[[[[[[[[',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-0',
  '0x1F',
  '\r\n\r\nHTTP/1.1 200 OK\r\n',
  '\t\v\f',
  '＋６１',
  '١٢٣',
  'abc',
  ' ',
  '',
];

class Fuzzer {
  constructor(readonly random: Random) {}

  /** A hostile string: nasty fragments, digits and junk glued together, now and then ~100 kB long. */
  text(): string {
    const { random } = this;
    if (random.chance(0.03))
      return random
        .pick(NASTY)
        .repeat(1 + Math.floor(100_000 / 8))
        .slice(0, 100_000);
    const parts: string[] = [];
    const count = random.int(1, 4);
    for (let i = 0; i < count; i++) {
      const kind = random.int(0, 3);
      if (kind === 0) parts.push(random.pick(NASTY));
      else if (kind === 1) parts.push(String(random.int(0, 99_999)));
      else if (kind === 2) parts.push(random.pick(['+', '+61', ' ', '(', ')', '-', '.', '#', '*', ',', 'ext.']));
      else parts.push(String.fromCharCode(...Array.from({ length: random.int(1, 6) }, () => random.int(0, 0xffff))));
    }
    return parts.join('');
  }

  /** A value of any JSON type, often the wrong one. */
  value(depth = 0): Json {
    const { random } = this;
    switch (random.int(0, 9)) {
      case 0:
        return null;
      case 1:
        return random.chance(0.5);
      case 2:
        return random.pick([0, -1, 1.5, 2 ** 53 + 1, -1e308, 12_345]);
      case 3:
        return depth > 2 ? [] : Array.from({ length: random.int(0, 3) }, () => this.value(depth + 1));
      case 4:
        return depth > 2 ? {} : { [`x_${this.text().slice(0, 20)}`]: this.value(depth + 1) };
      case 5:
        return JSON.stringify({ value: this.text(), nested: { type: 'plain_text_input' } }); // JSON in a string
      default:
        return this.text();
    }
  }

  /**
   * A copy of `payload` with one to three changes: a field removed, replaced by a value of another type,
   * or a junk field added, anywhere, Bolt's routing keys included.
   */
  mutate(payload: Json): Json {
    const copy = structuredClone(payload);
    const changes = this.random.int(1, 3);
    for (let i = 0; i < changes; i++) {
      const slots = objectSlots(copy);
      const slot = this.random.pick(slots);
      const keys = Object.keys(slot.object);
      const action = this.random.int(0, 4);
      const key = keys.length > 0 ? this.random.pick(keys) : undefined;
      if (action === 0 || key === undefined) slot.object[`x_fuzz_${i}`] = this.value();
      else if (action === 1) delete slot.object[key];
      else slot.object[key] = this.value();
    }
    return copy;
  }
}

/** Every object in a JSON tree (not arrays' elements themselves), with its depth. */
function objectSlots(root: Json, depth = 0): { object: { [key: string]: Json }; depth: number }[] {
  if (root === null || typeof root !== 'object') return [];
  if (Array.isArray(root)) return root.flatMap((item) => objectSlots(item, depth + 1));
  return [{ object: root, depth }, ...Object.values(root).flatMap((value) => objectSlots(value, depth + 1))];
}

/** Whether the ASCII digits in `input` make a number that could be a real one: such input isn't hostile. */
function couldBeARealNumber(input: string): boolean {
  const digits = input.replace(/[^0-9]/g, '');
  if (digits.length < 6 || digits.length > 17) return false;
  return [`+${digits}`, digits].some((candidate) => parsePhoneNumberFromString(candidate, 'AU')?.isValid() === true);
}

/** Whether the app would take `input` as a code (exactly six ASCII digits once trimmed): then it's not hostile. */
const looksLikeACode = (input: string) => /^[0-9]{6}$/.test(input.trim());

describe('hostile input at /slack/events', () => {
  let env: TestEnvironment;
  const fuzz = new Fuzzer(new Random(SEED));
  /** Where the hostile phone numbers are typed: U1's number step, kept open through the whole file. */
  let phoneStep: { viewId: string; reference: string };
  /** A real code step (U2's) that hostile codes hammer; with VERIFY_MAX_ATTEMPTS 1, one counted guess kills it. */
  let codeStep: { viewId: string; reference: string; code: string };

  beforeAll(async () => {
    env = await TestEnvironment.start({
      env: {
        VERIFY_MAX_ATTEMPTS: '1',
        VERIFY_RESEND_COOLDOWN_SECONDS: '3600', // a fuzzed "Resend code" must never send
        VERIFY_SENDS_PER_MEMBER_PER_HOUR: '100',
        VERIFY_SENDS_PER_NUMBER_PER_HOUR: '100',
      },
    });
    env.addMembers({ U1: 'alice', U2: 'bob', U3: 'carol' });
    const modal = await env.openVerification('U1');
    phoneStep = { viewId: modal.id, reference: referenceOf(modal.id) };
    const reached = await env.reachCodeStep('U2', MOBILE, MOBILE);
    codeStep = { ...reached, reference: referenceOf(reached.viewId) };
  });

  afterAll(() => env.stop());

  function referenceOf(viewId: string): string {
    const view = env.slack.view(viewId)?.view;
    if (view?.type !== 'modal' || !view.private_metadata) throw new Error(`no flow reference in ${viewId}`);
    return view.private_metadata;
  }

  /** Posts `body` signed with the app's signing secret, as Slack would. */
  function post(body: string, contentType: string = FORM): Promise<AckResult> {
    return env.driver.sendRaw(body, { ...env.driver.sign(body), 'content-type': contentType });
  }

  const formPayload = (payload: Json) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

  function viewSubmission(userId: string, callbackId: string, reference: Json, blockId: string, value: Json): Json {
    const team = env.slack.team;
    const actionId = blockId.replace('_block', '_input');
    return {
      type: 'view_submission',
      team: { id: team.id, domain: team.domain },
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: team.id },
      api_app_id: env.slack.appId,
      token: 'legacy-verification-token',
      trigger_id: '1234.5678.abcdef',
      is_enterprise_install: false,
      enterprise: null,
      view: {
        id: 'VFUZZ0001', // never a real modal: a fuzzed ack or update must not move the real ones
        hash: '1.abc',
        type: 'modal',
        callback_id: callbackId,
        private_metadata: reference,
        state: { values: { [blockId]: { [actionId]: { type: 'plain_text_input', value } } } },
        team_id: team.id,
        app_id: env.slack.appId,
        bot_id: 'B0000VERIFY',
        blocks: [],
        title: { type: 'plain_text', text: message('modal.title') },
      },
    };
  }

  function blockAction(userId: string, actionId: string, reference: Json): Json {
    const team = env.slack.team;
    return {
      type: 'block_actions',
      team: { id: team.id, domain: team.domain },
      user: { id: userId, username: 'alice', name: 'alice', team_id: team.id },
      api_app_id: env.slack.appId,
      token: 'legacy-verification-token',
      trigger_id: '1234.5678.abcdef',
      container: { type: 'view', view_id: 'VFUZZ0002' },
      view: { id: 'VFUZZ0002', type: 'modal', private_metadata: reference, callback_id: '', state: { values: {} } },
      actions: [{ type: 'button', action_id: actionId, block_id: 'flow_actions', action_ts: '1.2' }],
    };
  }

  function command(fields: Record<string, Json>): string {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return form.toString();
  }

  function homeEvent(): Json {
    const team = env.slack.team;
    return {
      token: 'legacy-verification-token',
      team_id: team.id,
      api_app_id: env.slack.appId,
      event: { type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1.2' },
      type: 'event_callback',
      event_id: 'Ev0FUZZ',
      event_time: 1,
      authorizations: [
        {
          enterprise_id: null,
          team_id: team.id,
          user_id: env.slack.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
  }

  /** One hostile request: what to send, and the statuses allowed beyond "below 500". */
  interface Case {
    readonly label: string;
    readonly body: string;
    readonly contentType?: string;
    readonly expect?: number;
  }

  function hostileRequests(): Case[] {
    const cases: Case[] = [];
    const references: Json[] = [phoneStep.reference, codeStep.reference, 'garbage', ''];
    const hostileValue = (isCode: boolean): Json => {
      if (fuzz.random.chance(0.12)) return fuzz.value(); // wrong types: numbers, arrays, objects, null
      for (;;) {
        const text = fuzz.text();
        if (isCode ? !looksLikeACode(text) : !couldBeARealNumber(text)) return text;
      }
    };

    // Invalid JSON in payload=: truncated and garbled real payloads. Bolt answers 400.
    for (let i = 0; i < 25; i++) {
      const json = JSON.stringify(viewSubmission('U1', 'verify_phone_number', phoneStep.reference, 'phone_block', '1'));
      const broken = fuzz.random.chance(0.5) ? json.slice(0, fuzz.random.int(0, json.length - 2)) : `${fuzz.text()}{`;
      cases.push({
        label: `invalid JSON payload #${i}`,
        body: new URLSearchParams({ payload: broken }).toString(),
        expect: 400,
      });
    }
    // Invalid JSON bodies sent as JSON.
    for (let i = 0; i < 8; i++) {
      const json = JSON.stringify(homeEvent());
      cases.push({
        label: `invalid JSON body #${i}`,
        body: json.slice(0, fuzz.random.int(1, json.length - 2)),
        contentType: 'application/json',
        expect: 400,
      });
    }
    // Mutated view submissions, for the number step, the code step and steps that don't exist. Half of them
    // come from the member the flow belongs to, so they get past the reference check into the use cases.
    for (let i = 0; i < 110; i++) {
      const isCode = fuzz.random.chance(0.5);
      const owned = fuzz.random.chance(0.5);
      const callbackId = fuzz.random.chance(0.05) ? fuzz.text() : isCode ? 'verify_phone_code' : 'verify_phone_number';
      const ownReference = isCode ? codeStep.reference : phoneStep.reference;
      const reference = owned ? ownReference : fuzz.random.chance(0.2) ? fuzz.value() : fuzz.random.pick(references);
      const userId = owned ? (isCode ? 'U2' : 'U1') : fuzz.random.pick(['U1', 'U2', 'U3', fuzz.text()]);
      const base = viewSubmission(userId, callbackId, reference, isCode ? 'code_block' : 'phone_block', '');
      const payload = fuzz.random.chance(owned ? 0.3 : 0.6) ? fuzz.mutate(base) : base;
      setValue(payload, hostileValue(isCode));
      cases.push({ label: `view_submission #${i}`, body: formPayload(payload) });
    }
    // Mutated button clicks: Resend code, Start again / Use a different number, and the Home tab button.
    for (let i = 0; i < 30; i++) {
      const actionId = fuzz.random.pick(['resend_code', 'restart_verification', 'start_verification', 'resend_code']);
      const reference = fuzz.random.chance(0.2) ? fuzz.value() : fuzz.random.pick(references);
      cases.push({
        label: `block_actions #${i}`,
        body: formPayload(fuzz.mutate(blockAction('U1', actionId, reference))),
      });
    }
    // Slash command form bodies with hostile fields.
    for (let i = 0; i < 35; i++) {
      const fields: Record<string, Json> = {
        token: 'legacy-verification-token',
        team_id: env.slack.team.id,
        team_domain: 'acme',
        channel_id: 'C0000GENERAL',
        user_id: 'U1',
        command: '/verify-phone',
        text: fuzz.text(),
        api_app_id: env.slack.appId,
        response_url: `${env.slack.url}/response/fuzz`,
        trigger_id: fuzz.text(),
      };
      const mutated = fuzz.mutate(fields) as Record<string, Json>;
      if (fuzz.random.chance(0.9)) mutated.command = '/verify-phone'; // keep most of them handled
      cases.push({ label: `slash command #${i}`, body: command(mutated) });
    }
    // Events API bodies (JSON): app_home_opened with hostile fields, unknown event types.
    for (let i = 0; i < 30; i++) {
      cases.push({
        label: `event #${i}`,
        body: JSON.stringify(fuzz.mutate(homeEvent())),
        contentType: 'application/json',
      });
    }
    // Oddities no listener handles: Bolt's unhandled-request path (~3 s, then 404). Kept few.
    // Not sent: a JSON `null` body (or payload=null). Bolt's HTTPReceiver reads `body.ssl_check` outside any
    // try/catch, so it never answers and the rejection goes unhandled, which ends a real `npm start` process
    // (exit 1). Reported; it cannot be shown here without an unhandled rejection inside Jest.
    cases.push(
      { label: 'JSON array body', body: '[]', contentType: 'application/json' },
      { label: 'JSON string body', body: '"\\u0000"', contentType: 'application/json' },
      { label: 'form without payload', body: 'a=1&b=%00&c=%E2%80%AE', contentType: FORM },
      { label: 'unknown payload type', body: formPayload({ type: fuzz.text(), user: { id: 'U1' }, team: null }) },
      {
        label: 'url_verification',
        body: JSON.stringify({ type: 'url_verification', challenge: fuzz.text() }),
        contentType: 'application/json',
      },
      { label: 'form body declared with a charset', body: 'payload=%7B%7D', contentType: `${FORM}; charset=utf-8` },
    );
    return cases;
  }

  // Bolt's routing reads user, view, actions and event without checks: the receiver refuses such shapes first.
  it('answers 4xx, not 500, to signed payloads that Bolt cannot route', async () => {
    const team = { id: env.slack.team.id, domain: 'acme' };
    const user = { id: 'U1', name: 'alice', team_id: team.id };
    const bodies: [string, string][] = [
      [formPayload({ type: 'view_submission', team, user }), FORM], // no view
      [formPayload({ type: 'view_submission', team, user, view: null }), FORM],
      [formPayload({ type: 'view_submission', team, view: { callback_id: 'verify_phone_code' } }), FORM], // no user
      [formPayload({ type: 'block_actions', team, user, actions: null }), FORM],
      [JSON.stringify({ type: 'event_callback', team_id: team.id, event: null }), 'application/json'],
      [JSON.stringify({ type: 'event_callback', team_id: team.id, event: 'app_home_opened' }), 'application/json'],
      [JSON.stringify({ type: 'event_callback', team_id: team.id, event: { channel: null } }), 'application/json'],
      ['null', 'application/json'], // a body of null used to take the process down
      ['payload=null', FORM],
      [
        formPayload({
          type: 'view_submission',
          team,
          user,
          view: {
            id: 'V1',
            callback_id: 'verify_phone_code',
            private_metadata: '',
            state: { values: { code_block: { code_input: { value: 42 } } } },
          },
        }),
        FORM,
      ],
    ];
    const statuses = await Promise.all(bodies.map(async ([body, type]) => (await post(body, type)).status));
    expect(statuses).toEqual(bodies.map(() => 400));
    expect((await fetch(env.appUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
  });

  it('answers every malformed, correctly signed request below 500, and keeps serving', async () => {
    const cases = hostileRequests();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const sentBefore = env.messageMedia.outbox.length;
    const started = Date.now();
    const results = await inPool(
      cases.map((request) => async () => ({ request, response: await post(request.body, request.contentType) })),
      48,
    );
    const wrong = results
      .filter(
        ({ request, response }) => response.status >= 500 || (request.expect && response.status !== request.expect),
      )
      .map(({ request, response }) => `${request.label}: HTTP ${response.status}`);
    expect(wrong).toEqual([]);
    expect(Date.now() - started).toBeLessThan(12_000);

    expect(env.messageMedia.outbox.length).toBe(sentBefore);
    const health = await fetch(env.appUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  }, 20_000);

  it('refuses hostile phone numbers typed in the modal inline, and texts none of them', async () => {
    const curated = [
      `${MOBILE}\u200b`,
      `${MOBILE}\u0000`,
      `\u202e${MOBILE}`,
      '+61 491 570 1５6',
      '＋６１４９１５７０１５６',
      '+٦١٤٩١٥٧٠١٥٦',
      `${MOBILE};${OTHER_MOBILE}`,
      `${MOBILE}\n${OTHER_MOBILE}`,
      'tel:+61491570156',
      '+61 491 570 156 ext. 1',
      '+61491570156#',
      '{"phone":"+61491570156"}',
      '\u0000',
      '',
      '   ',
      '+'.repeat(100_000),
      '9'.repeat(100_000),
    ];
    const generated: string[] = [];
    while (generated.length < 60) {
      const text = fuzz.text();
      if (!couldBeARealNumber(text)) generated.push(text);
    }
    const sentBefore = env.messageMedia.outbox.length;
    for (const phone of [...curated, ...generated]) {
      const result = await env.driver.submitView(
        phoneStep.viewId,
        'U1',
        { phone_block: phone },
        { clientValidation: false },
      );
      expect({ phone: phone.slice(0, 60), status: result.status, action: result.action }).toEqual({
        phone: phone.slice(0, 60),
        status: 200,
        action: 'errors',
      });
      expect(result.errors?.phone_block).toEqual(expect.any(String));
    }
    expect(env.messageMedia.outbox.length).toBe(sentBefore);
    expect(auditEvents(env, 'flow_started').filter((entry) => entry.userId === 'U1')).toEqual([]);
  }, 20_000);

  it('refuses hostile codes inline without counting them', async () => {
    const curated = [
      '１２３４５６',
      '١٢٣٤٥٦',
      `${codeStep.code}\u0000`,
      `${codeStep.code.slice(0, 3)}\u200b${codeStep.code.slice(3)}`,
      `\u202e${codeStep.code}`,
      `${codeStep.code}0`,
      codeStep.code.slice(0, 5),
      `-${codeStep.code.slice(1)}`,
      '1e5000',
      '0x1234',
      `{"code":"${codeStep.code}"}`,
      `${codeStep.code} ${codeStep.code}`,
      '0'.repeat(100_000),
    ];
    const generated: string[] = [];
    while (generated.length < 40) {
      const text = fuzz.text();
      if (!looksLikeACode(text)) generated.push(text);
    }
    for (const code of [...curated, ...generated]) {
      const result = await env.driver.submitView(
        codeStep.viewId,
        'U2',
        { code_block: code },
        { clientValidation: false },
      );
      expect({ code: code.slice(0, 60), action: result.action, error: result.errors?.code_block }).toEqual({
        code: code.slice(0, 60),
        action: 'errors',
        error: CODE_ERROR,
      });
    }
    expect(auditEvents(env, 'code_wrong')).toEqual([]);
  }, 20_000);

  it('afterwards answers /healthz, lets the hammered flow verify, and verifies a new member end to end', async () => {
    const health = await fetch(env.appUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);

    // With one attempt allowed, this passes only if no hostile code above was counted.
    const verified = env.waitForModalText(codeStep.viewId, withNumber('verified.title', MOBILE));
    await env.driver.submitView(codeStep.viewId, 'U2', { code_block: codeStep.code });
    await verified;

    const late = await env.reachCodeStep('U3', LATE_MOBILE, LATE_MOBILE);
    const lateVerified = env.waitForModalText(late.viewId, withNumber('verified.title', LATE_MOBILE));
    await env.driver.submitView(late.viewId, 'U3', { code_block: late.code });
    await lateVerified;

    // Only the two real members were ever texted.
    expect(env.messageMedia.outbox.map((message) => message.destination_number).sort()).toEqual([MOBILE, LATE_MOBILE]);
  });
});

/** Puts `value` where the step's input value lives, if the mutation left that path in place. */
function setValue(payload: Json, value: Json): void {
  const values = (payload as { view?: { state?: { values?: Json } } }).view?.state?.values;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return;
  for (const block of Object.values(values)) {
    if (block === null || typeof block !== 'object' || Array.isArray(block)) continue;
    for (const input of Object.values(block)) {
      if (input !== null && typeof input === 'object' && !Array.isArray(input)) input.value = value;
    }
  }
}
