import type { webApi } from '@slack/bolt';
import type { MemberLocales } from '../infrastructure/slack/member-locales';
import { slackErrorCode } from '../infrastructure/slack/web-client';
import type { AppLogger } from '../logger';
import type { Member } from '../verification/model';
import type { MemberNotifier, VerifyAgainReason } from '../verification/ports';
import { sendDirectMessage } from './direct-message';
import { verifyAgainMessage } from './views/verify-again';

/** The workspace's bot client, or undefined when the workspace has no installation. */
export type BotClientFor = (teamId: string) => Promise<webApi.WebClient | undefined>;

/**
 * Sends the "verify again" direct message from the app's bot (`conversations.open`, `chat.postMessage`),
 * in the member's language: the same bot client asks `users.info` (cached; English if that fails).
 */
export class SlackMemberNotifier implements MemberNotifier {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly locales: MemberLocales,
    private readonly logger: AppLogger,
  ) {}

  async askToVerifyAgain(member: Member, reason: VerifyAgainReason): Promise<void> {
    try {
      const client = await this.botClientFor(member.teamId);
      if (!client) {
        this.logger.warn({ ...member }, 'no bot token to message the member with');
        return;
      }
      const t = await this.locales.messagesOf(client, member);
      await sendDirectMessage(client, member.userId, verifyAgainMessage(t, reason));
    } catch (error) {
      this.logger.warn({ ...member, slackError: slackErrorCode(error) }, 'messaging the member failed');
    }
  }
}
