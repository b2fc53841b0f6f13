import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';

/** `/verify-phone`: ack at once, then open the number step while the trigger id is fresh. */
export function verifyPhoneCommand({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    const member = { teamId: body.team_id, userId: body.user_id };
    const view = phoneStepView({
      flowReference: references.issue(member),
      defaultCountry: verification.settings.defaultCountry,
    });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      logger.error('views.open failed for /verify-phone', error);
    }
  };
}
