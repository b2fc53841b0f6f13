import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { openPhoneStep } from '../open-phone-step';

/** `/verify-phone`: ack at once, then open the number step while the trigger id is fresh. */
export function verifyPhoneCommand(deps: ListenerDependencies) {
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    await openPhoneStep(deps, client, { teamId: body.team_id, userId: body.user_id }, body.trigger_id);
  };
}
