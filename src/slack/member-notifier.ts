import type { webApi } from '@slack/bolt';
import { slackErrorCode } from '../infrastructure/slack/web-client';
import type { AppLogger } from '../logger';
import type { Member } from '../verification/model';
import type { MemberNotifier, VerifyAgainReason } from '../verification/ports';
import { sendDirectMessage } from './direct-message';
import { verifyAgainMessage } from './views/verify-again';

/** The workspace's bot client, or undefined when the workspace has no installation. */
export type BotClientFor = (teamId: string) => Promise<webApi.WebClient | undefined>;

/** Sends the "verify again" direct message from the app's bot (`conversations.open`, `chat.postMessage`). */
export class SlackMemberNotifier implements MemberNotifier {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly logger: AppLogger,
  ) {}

  async askToVerifyAgain(member: Member, reason: VerifyAgainReason): Promise<void> {
    try {
      const client = await this.botClientFor(member.teamId);
      if (!client) {
        this.logger.warn({ ...member }, 'no bot token to message the member with');
        return;
      }
      await sendDirectMessage(client, member.userId, verifyAgainMessage(reason));
    } catch (error) {
      this.logger.warn({ ...member, slackError: slackErrorCode(error) }, 'messaging the member failed');
    }
  }
}
