import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';
import { memberOf } from '../member';

/** "Start again" inside a finished modal: the same modal goes back to the number step with a new flow. */
export function restartVerification({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (!body.view) return;
    const view = phoneStepView({
      flowReference: references.issue(memberOf(body)),
      defaultCountry: verification.settings.defaultCountry,
    });
    try {
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
    } catch (error) {
      logger.warn('views.update to restart verification failed', error);
    }
  };
}
