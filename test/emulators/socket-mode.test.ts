import { once } from 'node:events';
import { App, SocketModeReceiver, type ViewSubmitAction, webApi } from '@slack/bolt';
import WebSocket from 'ws';
import { SlackDriver, SlackEmulator } from '../../emulators/slack';
import { silent } from '../support/silent-logger';

const BOT_TOKEN = 'xoxb-socket-bot';
const APP_TOKEN = 'xapp-1-A0000VERIFY-1-socket';

let slack: SlackEmulator;

beforeAll(async () => {
  slack = await SlackEmulator.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  slack.addUser({ id: 'U1', name: 'alice' });
});

afterAll(() => slack.stop());

const client = (token: string) =>
  new webApi.WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silent });

async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'no error';
  } catch (error) {
    return error instanceof webApi.WebAPIPlatformError ? error.data.error : String(error);
  }
}

describe('apps.connections.open', () => {
  it('gives the app-level token a one-time WebSocket URL that greets with hello', async () => {
    const { url } = await client(APP_TOKEN).apps.connections.open();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f]{32}&app_id=A0000VERIFY$/);

    const socket = new WebSocket(url ?? '');
    const [hello] = (await once(socket, 'message')) as [WebSocket.RawData];
    expect(JSON.parse(hello.toString())).toMatchObject({ type: 'hello', connection_info: { app_id: 'A0000VERIFY' } });
    socket.close();

    const reused = new WebSocket(url ?? '');
    const [, response] = (await once(reused, 'unexpected-response')) as [unknown, { statusCode: number }];
    expect(response.statusCode).toBe(401);
  });

  it('refuses a bot token, and an app-level token anywhere else', async () => {
    expect(await errorOf(client(BOT_TOKEN).apps.connections.open())).toBe('not_allowed_token_type');
    expect(await errorOf(client(APP_TOKEN).auth.test())).toBe('not_allowed_token_type');
    expect(await errorOf(client('xapp-1-unknown').apps.connections.open())).toBe('invalid_auth');
  });
});

describe('SlackDriver over Socket Mode against Bolt’s own SocketModeReceiver', () => {
  let app: App;
  let receiver: SocketModeReceiver;
  const driver = () => new SlackDriver({ transport: 'socket', emulator: slack });

  beforeAll(async () => {
    receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      logger: silent,
      // Its reconnect delay is this timeout times the failures so far: short, so a test can reconnect.
      clientPingTimeout: 200,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
    });
    app = new App({
      token: BOT_TOKEN,
      receiver,
      logger: silent,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silent },
    });
    app.command('/cmd', async ({ ack, body, client: web }) => {
      await ack();
      await web.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: 'phone_step',
          title: { type: 'plain_text', text: 'Verify' },
          submit: { type: 'plain_text', text: 'Send' },
          blocks: [
            {
              type: 'input',
              block_id: 'phone_block',
              label: { type: 'plain_text', text: 'Mobile number' },
              element: { type: 'plain_text_input', action_id: 'phone_input' },
            },
          ],
        },
      });
    });
    app.view<ViewSubmitAction>('phone_step', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { phone_block: 'Include the country code' } });
    });
    await app.start();
  });

  // Its stop() resolves before the close handshake, whose 30 s guard timer would outlive the test.
  afterAll(async () => {
    const disconnected = new Promise((resolve) => receiver.client.once('disconnected', resolve));
    await app.stop();
    await disconnected;
  });

  it('delivers a slash command, then applies a modal error carried in the ack payload', async () => {
    const command = await driver().runSlashCommand('U1', '/cmd');
    expect(command).toMatchObject({ status: 200, body: '' });
    expect(command.error).toBeUndefined();
    const modal = await slack.waitForView((view) => view.view.callback_id === 'phone_step');

    const submitted = await driver().submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(submitted).toMatchObject({
      sent: true,
      action: 'errors',
      errors: { phone_block: 'Include the country code' },
    });
  });

  it('holds an envelope while the app reconnects after a disconnect message, and counts the connections', async () => {
    const before = slack.socketMode.connectionCount;
    slack.socketMode.disconnect('refresh_requested');
    const command = await driver().runSlashCommand('U1', '/cmd');
    expect(command.status).toBe(200);
    expect(slack.socketMode.connectionCount).toBe(before + 1);
    expect(slack.socketMode.openConnections).toBe(1);
  });

  it('rejects an envelope nobody acks within the timeout', async () => {
    const quick = new SlackDriver({ transport: 'socket', emulator: slack, requestTimeoutMs: 300 });
    await expect(quick.runSlashCommand('U1', '/unknown')).rejects.toThrow(/no ack for envelope .* within \d+ ms/);
  });
});
