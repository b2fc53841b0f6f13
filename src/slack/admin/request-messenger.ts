import type { BatchReport } from '../../admin/model';
import type { DirectMessageResult, RequestMessenger } from '../../admin/ports';
import type { MemberLocales } from '../../infrastructure/slack/member-locales';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { AppLogger } from '../../logger';
import type { Member } from '../../verification/model';
import { sendDirectMessage } from '../direct-message';
import type { BotClientFor } from '../member-notifier';
import { requestMessage, requestSummaryMessage } from '../views/admin/request-messages';

/** Slack errors worth another try later: its rate limit, its outages, the network. */
const TRANSIENT = /^(ratelimited|http_5\d\d|request_failed|internal_error|fatal_error|service_unavailable)$/;

/** The DMs of a verification request, from the app's bot, each in its recipient's language. */
export class SlackRequestMessenger implements RequestMessenger {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly locales: MemberLocales,
    private readonly logger: AppLogger,
  ) {}

  async askToVerify(member: Member, requesterId: string): Promise<DirectMessageResult> {
    try {
      const client = await this.botClientFor(member.teamId);
      if (!client) return { kind: 'failed', reason: 'not_installed', transient: false };
      const t = await this.locales.messagesOf(client, member);
      await sendDirectMessage(client, member.userId, requestMessage(t, requesterId));
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
      if (!client) return;
      const t = await this.locales.messagesOf(client, admin);
      await sendDirectMessage(client, admin.userId, requestSummaryMessage(t, report));
    } catch (error) {
      this.logger.warn({ ...admin, slackError: slackErrorCode(error) }, 'the request summary could not be sent');
    }
  }
}
