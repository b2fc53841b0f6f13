import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import type { Messages } from '../../../messages/catalog';
import type { Member } from '../../../verification/model';
import type { ListenerDependencies } from '../../dependencies';
import { helpText, removeConfirmView, statusText } from '../../views/member-commands';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/verify-phone <subcommand>`, after the ack: each answers only the member who typed it, in their
 * language (a slash command carries no locale, so it is looked up, cached, as a modal's is).
 */
export async function runSubcommand(deps: ListenerDependencies, args: CommandArgs, subcommand: string): Promise<void> {
  const { body, respond, client } = args;
  const member: Member = { teamId: body.team_id, userId: body.user_id };
  const t = await deps.locales.messagesOf(client, member);
  const answer = async (text: string) => {
    await respond({ response_type: 'ephemeral', text });
  };
  try {
    await answerSubcommand(deps, args, subcommand, member, t, answer);
  } catch (error) {
    // The member typed a command: they get an answer, whatever failed on our side.
    deps.logger.error({ ...member, err: error }, `/verify-phone ${subcommand} failed`);
    await answer(t.text('error.internal')).catch(() => undefined);
  }
}

async function answerSubcommand(
  deps: ListenerDependencies,
  args: CommandArgs,
  subcommand: string,
  member: Member,
  t: Messages,
  answer: (text: string) => Promise<void>,
): Promise<void> {
  switch (subcommand) {
    case 'status':
      return answer(statusText(t, await deps.verification.status.statusOf(member)));
    case 'remove':
      return confirmRemove(deps, args, member, t, answer);
    case 'help':
      return answer(helpText(t));
    default:
      return answer(helpText(t, subcommand));
  }
}

async function confirmRemove(
  { verification, logger }: ListenerDependencies,
  { client, body }: CommandArgs,
  member: Member,
  t: Messages,
  answer: (text: string) => Promise<void>,
): Promise<void> {
  const status = await verification.status.statusOf(member);
  if (!status) return answer(statusText(t, undefined));
  try {
    await client.views.open({ trigger_id: body.trigger_id, view: removeConfirmView(t, status.maskedNumber) });
  } catch (error) {
    logger.error({ ...member, slackError: slackErrorCode(error) }, 'views.open of the remove confirmation failed');
  }
}
