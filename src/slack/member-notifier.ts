import { slackErrorCode } from '../infrastructure/slack/web-client';
import type { AppLogger } from '../logger';
import type { Member } from '../verification/model';
import type { MemberNotifier, VerifyAgainReason } from '../verification/ports';
import type { DirectMessages } from './direct-message';
import { verifyAgainMessage } from './views/verify-again';

export type { BotClientFor } from './direct-message';

/**
 * Sends the "verify again" direct message from the app's bot (`conversations.open`, `chat.postMessage`),
 * in the member's language: the same bot client asks `users.info` (cached; English if that fails).
 */
export class SlackMemberNotifier implements MemberNotifier {
  constructor(
    private readonly messages: DirectMessages,
    private readonly logger: AppLogger,
  ) {}

  async askToVerifyAgain(member: Member, reason: VerifyAgainReason): Promise<void> {
    try {
      const sent = await this.messages.send(member, (t) => verifyAgainMessage(t, reason));
      if (!sent) this.logger.warn({ ...member }, 'no bot token to message the member with');
    } catch (error) {
      this.logger.warn({ ...member, slackError: slackErrorCode(error) }, 'messaging the member failed');
    }
  }
}
