import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageMediaEmulator } from '../../emulators/messagemedia';
import {
  type OpenView,
  SlackDriver,
  SlackEmulator,
  type SlackEmulatorOptions,
  type TeamInfo,
} from '../../emulators/slack';
import { type AppOptions, type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { LogCapture } from './log-capture';
import { codeStepPrompt } from './texts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token-123';
export const ADMIN_TOKEN = 'xoxp-test-admin-token-456';
export const APP_TOKEN = 'xapp-1-A0000VERIFY-1-test-app-token';
export const MM_KEY = 'mm-test-key';
export const MM_SECRET = 'mm-test-secret-do-not-leak';
export const VERIFY_SECRET = 'deployment-key-for-tests-0123456789-abcdefghij';
export const PROFILE_FIELD = { id: 'Xf0PHONEVER', label: 'Phone verified' } as const;

export type Transport = 'http' | 'socket';

export interface EnvironmentOptions {
  /** How Slack reaches the app: signed HTTP requests (default) or Socket Mode. */
  readonly transport?: Transport;
  /** Extra or overriding environment variables for the app. */
  readonly env?: Readonly<Record<string, string>>;
  /** The app's clock in ms (defaults to real time). */
  readonly clock?: () => number;
  /** Passed to the app: retry policy, polling of profile-tag retries, of expiry and retention, and of deliveries. */
  readonly app?: Pick<AppOptions, 'tagRetry' | 'tagRetryPollMs' | 'maintenancePollMs' | 'deliveryPolling'>;
  /** Callback mode: the app on a port chosen up front, with PUBLIC_URL pointing at it. */
  readonly callbacks?: boolean;
  /** Extra Slack emulator options, e.g. `oauth` credentials. */
  readonly slack?: Partial<SlackEmulatorOptions>;
}

/** The app on a real port, between a Slack emulator + driver and a MessageMedia emulator. */
export class TestEnvironment {
  private constructor(
    readonly slack: SlackEmulator,
    readonly messageMedia: MessageMediaEmulator,
    public driver: SlackDriver,
    readonly logs: LogCapture,
    private app: RunningApp,
    private readonly folder: string,
    private readonly options: EnvironmentOptions,
  ) {}

  static async start(given: EnvironmentOptions = {}): Promise<TestEnvironment> {
    const options = given.callbacks ? { ...given, env: { ...(await publicUrlEnvironment()), ...given.env } } : given;
    const slack = await SlackEmulator.start({
      botToken: BOT_TOKEN,
      adminToken: ADMIN_TOKEN,
      appToken: APP_TOKEN,
      admin: { id: 'UOWNER', name: 'owner', role: 'owner' },
      profileFields: [PROFILE_FIELD],
      ...options.slack,
    });
    const messageMedia = await MessageMediaEmulator.start({ apiKey: MM_KEY, apiSecret: MM_SECRET });
    const folder = mkdtempSync(join(tmpdir(), 'verify-phone-e2e-'));
    const logs = new LogCapture();
    let app: RunningApp;
    try {
      app = await launch(slack, messageMedia, folder, logs, options);
    } catch (error) {
      await Promise.all([slack.stop(), messageMedia.stop()]);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const driver = driverFor(app, slack, options.transport);
    return new TestEnvironment(slack, messageMedia, driver, logs, app, folder, options);
  }

  /** Adds workspace members, by id and name. */
  addMembers(members: Readonly<Record<string, string>>): void {
    for (const [id, name] of Object.entries(members)) this.slack.addUser({ id, name });
  }

  get appUrl(): string {
    return appUrl(this.app);
  }

  /** Where the app's SQLite database files are. */
  get databaseFolder(): string {
    return this.folder;
  }

  /** A driver for members of another workspace (of an org, for an org-wide install). */
  driverFor(team: TeamInfo, orgWideEnterpriseId?: string): SlackDriver {
    return new SlackDriver({
      appUrl: this.appUrl,
      signingSecret: SIGNING_SECRET,
      emulator: this.slack,
      team,
      ...(orgWideEnterpriseId && { orgWideEnterpriseId }),
    });
  }

  /** Stops the app and starts a new one on the same database: what a deploy or crash does. */
  async restartApp(): Promise<void> {
    await this.app.stop();
    this.app = await launch(this.slack, this.messageMedia, this.folder, this.logs, this.options);
    this.driver = driverFor(this.app, this.slack, this.options.transport);
  }

  /** The app's readiness probe, as a container health check sees it. */
  async healthStatus(): Promise<number> {
    return (await fetch(`http://127.0.0.1:${this.app.port}/healthz`)).status;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await Promise.all([this.slack.stop(), this.messageMedia.stop()]);
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** The member runs /verify-phone; resolves with the modal the app opened. */
  async openVerification(userId: string, driver = this.driver): Promise<OpenView> {
    const existing = new Set(this.slack.views.map((view) => view.id));
    const opened = this.slack.waitForView((view) => view.type === 'modal' && !existing.has(view.id), 5_000, {
      userId,
    });
    const ack = await driver.runSlashCommand(userId, '/verify-phone');
    if (ack.status !== 200) throw new Error(`command ack was ${ack.status}`);
    return opened;
  }

  /** Waits until the modal shows a view whose text includes `text`. */
  waitForModalText(viewId: string, text: string, timeoutMs = 8_000): Promise<OpenView> {
    return this.slack.waitForView((view) => JSON.stringify(view.view).includes(text), timeoutMs, { viewId });
  }

  /** The code from the last SMS to `e164`: its only run of six digits. */
  codeSentTo(e164: string, length = 6): string {
    const message = this.messageMedia.lastMessageTo(e164);
    const code = message?.content.match(new RegExp(`\\b\\d{${length}}\\b`))?.[0];
    if (!code) throw new Error(`no code in the outbox for ${e164}`);
    return code;
  }

  /** The code read out by the last call (TTS) to `e164`: its first digits, which are the code's. */
  spokenCodeTo(e164: string, length = 6): string {
    const message = this.messageMedia.lastMessageTo(e164);
    if (message?.format !== 'TTS') throw new Error(`no call in the outbox for ${e164}`);
    return message.content.replace(/\D/g, '').slice(0, length);
  }

  /** Opens the modal, submits the number and waits for the code step. */
  async reachCodeStep(
    userId: string,
    number: string,
    e164: string,
    driver = this.driver,
  ): Promise<{ viewId: string; code: string }> {
    const modal = await this.openVerification(userId, driver);
    const codeStep = this.waitForModalText(modal.id, codeStepPrompt(e164));
    await driver.submitView(modal.id, userId, { phone_block: number });
    await codeStep;
    return { viewId: modal.id, code: this.codeSentTo(e164) };
  }
}

/** A free port, and PUBLIC_URL on it: the app's URL must be known before it starts. */
export async function publicUrlEnvironment(): Promise<Record<string, string>> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
}

function appUrl(app: RunningApp): string {
  return `http://127.0.0.1:${app.port}/slack/events`;
}

function driverFor(app: RunningApp, slack: SlackEmulator, transport: Transport = 'http'): SlackDriver {
  return transport === 'socket'
    ? new SlackDriver({ transport, emulator: slack })
    : new SlackDriver({ appUrl: appUrl(app), signingSecret: SIGNING_SECRET, emulator: slack });
}

function launch(
  slack: SlackEmulator,
  messageMedia: MessageMediaEmulator,
  folder: string,
  logs: LogCapture,
  options: EnvironmentOptions,
): Promise<RunningApp> {
  const config = loadConfig({
    ...appEnvironment(slack, messageMedia, `sqlite:${join(folder, 'verify-phone.db')}`, options.transport),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  return startApp(config, {
    logger: createLogger(config.logLevel, logs),
    tagRetryPollMs: 50,
    maintenancePollMs: 50,
    ...(options.clock && { clock: options.clock }),
    ...options.app,
  });
}

/** The settings of an app between the two emulators, as environment variables. */
export function appEnvironment(
  slack: SlackEmulator,
  messageMedia: MessageMediaEmulator,
  databaseUrl: string,
  transport: Transport = 'http',
): Record<string, string> {
  return {
    PORT: '0',
    LOG_LEVEL: 'info',
    ...(transport === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_ADMIN_TOKEN: ADMIN_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    MESSAGEMEDIA_API_KEY: MM_KEY,
    MESSAGEMEDIA_API_SECRET: MM_SECRET,
    MESSAGEMEDIA_BASE_URL: messageMedia.url,
    VERIFY_SECRET,
    DATABASE_URL: databaseUrl,
  };
}
