import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import type { Member } from '../../../verification/model';
import type { ListenerDependencies } from '../../dependencies';
import { helpText, removeConfirmView, statusText } from '../../views/member-commands';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/verify-phone <subcommand>`, after the ack: each answers only the member who typed it. */
export async function runSubcommand(deps: ListenerDependencies, args: CommandArgs, subcommand: string): Promise<void> {
  const { body, respond } = args;
  const member: Member = { teamId: body.team_id, userId: body.user_id };
  const answer = async (text: string) => {
    await respond({ response_type: 'ephemeral', text });
  };
  switch (subcommand) {
    case 'status':
      return answer(statusText(await deps.verification.status.statusOf(member)));
    case 'remove':
      return confirmRemove(deps, args, member, answer);
    case 'help':
      return answer(helpText());
    default:
      return answer(helpText(subcommand));
  }
}

async function confirmRemove(
  { verification, logger }: ListenerDependencies,
  { client, body }: CommandArgs,
  member: Member,
  answer: (text: string) => Promise<void>,
): Promise<void> {
  const status = await verification.status.statusOf(member);
  if (!status) return answer(statusText(undefined));
  try {
    await client.views.open({ trigger_id: body.trigger_id, view: removeConfirmView(status.maskedNumber) });
  } catch (error) {
    logger.error({ ...member, slackError: slackErrorCode(error) }, 'views.open of the remove confirmation failed');
  }
}
