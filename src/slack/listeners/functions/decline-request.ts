import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import { memberOf } from '../member';
import type { WorkflowStepDependencies } from './step-member';

/** "Not now" on a request DM: the step fails, once, and the member is told so in the DM. */
export function declineRequest({ requests, locales, logger }: WorkflowStepDependencies) {
  return async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const member = memberOf(body);
    const executionId = (action as ButtonAction).value ?? '';
    if (!(await requests.decline(member, executionId)) || !body.channel) return;
    try {
      const t = await locales.messagesOf(client, member);
      await client.chat.postMessage({ channel: body.channel.id, text: t.text('workflow.declined') });
    } catch (error) {
      logger.warn({ ...member, slackError: slackErrorCode(error) }, 'confirming the declined request failed');
    }
  };
}
