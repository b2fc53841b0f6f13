import type { BatchReport } from '../../admin/model';
import type { DirectMessageResult, RequestMessenger } from '../../admin/ports';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { AppLogger } from '../../logger';
import type { Member } from '../../verification/model';
import type { DirectMessages } from '../direct-message';
import { requestMessage, requestSummaryMessage } from '../views/admin/request-messages';

/** Slack errors worth another try later: its rate limit, its outages, the network. */
const TRANSIENT = /^(ratelimited|http_5\d\d|request_failed|internal_error|fatal_error|service_unavailable)$/;

/** The DMs of a verification request, from the app's bot, each in its recipient's language. */
export class SlackRequestMessenger implements RequestMessenger {
  constructor(
    private readonly messages: DirectMessages,
    private readonly logger: AppLogger,
  ) {}

  async askToVerify(member: Member, requesterId: string): Promise<DirectMessageResult> {
    try {
      const sent = await this.messages.send(member, (t) => requestMessage(t, requesterId));
      return sent ? { kind: 'sent' } : { kind: 'failed', reason: 'not_installed', transient: false };
    } catch (error) {
      const reason = slackErrorCode(error);
      return { kind: 'failed', reason, transient: TRANSIENT.test(reason) };
    }
  }

  async reportBatch(report: BatchReport): Promise<void> {
    const admin = { teamId: report.teamId, userId: report.requesterId };
    try {
      await this.messages.send(admin, (t) => requestSummaryMessage(t, report));
    } catch (error) {
      this.logger.warn({ ...admin, slackError: slackErrorCode(error) }, 'the request summary could not be sent');
    }
  }
}
