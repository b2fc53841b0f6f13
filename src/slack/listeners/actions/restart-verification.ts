import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';
import { memberOf } from '../member';
import { OpenModal } from '../modal';

/** "Start again" / "Use a different number": the same modal goes back to the number step with a new flow. */
export function restartVerification({ references, settings, logger }: ListenerDependencies) {
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (!body.view) return;
    const member = memberOf(body);
    const view = phoneStepView({ flowReference: references.issue(member), defaultCountry: settings.defaultCountry });
    await new OpenModal(client, logger, body.view.id, member).show(view);
  };
}
