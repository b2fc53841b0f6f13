import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';
import { memberOf } from '../member';

/** The Home tab's button: opens the same number step as the slash command. */
export function startVerification({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const view = phoneStepView({
      flowReference: references.issue(memberOf(body)),
      defaultCountry: verification.settings.defaultCountry,
    });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      logger.error('views.open from the Home tab failed', error);
    }
  };
}
