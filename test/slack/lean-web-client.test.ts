import { webApi } from '@slack/bolt';
import { listen, type RunningServer } from '../../emulators/http';
import { SlackEmulator } from '../../emulators/slack';
import { LeanWebClient } from '../../src/infrastructure/slack/lean-web-client';
import { createWebClient, SLACK_CLIENT_OPTIONS, slackErrorCode } from '../../src/infrastructure/slack/web-client';

const BOT_TOKEN = 'xoxb-lean-client-test';
const view = {
  type: 'home' as const,
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Hello *there* & 100% «ok»' } }],
};

let slack: SlackEmulator;

beforeAll(async () => {
  slack = await SlackEmulator.start({ botToken: BOT_TOKEN });
  slack.addUser({ id: 'U1', name: 'alice' });
});
afterAll(() => slack.stop());

const ours = (token = BOT_TOKEN, teamId?: string) => createWebClient(token, slack.apiUrl, fetch, teamId);

/** What the emulator recorded of the calls made by `use`. */
async function recorded(use: () => Promise<unknown>) {
  const before = slack.calls.length;
  await use().catch(() => undefined);
  return slack.calls.slice(before).map(({ method, token, args, ok, error }) => ({ method, token, args, ok, error }));
}

test('sends what the library sends: same methods, arguments and token, and gives back the same answer', async () => {
  const library = new webApi.WebClient(BOT_TOKEN, { ...SLACK_CLIENT_OPTIONS, slackApiUrl: slack.apiUrl });
  const calls = async (client: webApi.WebClient) => {
    const user = await client.users.info({ user: 'U1', include_locale: true });
    const published = await client.views.publish({ user_id: 'U1', view });
    return { user: user.user?.name, view: published.view?.blocks };
  };
  let fromLibrary: unknown;
  let fromOurs: unknown;
  const libraryCalls = await recorded(async () => {
    fromLibrary = await calls(library);
  });
  const ourCalls = await recorded(async () => {
    fromOurs = await calls(ours());
  });
  expect(ourCalls).toEqual(libraryCalls);
  expect(ourCalls.map((call) => call.ok)).toEqual([true, true]);
  expect(fromOurs).toEqual(fromLibrary);
  expect(fromOurs).toEqual({ user: 'alice', view: view.blocks });
});

test("adds the workspace's team_id to every call when it has one, as Bolt's clients do", async () => {
  const [call] = await recorded(() => ours(BOT_TOKEN, 'T0TEST').users.info({ user: 'U1' }));
  expect(call?.args).toEqual({ user: 'U1', team_id: 'T0TEST' });
});

test("raises Slack's error as the library's platform error", async () => {
  slack.failNext('views.publish', { error: 'not_enabled' });
  const error = await ours()
    .views.publish({ user_id: 'U1', view })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
  expect(slackErrorCode(error)).toBe('not_enabled');
  const badToken = await ours('xoxb-not-a-real-token')
    .users.info({ user: 'U1' })
    .catch((e: unknown) => e);
  expect(slackErrorCode(badToken)).toBe('invalid_auth');
});

test('refuses a rate-limited call at once, with the wait Slack asked for, and never retries it', async () => {
  slack.failNext('users.info', { status: 429, retryAfterSeconds: 7 });
  const calls = await recorded(async () => {
    const error = await ours()
      .users.info({ user: 'U1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect((error as webApi.WebAPIRateLimitedError).retryAfter).toBe(7);
  });
  expect(calls).toHaveLength(1);
});

test('retries a server error once, then gives up with the HTTP status', async () => {
  slack.failNext('users.info', { status: 503 });
  const retried = await recorded(async () => {
    expect((await ours().users.info({ user: 'U1' })).ok).toBe(true);
  });
  expect(retried.map((call) => call.ok)).toEqual([false, true]);

  slack.failNext('users.info', { status: 500 }, 2);
  const error = await ours()
    .users.info({ user: 'U1' })
    .catch((e: unknown) => e);
  expect(slackErrorCode(error)).toBe('http_500');
});

describe('off the emulator', () => {
  let server: RunningServer;
  afterEach(() => server?.close());

  test('an answer that is not JSON is a platform error that does not echo the body', async () => {
    server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>secret-looking proxy page</html>');
    });
    const client = new LeanWebClient(BOT_TOKEN, { ...SLACK_CLIENT_OPTIONS, slackApiUrl: `${server.url}/api/`, fetch });
    const error = await client.users.info({ user: 'U1' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('invalid_response');
    expect(String(error)).not.toContain('secret-looking');
  });

  test('a 429 without a Retry-After it can read is an HTTP error, and is not retried either', async () => {
    let calls = 0;
    server = await listen((_req, res) => {
      calls += 1;
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
    });
    const client = new LeanWebClient(BOT_TOKEN, { ...SLACK_CLIENT_OPTIONS, slackApiUrl: `${server.url}/api/`, fetch });
    const error = await client.users.info({ user: 'U1' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('http_429');
    expect(calls).toBe(1);
  });

  test('a server that is gone is a request error, after one retry', async () => {
    server = await listen((_req, res) => {
      res.end();
    });
    const url = `${server.url}/api/`;
    await server.close();
    const client = new LeanWebClient(BOT_TOKEN, { ...SLACK_CLIENT_OPTIONS, slackApiUrl: url, fetch });
    const error = await client.users.info({ user: 'U1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
    expect(slackErrorCode(error)).toBe('request_failed');
  });
});
