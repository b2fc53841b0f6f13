import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { CheckOutcome } from '../../../verification/verification-service';
import type { ListenerDependencies } from '../../dependencies';
import { CODE_INPUT } from '../../ids';
import { codeStepView } from '../../views/code-step';
import { homeView } from '../../views/home';
import { flowEndedView, verifiedView } from '../../views/outcome';
import { checkingView } from '../../views/progress';
import { memberOf } from '../member';

/**
 * Code submitted: the local gates (binding, state, format, attempt count) answer in the ack;
 * the provider lookup and the comparison happen after it, and the result arrives by `views.update`.
 */
export function codeSubmitted(deps: ListenerDependencies) {
  const { verification, references } = deps;
  return async ({ ack, body, view, client, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const member = memberOf(body);
    const flowId = references.open(member, view.private_metadata);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView('unknown_flow') });
      return;
    }
    const input = view.state.values[CODE_INPUT.blockId]?.[CODE_INPUT.actionId]?.value ?? '';
    const started = await verification.beginCheck(member, flowId, input);
    if (started.kind === 'malformed') {
      const message = `Enter the ${started.codeLength} digits from the SMS, with nothing else.`;
      await ack({ response_action: 'errors', errors: { [CODE_INPUT.blockId]: message } });
      return;
    }
    if (started.kind !== 'checking') {
      await ack({ response_action: 'update', view: flowEndedView(started.kind) });
      return;
    }
    await ack({ response_action: 'update', view: checkingView() });

    const outcome = await verification.finishCheck(started.check);
    const next = resultView(outcome, (problem) =>
      codeStepView({
        flowReference: view.private_metadata,
        maskedNumber: started.check.maskedNumber,
        codeLength: verification.settings.codeLength,
        ttlSeconds: verification.settings.codeTtlSeconds,
        problem,
      }),
    );
    try {
      await client.views.update({ view_id: view.id, view: next });
    } catch (error) {
      logger.warn('views.update after a code check failed (the member may have closed the modal)', error);
    }
    if (outcome.kind === 'verified') await publishHome(client, member.userId, outcome, logger);
  };
}

function resultView(outcome: CheckOutcome, retry: (problem: string) => ReturnType<typeof codeStepView>) {
  switch (outcome.kind) {
    case 'verified':
      return verifiedView({
        maskedNumber: outcome.maskedNumber,
        tagProblem: outcome.tag.ok ? undefined : tagProblemText(outcome.tag.state),
      });
    case 'wrong_code':
      return retry(
        `That code isn't right. ${outcome.attemptsLeft} ${outcome.attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`,
      );
    case 'lookup_failed':
      return retry("We couldn't check your code just now, and that try wasn't counted. Please submit it again.");
    default:
      return flowEndedView(outcome.kind);
  }
}

function tagProblemText(state: 'failed' | 'not_configured'): string {
  return state === 'not_configured'
    ? 'the Phone verified profile field is not set up in this workspace.'
    : 'Slack did not accept the profile update.';
}

async function publishHome(
  client: webApi.WebClient,
  userId: string,
  outcome: Extract<CheckOutcome, { kind: 'verified' }>,
  logger: AllMiddlewareArgs['logger'],
): Promise<void> {
  const { maskedNumber, record } = outcome;
  const { verifiedAt, profileTag } = record;
  try {
    await client.views.publish({ user_id: userId, view: homeView({ maskedNumber, verifiedAt, profileTag }) });
  } catch (error) {
    logger.warn('views.publish of the Home tab failed', error);
  }
}
