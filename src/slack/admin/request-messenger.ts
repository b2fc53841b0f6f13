import type { BatchReport } from '../../admin/model';
import type { DirectMessageResult, RequestMessenger } from '../../admin/ports';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { AppLogger } from '../../logger';
import type { Member } from '../../verification/model';
import { sendDirectMessage } from '../direct-message';
import type { BotClientFor } from '../member-notifier';
import { requestMessage, requestSummaryMessage } from '../views/admin/request-messages';

/** Slack errors worth another try later: its rate limit, its outages, the network. */
const TRANSIENT = /^(ratelimited|http_5\d\d|request_failed|internal_error|fatal_error|service_unavailable)$/;

/** The DMs of a verification request, from the app's bot. */
export class SlackRequestMessenger implements RequestMessenger {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly logger: AppLogger,
  ) {}

  async askToVerify(member: Member, requesterId: string): Promise<DirectMessageResult> {
    try {
      const client = await this.botClientFor(member.teamId);
      if (!client) return { kind: 'failed', reason: 'not_installed', transient: false };
      await sendDirectMessage(client, member.userId, requestMessage(requesterId));
      return { kind: 'sent' };
    } catch (error) {
      const reason = slackErrorCode(error);
      return { kind: 'failed', reason, transient: TRANSIENT.test(reason) };
    }
  }

  async reportBatch(report: BatchReport): Promise<void> {
    const admin = { teamId: report.teamId, userId: report.requesterId };
    try {
      const client = await this.botClientFor(report.teamId);
      if (client) await sendDirectMessage(client, admin.userId, requestSummaryMessage(report));
    } catch (error) {
      this.logger.warn({ ...admin, slackError: slackErrorCode(error) }, 'the request summary could not be sent');
    }
  }
}
