import { inspect } from 'node:util';
import { listen, sendJson } from '../../emulators/http';
import { MessageMediaEmulator } from '../../emulators/messagemedia';
import { MessageMediaClient, type MessageMediaClientOptions } from '../../src/infrastructure/messagemedia/client';
import { MessageMediaError } from '../../src/infrastructure/messagemedia/errors';
import type { OutboundMessage } from '../../src/infrastructure/messagemedia/wire';

const API_KEY = 'client-test-key';
const API_SECRET = 'client-test-secret-7q2w';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const message: OutboundMessage = {
  content: 'Your acme verification code is 048213.',
  destination_number: '+61491570156',
  metadata: { v: '1', flow: 'flow-1', digest: 'q1w2e3' },
  message_expiry_timestamp: '2030-01-01T00:10:00.000Z',
};

let mm: MessageMediaEmulator;

beforeAll(async () => {
  mm = await MessageMediaEmulator.start({ apiKey: API_KEY, apiSecret: API_SECRET });
});
afterEach(() => mm.reset());
afterAll(() => mm.stop());

/** A client on the emulator; waits between retries are recorded instead of slept. */
function clientFor(options: Partial<MessageMediaClientOptions> = {}): { client: MessageMediaClient; waits: number[] } {
  const waits: number[] = [];
  const client = new MessageMediaClient({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    baseUrl: mm.url,
    delay: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, waits };
}

async function failureOf(promise: Promise<unknown>): Promise<MessageMediaError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MessageMediaError)) throw new Error(`expected a MessageMediaError, got ${inspect(error)}`);
  return error;
}

const requestsTo = (method: string) => mm.requests.filter((request) => request.method === method);

async function sentId(): Promise<string> {
  return (await clientFor().client.sendMessage(message)).message_id;
}

describe('MessageMediaClient against the emulator', () => {
  it('sends a message and reads it back with its metadata and current status', async () => {
    const { client } = clientFor();

    const sent = await client.sendMessage(message);
    expect(sent).toMatchObject({ ...message, status: 'queued', delivery_report: false, format: 'SMS' });
    expect(sent.message_id).toMatch(UUID);
    expect(mm.lastMessageTo(message.destination_number)?.message_id).toBe(sent.message_id);

    mm.setStatus(sent.message_id, 'delivered');
    const fetched = await client.getMessage(sent.message_id);
    expect(fetched).toMatchObject({ ...message, message_id: sent.message_id, status: 'delivered' });
  });

  it('accepts a base URL with a trailing slash', async () => {
    const { client } = clientFor({ baseUrl: `${mm.url}/` });
    const sent = await client.sendMessage(message);
    expect(await client.getMessage(sent.message_id)).not.toBeNull();
    expect(mm.requests.map((request) => request.path)).toEqual(['/v1/messages', `/v1/messages/${sent.message_id}`]);
  });

  it('returns null for an unknown id, which is sent encoded as one path segment', async () => {
    const { client } = clientFor();
    expect(await client.getMessage('a/../b?c')).toBeNull();
    expect(mm.requests).toEqual([expect.objectContaining({ path: '/v1/messages/a%2F..%2Fb%3Fc', status: 404 })]);
  });

  it("returns null for another account's message", async () => {
    mm.addAccount('other-key', 'other-secret');
    const other = clientFor({ apiKey: 'other-key', apiSecret: 'other-secret' }).client;
    const theirs = await other.sendMessage(message);

    expect(await clientFor().client.getMessage(theirs.message_id)).toBeNull();
    expect(await other.getMessage(theirs.message_id)).toMatchObject({ message_id: theirs.message_id });
  });

  it('reports a 400 as rejected, not retryable, with the API details', async () => {
    const error = await failureOf(clientFor().client.sendMessage({ ...message, destination_number: '0491570156' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 400, retryable: false });
    expect(error.details).toEqual([expect.stringMatching(/^\/messages\/0\/destination_number: International address/)]);
    expect(mm.outbox).toHaveLength(0);
  });

  it('reports bad credentials as auth without the secret anywhere in the error', async () => {
    const wrongSecret = 'wrong-secret-5x9z';
    const { client } = clientFor({ apiSecret: wrongSecret });

    const errors = [
      await failureOf(client.sendMessage(message)),
      await failureOf(client.getMessage('00000000-0000-4000-8000-000000000000')),
    ];

    const secrets = [wrongSecret, Buffer.from(`${API_KEY}:${wrongSecret}`).toString('base64')];
    for (const error of errors) {
      expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
      const views = [JSON.stringify(error), inspect(error, { showHidden: true, depth: null }), String(error.stack)];
      for (const secret of secrets) for (const view of views) expect(view).not.toContain(secret);
    }
    expect(inspect(client, { showHidden: true, depth: null })).not.toContain(wrongSecret);
    // Auth failures are permanent: one request each, no retries.
    expect(mm.requests).toHaveLength(2);
  });

  it('retries a rate-limited lookup after the Retry-After the API asked for', async () => {
    const id = await sentId();
    mm.failNext('lookup', { status: 429, retryAfterSeconds: 1 });
    const { client, waits } = clientFor({ retryBaseDelayMs: 100 });

    expect(await client.getMessage(id)).toMatchObject({ message_id: id });
    expect(waits).toEqual([1000]);
    expect(requestsTo('GET').map((request) => request.status)).toEqual([429, 200]);
  });

  it('caps a long Retry-After at 5 s', async () => {
    const id = await sentId();
    mm.failNext('lookup', { status: 429, retryAfterSeconds: 3600 });
    const { client, waits } = clientFor();

    await client.getMessage(id);
    expect(waits).toEqual([5000]);
  });

  it('backs off exponentially, with jitter, between retries of a failing lookup', async () => {
    const id = await sentId();
    mm.failNext('lookup', { status: 503 }, 2);
    const { client, waits } = clientFor({ retryBaseDelayMs: 100 });

    expect(await client.getMessage(id)).toMatchObject({ message_id: id });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after lookupRetries extra attempts with the last error', async () => {
    mm.failNext('lookup', { status: 500 }, 10);
    const error = await failureOf(clientFor({ lookupRetries: 2 }).client.getMessage('any'));
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(requestsTo('GET')).toHaveLength(3);
  });

  it('turns a 502 HTML page into a typed server error instead of a parse crash', async () => {
    mm.failNext('send', { status: 502, html: true });
    mm.failNext('lookup', { status: 502, html: true });
    const { client } = clientFor({ lookupRetries: 0 });

    expect(await failureOf(client.sendMessage(message))).toMatchObject({
      kind: 'server',
      status: 502,
      retryable: true,
    });
    expect(await failureOf(client.getMessage('any'))).toMatchObject({ kind: 'server', status: 502 });
  });

  it('times out a send that gets no answer, and does not send it again', async () => {
    mm.failNext('send', 'hang');
    const error = await failureOf(clientFor({ timeoutMs: 300 }).client.sendMessage(message));
    expect(error).toMatchObject({ kind: 'timeout', status: null, retryable: true });
    expect(requestsTo('POST')).toHaveLength(1);
  });

  it('does not retry a send after a 500', async () => {
    mm.failNext('send', { status: 500 });
    const error = await failureOf(clientFor().client.sendMessage(message));
    expect(error).toMatchObject({ kind: 'server', status: 500 });
    expect(requestsTo('POST')).toHaveLength(1);
    expect(mm.outbox).toHaveLength(0);
  });

  it('does not retry a send whose connection was dropped', async () => {
    mm.failNext('send', 'reset');
    const error = await failureOf(clientFor().client.sendMessage(message));
    expect(error).toMatchObject({ kind: 'network', status: null, retryable: true });
    expect(requestsTo('POST')).toHaveLength(1);
  });

  it('retries a lookup that timed out or lost its connection', async () => {
    const id = await sentId();
    mm.failNext('lookup', 'hang');
    mm.failNext('lookup', 'reset');
    const { client, waits } = clientFor({ timeoutMs: 300 });

    expect(await client.getMessage(id)).toMatchObject({ message_id: id });
    expect(waits).toHaveLength(2);
    expect(requestsTo('GET')).toHaveLength(3);
  });

  it('times out every lookup attempt when the API is slower than the timeout', async () => {
    mm.latencyMs = 2000;
    const error = await failureOf(clientFor({ timeoutMs: 200, lookupRetries: 1 }).client.getMessage('any'));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(requestsTo('GET')).toHaveLength(2);
  });

  it('reports a refused connection as a network error', async () => {
    const gone = await MessageMediaEmulator.start({ apiKey: API_KEY, apiSecret: API_SECRET });
    await gone.stop();
    const client = new MessageMediaClient({ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: gone.url });

    const error = await failureOf(client.sendMessage(message));
    expect(error).toMatchObject({ kind: 'network', status: null, retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('MessageMediaClient response checks', () => {
  /** A client whose fetch answers every request with one canned response. */
  function clientAnswering(body: string, status: number): MessageMediaClient {
    return new MessageMediaClient({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      baseUrl: 'https://api.example.test',
      lookupRetries: 0,
      fetchImpl: async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
    });
  }

  it.each([
    ['an empty 202', '', 202],
    ['a 202 without messages', '{}', 202],
    [
      'a 202 whose message has no id',
      '{"messages":[{"status":"queued","content":"x","destination_number":"+61491570156"}]}',
      202,
    ],
    ['a 200 HTML page', '<html>maintenance</html>', 200],
  ])('treats %s to a send as invalid_response', async (_name, body, status) => {
    const error = await failureOf(clientAnswering(body, status).sendMessage(message));
    expect(error).toMatchObject({ kind: 'invalid_response', status, retryable: false });
  });

  it.each([
    ['a non-JSON 200', 'OK'],
    [
      'metadata with a non-string value',
      '{"message_id":"m","status":"queued","content":"x","destination_number":"+1","metadata":{"a":1}}',
    ],
  ])('treats %s to a lookup as invalid_response', async (_name, body) => {
    const error = await failureOf(clientAnswering(body, 200).getMessage('m'));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('accepts a message whose metadata comes back as null, leaving metadata out', async () => {
    const body =
      '{"message_id":"m","status":"enroute","content":"x","destination_number":"+61491570156","metadata":null}';
    const fetched = await clientAnswering(body, 200).getMessage('m');
    expect(fetched).toEqual({ message_id: 'm', status: 'enroute', content: 'x', destination_number: '+61491570156' });
  });

  it('does not follow a redirect, so the credentials never reach its target', async () => {
    const targetHits: string[] = [];
    const server = await listen((req, res) => {
      if (req.url?.startsWith('/v1/')) {
        res.writeHead(302, { location: '/elsewhere' }).end();
        return;
      }
      targetHits.push(req.headers.authorization ?? '');
      sendJson(res, 200, { message_id: 'm', status: 'queued', content: 'x', destination_number: '+61491570156' });
    });
    try {
      const client = new MessageMediaClient({ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: server.url });
      const error = await failureOf(client.getMessage('m'));
      expect(error).toMatchObject({ kind: 'invalid_response', status: 302, retryable: false });
      expect(targetHits).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
