import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { memberOf } from '../member';
import { openPhoneStep } from '../open-phone-step';

/** The Home tab's button: opens the same number step as the slash command. */
export function startVerification(deps: ListenerDependencies) {
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    await openPhoneStep(deps, client, memberOf(body), body.trigger_id);
  };
}
