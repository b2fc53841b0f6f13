import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { phoneStepView } from '../../views/phone-step';
import { memberOf } from '../member';
import { OpenModal } from '../modal';
import { readModal } from '../modal-words';

/** "Start again" / "Use a different number": the same modal goes back to the number step with a new flow. */
export function restartVerification(deps: ListenerDependencies) {
  const { references, settings, logger } = deps;
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (!body.view) return;
    const member = memberOf(body);
    const { t } = await readModal(deps, client, member, body.view.private_metadata);
    const flowReference = references.issue(member);
    await new OpenModal(client, logger, body.view.id, member, t).finish(async () =>
      phoneStepView(t, { flowReference, defaultCountry: settings.defaultCountry }),
    );
  };
}
