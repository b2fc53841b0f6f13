import type { AllMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import { verificationRequestMessage } from '../../views/verification-request';
import { slackStepOutputs } from '../../workflow-completer';
import { type StepArgs, type WorkflowStepDependencies, workflowMember } from './step-member';

/**
 * "Request phone verification": a member already verified completes at once; otherwise the request
 * is stored and the member gets a DM, and the step completes later, from wherever it ends.
 */
export function requestVerification({ requests, locales, nowSeconds, logger }: WorkflowStepDependencies) {
  return async ({ body, event, inputs, complete, client }: AllMiddlewareArgs & StepArgs) => {
    const member = workflowMember(body, inputs);
    const executionId = event.function_execution_id;
    const opened = await requests.open({ ...member, executionId, requestedAt: nowSeconds() });
    if (opened.kind === 'verified') await complete({ outputs: slackStepOutputs(opened.outputs) });
    if (opened.kind !== 'pending') return;
    const workflowMessage = typeof inputs.message === 'string' ? inputs.message : undefined;
    try {
      const channel = (await client.conversations.open({ users: member.userId })).channel?.id;
      if (channel) {
        const t = await locales.messagesOf(client, member);
        await client.chat.postMessage({ channel, ...verificationRequestMessage(t, executionId, workflowMessage) });
      }
    } catch (error) {
      // The request stays pending and times out: the workflow learns of it, the member is not pestered.
      logger.warn(
        { ...member, executionId, slackError: slackErrorCode(error) },
        'sending the verification request failed',
      );
    }
  };
}
