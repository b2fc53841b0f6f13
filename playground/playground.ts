import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeliveryStep, MessageMediaEmulator, type WireMessage } from '../emulators/messagemedia';
import { type OpenView, type PostedMessage, SlackDriver, SlackEmulator } from '../emulators/slack';
import { directMessageChannel } from '../emulators/slack/web-api';
import { type RunningApp, startApp } from '../src/app';
import { type LogLevel, loadConfig } from '../src/config';
import { createLogger, stdoutDestination } from '../src/logger';
import {
  ADMIN_TOKEN,
  appEnvironment,
  BOT_TOKEN,
  MM_KEY,
  MM_SECRET,
  PROFILE_FIELD,
  publicUrlEnvironment,
  SIGNING_SECRET,
} from '../test/support/environment';
import { CHANNEL, CHANNELS, MEMBERS, OWNER, type PlaygroundMember, USER_GROUPS } from './members';

export interface PlaygroundOptions {
  readonly logLevel?: LogLevel;
  /** Extra settings for the app, e.g. a shorter resend cooldown. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Every SMS or call gets these reports, as a phone that is switched on would. */
const DELIVERED: readonly DeliveryStep[] = [{ status: 'submitted' }, { status: 'delivered' }];
/** What "fail the next delivery" plays instead: the vendor's usual code for it, 332, "no route". */
const FAILED: readonly DeliveryStep[] = [{ status: 'submitted' }, { status: 'failed' }];
const UNDELIVERED = new Set(['failed', 'rejected', 'expired', 'cancelled']);

/** What the page shows of one member; sent whole on every change. */
export interface MemberState {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly role: string;
  readonly locale: string;
  readonly phone: string;
  readonly failNextDelivery: boolean;
  readonly modal: ShownView | null;
  readonly home: ShownView | null;
  readonly profile: { readonly phone: string; readonly fields: readonly ProfileLine[] };
  readonly inbox: readonly InboxItem[];
  readonly messages: readonly MessageItem[];
}

interface ShownView {
  readonly id: string;
  readonly hash: string;
  readonly view: OpenView['view'];
}

interface ProfileLine {
  readonly label: string;
  readonly value: string;
  readonly alt: string;
}

interface InboxItem {
  readonly id: string;
  readonly kind: 'sms' | 'call';
  readonly content: string;
  readonly delivered: boolean;
}

interface MessageItem {
  readonly ts: string;
  readonly kind: 'ephemeral' | 'dm';
  readonly text: string;
  readonly blocks: unknown;
}

export interface PlaygroundState {
  readonly members: readonly MemberState[];
  readonly channels: typeof CHANNELS;
  readonly userGroups: typeof USER_GROUPS;
}

/**
 * The app as in production (HTTP receiver, SQLite, delivery reports to PUBLIC_URL) between the Slack
 * and MessageMedia emulators, with the members' side of it: what the page shows, and what it does.
 */
export class Playground {
  /** Response URLs of the slash commands, to tell whose ephemeral answer a post is. */
  private readonly responseUrls = new Map<string, string>();
  /** Numbers whose next message gets FAILED. */
  private readonly failing = new Set<string>();
  private readonly watchers = new Set<() => void>();

  private constructor(
    readonly slack: SlackEmulator,
    readonly messageMedia: MessageMediaEmulator,
    readonly driver: SlackDriver,
    private readonly app: RunningApp,
    private readonly folder: string,
  ) {
    slack.workspace.onChange(() => this.changed());
    messageMedia.onMessage((message) => this.sawMessage(message));
  }

  static async start({ logLevel = 'warn', env = {} }: PlaygroundOptions = {}): Promise<Playground> {
    const slack = await SlackEmulator.start({
      botToken: BOT_TOKEN,
      adminToken: ADMIN_TOKEN,
      admin: OWNER,
      profileFields: [PROFILE_FIELD],
    });
    const messageMedia = await MessageMediaEmulator.start({ apiKey: MM_KEY, apiSecret: MM_SECRET });
    for (const member of MEMBERS) {
      slack.addUser(member);
      messageMedia.deliveries.sequence(member.phone, DELIVERED);
    }
    const folder = mkdtempSync(join(tmpdir(), 'verify-phone-playground-'));
    const config = loadConfig({
      ...appEnvironment(slack, messageMedia, `sqlite:${join(folder, 'verify-phone.db')}`),
      ...(await publicUrlEnvironment()),
      HOST: '127.0.0.1',
      VERIFY_DEFAULT_COUNTRY: 'AU',
      LOG_LEVEL: logLevel,
      ...env,
    });
    // The app's log goes to stderr: stdout is the page's URL only.
    const app = await startApp(config, { logger: createLogger(config.logLevel, stdoutDestination(process.stderr)) });
    const appUrl = `http://127.0.0.1:${app.port}/slack/events`;
    const driver = new SlackDriver({ appUrl, signingSecret: SIGNING_SECRET, emulator: slack, channel: CHANNEL });
    return new Playground(slack, messageMedia, driver, app, folder);
  }

  /** Calls `watcher` whenever what the page shows may have changed. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  member(userId: unknown): PlaygroundMember {
    const member = MEMBERS.find(({ id }) => id === userId);
    if (!member) throw new RangeError(`no member ${String(userId)}`);
    return member;
  }

  /** The member types `/command text` in #general. */
  async runCommand(userId: string, command: string, text: string) {
    const result = await this.driver.runSlashCommand(userId, command, text);
    this.responseUrls.set(result.responseUrl, userId);
    return result;
  }

  /** Toggles whether the next SMS or call to the member's phone fails. */
  failNextDelivery(userId: string, fail: boolean): void {
    const { phone } = this.member(userId);
    if (fail) this.failing.add(phone);
    else this.failing.delete(phone);
    this.messageMedia.deliveries.sequence(phone, fail ? FAILED : DELIVERED);
    this.changed();
  }

  /** A message the app posted, for a click on one of its buttons. */
  postedMessage(ts: unknown): PostedMessage {
    const posted = this.slack.messages.find((message) => message.ts === ts);
    if (!posted) throw new RangeError(`no message ${String(ts)}`);
    return posted;
  }

  state(): PlaygroundState {
    return { members: MEMBERS.map((member) => this.memberState(member)), channels: CHANNELS, userGroups: USER_GROUPS };
  }

  async stop(): Promise<void> {
    this.watchers.clear();
    await this.app.stop();
    await Promise.all([this.slack.stop(), this.messageMedia.stop()]);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private memberState(member: PlaygroundMember): MemberState {
    const { workspace } = this.slack;
    const views = workspace.viewsOfUser(member.id);
    const shown = (open: OpenView | undefined) => (open ? { id: open.id, hash: open.hash, view: open.view } : null);
    const fields = workspace.profileOf(member.id);
    return {
      id: member.id,
      name: member.name,
      realName: member.realName ?? member.name,
      role: member.role ?? 'member',
      locale: member.locale ?? 'en-US',
      phone: member.phone,
      failNextDelivery: this.failing.has(member.phone),
      modal: shown(views.filter((view) => view.type === 'modal').at(-1)),
      home: shown(workspace.homeOf(member.id)),
      profile: {
        phone: workspace.phoneOf(member.id),
        fields: [PROFILE_FIELD].map(({ id, label }) => ({
          label,
          value: fields[id]?.value ?? '',
          alt: fields[id]?.alt ?? '',
        })),
      },
      inbox: this.messageMedia.outbox.filter((sent) => sent.destination_number === member.phone).map(inboxItem),
      messages: this.slack.messages.flatMap((posted) => this.messageItem(posted, member.id)),
    };
  }

  private messageItem(posted: PostedMessage, userId: string): MessageItem[] {
    const ephemeral =
      posted.via === 'chat.postEphemeral' ? posted.user : this.responseUrls.get(posted.responseUrl ?? '');
    const kind =
      posted.channel === directMessageChannel(userId) ? 'dm' : ephemeral === userId ? 'ephemeral' : undefined;
    return kind ? [{ ts: posted.ts, kind, text: posted.text ?? '', blocks: posted.blocks ?? [] }] : [];
  }

  /** A failure applies to one message: once it is accepted, the number's phone is on again. */
  private sawMessage(message: WireMessage): void {
    if (message.status === 'queued' && this.failing.delete(message.destination_number)) {
      this.messageMedia.deliveries.sequence(message.destination_number, DELIVERED);
    }
    this.changed();
  }

  private changed(): void {
    for (const watcher of this.watchers) watcher();
  }
}

function inboxItem(message: WireMessage): InboxItem {
  return {
    id: message.message_id,
    kind: message.format === 'TTS' ? 'call' : 'sms',
    content: message.content,
    delivered: !UNDELIVERED.has(message.status),
  };
}
