import { connect, type Socket } from 'node:net';
import { TestEnvironment } from '../support/environment';
import { eventually } from '../support/faults';

/**
 * Reads the answers on one raw connection: each call resolves with the next status line, or `closed`
 * once the connection is closed, and fails after `timeoutMs` when neither comes.
 */
function answersOn(socket: Socket): (timeoutMs: number) => Promise<string> {
  let received = '';
  let closed = false;
  let read = 0;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  socket.on('close', () => {
    closed = true;
  });
  socket.on('error', () => {}); // a reset after the answer is one more way of closing
  return (timeoutMs) =>
    eventually(
      () => {
        const line = received.match(/^HTTP\/1\.1 \d{3}/gm)?.[read];
        if (line) read += 1;
        return line ?? (closed && 'closed');
      },
      { timeoutMs, what: 'an answer or a close on the connection' },
    );
}

describe('requests from Slack', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    env.slack.addUser({ id: 'U1', name: 'alice' });
  });

  afterAll(() => env.stop());

  const commandBody = () =>
    new URLSearchParams({
      command: '/verify-phone',
      text: '',
      team_id: env.slack.team.id,
      user_id: 'U1',
      trigger_id: env.slack.issueTriggerId('U1'),
    }).toString();

  /** The receiver's log lines for the requests it refused with `reason`. */
  const refusals = (reason: string) =>
    env.logs.entries().filter((entry) => entry.component === 'receiver' && entry.reason === reason);

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const body = commandBody();
    const headers = { ...env.driver.sign(body), 'x-slack-signature': `v0=${'0'.repeat(64)}` };
    const response = await env.driver.sendRaw(body, headers);
    expect(response.status).toBe(401);
    expect(env.slack.callsTo('views.open')).toHaveLength(0);
    expect(refusals('bad_signature')).toEqual([
      expect.objectContaining({ level: 40, msg: 'request refused', status: 401, path: '/slack/events' }),
    ]);
  });

  it('rejects a signature made with another secret', async () => {
    const body = commandBody();
    const forged = await env.driver.sendRaw(`${body}&text=x`, env.driver.sign(body));
    expect(forged.status).toBe(401);
  });

  it('rejects a stale timestamp (replay) with 401', async () => {
    const body = commandBody();
    const fiveMinutesAgo = Math.floor(Date.now() / 1000) - 301;
    const response = await env.driver.sendRaw(body, env.driver.sign(body, fiveMinutesAgo));
    expect(response.status).toBe(401);
    expect(env.slack.callsTo('views.open')).toHaveLength(0);
    expect(refusals('stale_timestamp')).toEqual([expect.objectContaining({ level: 40, status: 401 })]);
  });

  it('rejects an unsigned request', async () => {
    const response = await env.driver.sendRaw(commandBody(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(401);
  });

  it('acks the command with an empty 200 and opens the modal while the trigger is fresh', async () => {
    const ack = await env.driver.runSlashCommand('U1', '/verify-phone');
    expect(ack).toMatchObject({ status: 200, body: '' });
    expect(ack.error).toBeUndefined();
    const opened = await env.slack.waitForCall('views.open');
    expect(opened.ok).toBe(true);
    expect(opened.args.trigger_id).toBe(ack.triggerId);
  });

  it('rejects a correctly signed request dated more than 5 minutes ahead with 401; 4 minutes ahead still works', async () => {
    const signedAt = (offsetSeconds: number) => {
      const body = commandBody();
      const headers = env.driver.sign(body, Math.floor(Date.now() / 1000) + offsetSeconds);
      return { body, headers, triggerId: new URLSearchParams(body).get('trigger_id') };
    };
    const early = signedAt(10 * 60);
    expect((await env.driver.sendRaw(early.body, early.headers)).status).toBe(401);
    const skewed = signedAt(4 * 60);
    const opened = env.slack.waitForCall(
      (call) => call.method === 'views.open' && call.args.trigger_id === skewed.triggerId,
    );
    expect((await env.driver.sendRaw(skewed.body, skewed.headers)).status).toBe(200);
    await opened;
    expect(env.slack.callsTo('views.open').filter((call) => call.args.trigger_id === early.triggerId)).toEqual([]);
    expect(refusals('future_timestamp')).toEqual([expect.objectContaining({ level: 40, status: 401 })]);
  });

  it('answers 413 to an oversized body, and the connection then answers again or is closed', async () => {
    const body = 'x'.repeat(3_000_000); // three times the receiver's limit
    const socket = connect(Number(new URL(env.appUrl).port), '127.0.0.1');
    const nextAnswer = answersOn(socket);
    const headers = Object.entries({ ...env.driver.sign(body), 'content-length': String(body.length) });
    socket.write(
      `POST /slack/events HTTP/1.1\r\nhost: app\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`,
    );
    socket.write(body);
    try {
      expect(await nextAnswer(5_000)).toBe('HTTP/1.1 413');
      if (socket.writable) socket.write('GET /healthz HTTP/1.1\r\nhost: app\r\n\r\n');
      expect(['HTTP/1.1 200', 'closed']).toContain(await nextAnswer(3_000));
    } finally {
      socket.destroy();
    }
    expect((await fetch(env.appUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
    expect(refusals('body_too_large')).toEqual([expect.objectContaining({ level: 40, status: 413 })]);
  });

  it('answers the readiness probe', async () => {
    const response = await fetch(env.appUrl.replace('/slack/events', '/healthz'));
    expect(response.status).toBe(200);
  });
});
