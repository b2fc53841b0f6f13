import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MessageMediaEmulator } from '../../emulators/messagemedia';

const API_KEY = 'emu-key';
const API_SECRET = 'emu-secret';
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const AUTH = basic(API_KEY, API_SECRET);

const BAD_REQUEST = 'Request failed to parse correctly. Please ensure input is valid and try again.';
const DESTINATION_DETAIL =
  "International address must be between 8 and 15 characters excluding the first '+', International address contains invalid characters.";

const valid = { content: 'Your code is 123456', destination_number: '+61491570156' };

let mm: MessageMediaEmulator;

beforeAll(async () => {
  mm = await MessageMediaEmulator.start({ apiKey: API_KEY, apiSecret: API_SECRET });
});
afterEach(() => mm.reset());
afterAll(() => mm.stop());

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

/** A raw HTTP call, so the tests see exactly what is on the wire. A string body is sent as is. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  authorization: string | null = AUTH,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${mm.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text) };
}

const send = (...messages: unknown[]) => call('POST', '/v1/messages', { messages });

/** The 400 body for these details. */
const rejected = (...details: string[]) => ({ message: BAD_REQUEST, details });

describe('POST /v1/messages', () => {
  it('accepts a message with id, queued status and defaults, and stores it', async () => {
    const answer = await send({ ...valid, metadata: { flow: 'f1' } });

    expect(answer.status).toBe(202);
    const stored = mm.lastMessageTo(valid.destination_number);
    expect(answer.json).toEqual({ messages: [stored] });
    expect(stored).toEqual({
      ...valid,
      metadata: { flow: 'f1' },
      delivery_report: false,
      format: 'SMS',
      message_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'queued',
    });
  });

  it('keeps explicit optional fields', async () => {
    const extras = {
      delivery_report: true,
      format: 'TTS',
      message_expiry_timestamp: '2030-01-01T00:05:00Z',
      callback_url: 'https://example.test/cb',
    };
    expect((await send({ ...valid, ...extras })).status).toBe(202);
    expect(mm.outbox[0]).toMatchObject(extras);
  });

  it('keeps a call (TTS) with its format, and returns it on lookup', async () => {
    const spoken = { ...valid, content: 'Your code is 1, 2, 3, 4. Again: 1, 2, 3, 4.', format: 'TTS' };
    const answer = await send(spoken);
    expect(answer.status).toBe(202);
    const stored = mm.lastMessageTo(valid.destination_number);
    expect(stored).toMatchObject({ format: 'TTS', content: spoken.content });
    const looked = await call('GET', `/v1/messages/${stored?.message_id}`);
    expect(looked.json).toMatchObject({ format: 'TTS' });
  });

  it.each([
    ['media', ['https://example.test/a.png'], 'TTS'],
    ['subject', 'Hi', undefined],
  ])('refuses %s on a message that is not an MMS (format %s)', async (field, value, format) => {
    const answer = await send({ ...valid, [field]: value, ...(format && { format }) });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected(`/messages/0/${field}: Only an MMS may have a ${field}.`));
    expect(mm.outbox).toHaveLength(0);
  });

  it('is all or nothing: one bad message and none is stored', async () => {
    const answer = await send(valid, { ...valid, destination_number: '0491570156' });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected(`/messages/1/destination_number: ${DESTINATION_DETAIL}`));
    expect(mm.outbox).toHaveLength(0);
  });

  it.each([
    '0491570156',
    '+0491570156',
    '+6149157',
    '+1234567890123456',
    '+61 491 570 156',
    '+6149157015a',
    61491570156,
  ])('rejects the destination %p with the live API text', async (destination) => {
    const answer = await send({ ...valid, destination_number: destination });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected(`/messages/0/destination_number: ${DESTINATION_DETAIL}`));
  });

  it('accepts the shortest and longest E.164 numbers', async () => {
    expect((await send({ ...valid, destination_number: '+12345678' })).status).toBe(202);
    expect((await send({ ...valid, destination_number: '+123456789012345' })).status).toBe(202);
  });

  it.each([
    ['empty', ''],
    ['5001 characters', 'x'.repeat(5001)],
    ['missing', undefined],
  ])('rejects content that is %s', async (_name, content) => {
    const answer = await send({ ...valid, content });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected('/messages/0/content: Content must be between 1 and 5000 characters.'));
  });

  it('accepts 5000 characters of content, counted as Unicode characters', async () => {
    expect((await send({ ...valid, content: 'x'.repeat(5000) })).status).toBe(202);
    expect((await send({ ...valid, content: '😀'.repeat(5000) })).status).toBe(202);
  });

  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
  it.each([
    ['11 keys', keys(11), 'Metadata must contain at most 10 key/value pairs.'],
    ['a 101-character key', { ['k'.repeat(101)]: 'v' }, 'Metadata keys must be between 1 and 100 characters.'],
    ['an empty key', { '': 'v' }, 'Metadata keys must be between 1 and 100 characters.'],
    ['a 257-character value', { k: 'v'.repeat(257) }, 'Metadata values must be strings of at most 256 characters.'],
    ['a number value', { k: 1 }, 'Metadata values must be strings of at most 256 characters.'],
    ['an array', ['v'], 'Metadata must be an object of string values.'],
  ])('rejects metadata with %s', async (_name, metadata, detail) => {
    const answer = await send({ ...valid, metadata });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected(`/messages/0/metadata: ${detail}`));
  });

  it('accepts metadata at its limits', async () => {
    const metadata = { ...keys(9), ['k'.repeat(100)]: 'v'.repeat(256) };
    expect((await send({ ...valid, metadata })).status).toBe(202);
    expect(mm.outbox[0]?.metadata).toEqual(metadata);
  });

  it.each([
    ['message_expiry_timestamp', 'tomorrow'],
    ['message_expiry_timestamp', '2030-13-01T00:00:00Z'],
    ['scheduled', 1893456000],
    ['delivery_report', 'yes'],
    ['format', 'FAX'],
  ])('rejects an invalid %s (%p)', async (field, value) => {
    const answer = await send({ ...valid, [field]: value });
    expect(answer.status).toBe(400);
    expect((answer.json as { details: string[] }).details).toEqual([expect.stringMatching(`^/messages/0/${field}: `)]);
  });

  it('lists every problem of every message', async () => {
    const answer = await send({ content: '' }, valid, 'not an object');
    expect((answer.json as { details: string[] }).details).toEqual([
      '/messages/0/content: Content must be between 1 and 5000 characters.',
      `/messages/0/destination_number: ${DESTINATION_DETAIL}`,
      '/messages/2: Message must be an object.',
    ]);
  });

  it.each([
    ['no messages', { messages: [] }],
    ['101 messages', { messages: Array.from({ length: 101 }, () => valid) }],
    ['no messages array', { message: valid }],
  ])('rejects a request with %s', async (_name, body) => {
    const answer = await call('POST', '/v1/messages', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected('/messages: Between 1 and 100 messages are required.'));
  });

  it('accepts 100 messages in one request', async () => {
    const answer = await call('POST', '/v1/messages', { messages: Array.from({ length: 100 }, () => valid) });
    expect(answer.status).toBe(202);
    expect(mm.outbox).toHaveLength(100);
  });

  it('rejects a body that is not JSON', async () => {
    const answer = await call('POST', '/v1/messages', '{"messages": [');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(rejected('Failed to parse message body.'));
  });

  it('refuses a body over 1 MB', async () => {
    const answer = await send({ ...valid, content: 'x'.repeat(1_100_000) });
    expect(answer.status).toBe(413);
    expect(mm.outbox).toHaveLength(0);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong secret', basic(API_KEY, 'wrong')],
    ['an unknown key', basic('nobody', API_SECRET)],
    ['a Bearer token', `Bearer ${API_SECRET}`],
    ['credentials without a colon', `Basic ${Buffer.from(API_KEY + API_SECRET).toString('base64')}`],
  ])('answers 401 to %s and stores nothing', async (_name, authorization) => {
    const answer = await call('POST', '/v1/messages', { messages: [valid] }, authorization);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Invalid authentication credentials' });
    expect(mm.outbox).toHaveLength(0);
  });

  it('keeps each account to its own messages', async () => {
    mm.addAccount('second-key', 'second-secret');
    const theirs = await call('POST', '/v1/messages', { messages: [valid] }, basic('second-key', 'second-secret'));
    const id = (theirs.json as { messages: { message_id: string }[] }).messages[0]?.message_id;

    expect((await call('GET', `/v1/messages/${id}`)).status).toBe(404);
    expect((await call('GET', `/v1/messages/${id}`, undefined, basic('second-key', 'second-secret'))).status).toBe(200);
  });

  it('never records credentials in the request log', async () => {
    await send(valid);
    await call('GET', '/v1/messages/x', undefined, basic(API_KEY, 'wrong'));
    expect(mm.requests).toEqual([
      { method: 'POST', path: '/v1/messages', status: 202, receivedAt: expect.any(Number) },
      { method: 'GET', path: '/v1/messages/x', status: 401, receivedAt: expect.any(Number) },
    ]);
    const logged = JSON.stringify(mm.requests);
    for (const secret of [API_SECRET, AUTH.slice('Basic '.length)]) expect(logged).not.toContain(secret);
  });
});

describe('GET and PUT /v1/messages/{id}', () => {
  async function sentId(extra: Record<string, unknown> = {}): Promise<string> {
    const answer = await send({ ...valid, ...extra });
    return (answer.json as { messages: { message_id: string }[] }).messages[0]?.message_id ?? '';
  }

  it('returns the stored message with its current status', async () => {
    const id = await sentId({ metadata: { flow: 'f1' } });
    mm.setStatus(id, 'enroute');

    const answer = await call('GET', `/v1/messages/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ...mm.lastMessageTo(valid.destination_number), status: 'enroute' });
  });

  it('answers 404 for an unknown id and an unknown route', async () => {
    for (const [method, path] of [
      ['GET', '/v1/messages/00000000-0000-4000-8000-000000000000'],
      ['GET', '/v1/messages'],
      ['DELETE', '/v1/messages/x'],
      ['GET', '/v2/messages'],
    ] as const) {
      const answer = await call(method, path);
      expect([method, path, answer.status, answer.json]).toEqual([
        method,
        path,
        404,
        { message: 'Resource not found.' },
      ]);
    }
  });

  it('cancels a scheduled message once, with an empty 200', async () => {
    const id = await sentId({ scheduled: '2099-01-01T00:00:00Z' });
    expect(mm.outbox[0]?.status).toBe('scheduled');

    const cancelled = await call('PUT', `/v1/messages/${id}`, { status: 'cancelled' });
    expect([cancelled.status, cancelled.text]).toEqual([200, '']);
    expect(((await call('GET', `/v1/messages/${id}`)).json as { status: string }).status).toBe('cancelled');
    expect((await call('PUT', `/v1/messages/${id}`, { status: 'cancelled' })).status).toBe(400);
  });

  it('refuses to cancel a message that is not scheduled, or to set another status', async () => {
    const queued = await sentId();
    const scheduled = await sentId({ scheduled: '2099-01-01T00:00:00Z' });

    expect((await call('PUT', `/v1/messages/${queued}`, { status: 'cancelled' })).status).toBe(400);
    expect((await call('PUT', `/v1/messages/${scheduled}`, { status: 'delivered' })).status).toBe(400);
    expect((await call('PUT', '/v1/messages/unknown', { status: 'cancelled' })).status).toBe(404);
    expect(mm.outbox.map((message) => message.status)).toEqual(['queued', 'scheduled']);
  });

  it('rejects setStatus for an unknown id', () => {
    expect(() => mm.setStatus('unknown', 'delivered')).toThrow('no message unknown');
  });
});

describe('inspection', () => {
  const other = { ...valid, destination_number: '+61491570157' };

  it('lastMessageTo gives the latest message to a number, with its current status', async () => {
    await send(valid, other);
    await send({ ...valid, content: 'Your code is 654321' });
    const latest = mm.lastMessageTo(valid.destination_number);
    expect(latest?.content).toBe('Your code is 654321');
    expect(mm.lastMessageTo(other.destination_number)?.content).toBe(valid.content);
    expect(mm.lastMessageTo('+61400000000')).toBeUndefined();

    mm.setStatus(latest?.message_id ?? '', 'delivered');
    expect(mm.lastMessageTo(valid.destination_number)).toEqual({ ...latest, status: 'delivered' });
    mm.reset();
    expect(mm.lastMessageTo(valid.destination_number)).toBeUndefined();
  });

  it('outbox and requests are frozen snapshots, taken again only after a change', async () => {
    await send(valid);
    const outbox = mm.outbox;
    const requests = mm.requests;
    expect(Object.isFrozen(outbox)).toBe(true);
    expect(mm.outbox).toBe(outbox);
    expect(mm.requests).toBe(requests);

    mm.setStatus(outbox[0]?.message_id ?? '', 'delivered');
    expect(mm.outbox.map((message) => message.status)).toEqual(['delivered']);
    expect(outbox.map((message) => message.status)).toEqual(['queued']);
    await send(other);
    expect(mm.outbox).toHaveLength(2);
    expect(mm.requests).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('delays any number of concurrent requests without a listener-leak warning', async () => {
    // Jest hands tests its own `process`, which never sees Node's warnings: run the emulator in a child.
    const script = `
      const { MessageMediaEmulator } = require('./emulators/messagemedia');
      (async () => {
        let warnings = 0;
        process.on('warning', (warning) => { if (warning.name === 'MaxListenersExceededWarning') warnings += 1; });
        const mm = await MessageMediaEmulator.start({ apiKey: 'k', apiSecret: 's' });
        mm.latencyMs = 20;
        const init = {
          method: 'POST',
          headers: { authorization: 'Basic ' + Buffer.from('k:s').toString('base64'), 'content-type': 'application/json' },
          body: JSON.stringify({ messages: [{ content: 'x', destination_number: '+61491570156' }] }),
        };
        const sent = Array.from({ length: 30 }, () => fetch(mm.url + '/v1/messages', init).then((r) => r.status));
        const statuses = await Promise.all(sent);
        await mm.stop();
        await new Promise((resolve) => setImmediate(resolve));
        console.log(JSON.stringify({ warnings, statuses: [...new Set(statuses)] }));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: join(__dirname, '../..'),
    });
    expect(JSON.parse(stdout)).toEqual({ warnings: 0, statuses: [202] });
  });
});

describe('injected failures', () => {
  it('serves queued failures to the named route only, in order, then recovers', async () => {
    mm.failNext('lookup', { status: 429, retryAfterSeconds: 7 });
    mm.failNext('lookup', { status: 503 }, 2);

    expect((await send(valid)).status).toBe(202);
    const first = await fetch(`${mm.url}/v1/messages/x`, { headers: { authorization: AUTH } });
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '7']);
    await first.text();
    expect((await call('GET', '/v1/messages/x')).status).toBe(503);
    expect((await call('GET', '/v1/messages/x')).status).toBe(503);
    expect((await call('GET', '/v1/messages/x')).status).toBe(404);
  });

  it('fails before authentication and before anything is stored', async () => {
    mm.failNext('send', { status: 500 });
    expect((await call('POST', '/v1/messages', { messages: [valid] }, null)).status).toBe(500);
    expect(mm.outbox).toHaveLength(0);
  });

  it('can answer with an HTML page instead of JSON', async () => {
    mm.failNext('send', { status: 502, html: true });
    const response = await fetch(`${mm.url}/v1/messages`, { method: 'POST', headers: { authorization: AUTH } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<html>');
  });

  it('can drop the connection', async () => {
    mm.failNext('lookup', 'reset');
    await expect(call('GET', '/v1/messages/x')).rejects.toThrow();
    expect(mm.requests).toEqual([expect.objectContaining({ path: '/v1/messages/x', status: null })]);
  });

  it('clears pending failures and latency on reset', async () => {
    mm.failNext('send', 'hang');
    mm.latencyMs = 60_000;
    mm.reset();
    expect((await send(valid)).status).toBe(202);
  });

  it('rejects a failure count that is not a positive integer', () => {
    expect(() => mm.failNext('send', { status: 500 }, 0)).toThrow('count');
  });

  it('releases a hung request and pending latency on stop', async () => {
    const own = await MessageMediaEmulator.start({ apiKey: API_KEY, apiSecret: API_SECRET });
    const outcome = (path: string) =>
      fetch(`${own.url}${path}`, { headers: { authorization: AUTH } }).then(
        () => 'answered',
        () => 'connection closed',
      );
    const arrived = async (count: number) => {
      while (own.requests.length < count) await new Promise((resolve) => setImmediate(resolve));
    };

    own.failNext('lookup', 'hang');
    const hung = outcome('/v1/messages/x');
    await arrived(1);
    own.latencyMs = 60_000;
    const delayed = outcome('/v1/messages/y');
    await arrived(2);

    await own.stop();
    expect(await Promise.all([hung, delayed])).toEqual(['connection closed', 'connection closed']);
  });
});
