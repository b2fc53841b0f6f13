import type { webApi } from '@slack/bolt';
import type { MemberLocales } from '../infrastructure/slack/member-locales';
import type { Messages } from '../messages/catalog';
import type { Member } from '../verification/model';

/** The workspace's bot client, or undefined when the workspace has no installation. */
export type BotClientFor = (teamId: string) => Promise<webApi.WebClient | undefined>;

export interface DirectMessage {
  readonly text: string;
  readonly blocks: unknown[];
}

/** The app's direct-message channel with a member (`conversations.open`, scope `im:write`). */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string | undefined> {
  const opened = await client.conversations.open({ users: userId });
  return opened.channel?.id;
}

/** Posts `message` to the member's DM with the app. Throws what the Web API throws. */
export async function sendDirectMessage(
  client: webApi.WebClient,
  userId: string,
  message: DirectMessage,
): Promise<void> {
  const channel = await openDirectMessage(client, userId);
  if (channel) await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
}

/** Direct messages to members from their workspace's bot, each in the member's own language. */
export class DirectMessages {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly locales: MemberLocales,
  ) {}

  /** False when the workspace has no bot token to send with. Throws what the Web API throws. */
  async send(member: Member, compose: (t: Messages) => DirectMessage): Promise<boolean> {
    const client = await this.botClientFor(member.teamId);
    if (!client) return false;
    const t = await this.locales.messagesOf(client, member);
    await sendDirectMessage(client, member.userId, compose(t));
    return true;
  }
}
