import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';
import { memberOf } from '../member';
import { updateModal } from '../update-modal';

/** "Start again" / "Use a different number": the same modal goes back to the number step with a new flow. */
export function restartVerification({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (!body.view) return;
    const view = phoneStepView({
      flowReference: references.issue(memberOf(body)),
      defaultCountry: verification.settings.defaultCountry,
    });
    await updateModal(client, logger, body.view.id, view);
  };
}
