import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { openPhoneStep } from '../open-phone-step';
import { runSubcommand } from './subcommands';

/** `/verify-phone`: ack at once, then open the number step while the trigger id is fresh; or a subcommand. */
export function verifyPhoneCommand(deps: ListenerDependencies) {
  return async (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const { ack, body, client } = args;
    await ack();
    const subcommand = body.text.trim().toLowerCase();
    if (subcommand !== '') return runSubcommand(deps, args, subcommand);
    await openPhoneStep(deps, client, { teamId: body.team_id, userId: body.user_id }, body.trigger_id);
  };
}
