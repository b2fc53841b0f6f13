import { slackErrorCode } from '../infrastructure/slack/web-client';
import type { AppLogger } from '../logger';
import { messagesFor } from '../messages/catalog';
import { DEFAULT_LOCALE } from '../messages/locales';
import type { RequestFailure, StepOutputs, WorkflowCompleter, WorkflowRequest } from '../workflows/ports';
import type { BotClientFor } from './member-notifier';

/** The workflow's builder reads these errors, not the member: the workspace's default language. */
const ERRORS = messagesFor(DEFAULT_LOCALE);

/** The steps' outputs under the names the manifests declare; `verified_at` is a Slack `timestamp`. */
export function slackStepOutputs({ verified, verifiedAt, country }: StepOutputs): Record<string, unknown> {
  return { verified, ...(verifiedAt !== undefined && { verified_at: verifiedAt }), country: country ?? '' };
}

/**
 * Completes a waiting step with `functions.completeSuccess` / `completeError`, under the
 * workspace's bot token: the execution's own `bot_access_token` lives only while its event is
 * handled, and a request may end a day later, on another replica.
 */
export class SlackWorkflowCompleter implements WorkflowCompleter {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly timeoutHours: number,
    private readonly logger: AppLogger,
  ) {}

  succeed(request: WorkflowRequest, outputs: StepOutputs): Promise<void> {
    return this.complete(request, 'success', (client, function_execution_id) =>
      client.functions.completeSuccess({ function_execution_id, outputs: slackStepOutputs(outputs) }),
    );
  }

  fail(request: WorkflowRequest, why: RequestFailure): Promise<void> {
    const error =
      why === 'declined'
        ? ERRORS.text('workflow.error_declined')
        : ERRORS.text('workflow.error_timed_out', { hours: this.timeoutHours });
    return this.complete(request, why, (client, function_execution_id) =>
      client.functions.completeError({ function_execution_id, error }),
    );
  }

  private async complete(
    request: WorkflowRequest,
    outcome: string,
    call: (client: NonNullable<Awaited<ReturnType<BotClientFor>>>, executionId: string) => Promise<unknown>,
  ): Promise<void> {
    const fields = { teamId: request.teamId, userId: request.userId, executionId: request.executionId, outcome };
    try {
      const client = await this.botClientFor(request.teamId);
      if (!client) {
        this.logger.warn(fields, 'no bot token to complete the workflow step with');
        return;
      }
      await call(client, request.executionId);
      this.logger.info(fields, 'workflow step completed');
    } catch (error) {
      this.logger.warn({ ...fields, slackError: slackErrorCode(error) }, 'completing the workflow step failed');
    }
  }
}
