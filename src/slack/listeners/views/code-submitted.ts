import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction, webApi } from '@slack/bolt';
import { message } from '../../../messages/catalog';
import type { CheckOutcome } from '../../../verification/verification-service';
import type { ListenerDependencies } from '../../dependencies';
import { CODE_INPUT } from '../../ids';
import { homeView } from '../../views/home';
import { flowEndedView, verifiedView } from '../../views/outcome';
import { checkingView } from '../../views/progress';
import { codeStepFor } from '../flow-views';
import { readSubmission } from '../submission';
import { updateModal } from '../update-modal';

/**
 * Code submitted: the local gates (binding, state, format, budgets, attempt count) answer in the
 * ack; the provider lookup and the comparison happen after it, and the result arrives by `views.update`.
 */
export function codeSubmitted({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, view, client, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { member, reference, flowId, input } = readSubmission(references, body, view, CODE_INPUT);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView('unknown_flow') });
      return;
    }
    const started = await verification.beginCheck(member, flowId, input);
    switch (started.kind) {
      case 'checking':
        break;
      case 'malformed': {
        const error = message('code.malformed', { codeLength: started.codeLength });
        await ack({ response_action: 'errors', errors: { [CODE_INPUT.blockId]: error } });
        return;
      }
      case 'rate_limited': {
        const error = message('code.rate_limited');
        await ack({ response_action: 'errors', errors: { [CODE_INPUT.blockId]: error } });
        return;
      }
      default:
        await ack({ response_action: 'update', view: flowEndedView(started.kind) });
        return;
    }
    await ack({ response_action: 'update', view: checkingView() });

    const outcome = await verification.finishCheck(started.check);
    if (outcome.kind === 'duplicate') return; // the concurrent submission that won shows the result
    const retry = (notice: string) => codeStepFor(verification.settings, reference, started.check.maskedNumber, notice);
    await updateModal(client, logger, view.id, resultView(outcome, retry));
    if (outcome.kind === 'verified') await publishHome(client, member.userId, outcome, logger);
  };
}

function resultView(
  outcome: Exclude<CheckOutcome, { kind: 'duplicate' }>,
  retry: (notice: string) => types.ModalView,
): types.ModalView {
  switch (outcome.kind) {
    case 'verified':
      return verifiedView(outcome.maskedNumber, outcome.tag);
    case 'wrong_code':
      return retry(`:warning: ${message('code.wrong', { attemptsLeft: outcome.attemptsLeft })}`);
    case 'lookup_failed':
      return retry(`:warning: ${message('code.lookup_failed')}`);
    default:
      return flowEndedView(outcome.kind);
  }
}

/** The member's own status on the Home tab at once; an admin's activity section refreshes when they open it. */
async function publishHome(
  client: webApi.WebClient,
  userId: string,
  outcome: Extract<CheckOutcome, { kind: 'verified' }>,
  logger: AllMiddlewareArgs['logger'],
): Promise<void> {
  const status = { maskedNumber: outcome.maskedNumber, ...outcome.record };
  try {
    await client.views.publish({ user_id: userId, view: homeView({ status }) });
  } catch (error) {
    logger.warn('views.publish of the Home tab failed', error);
  }
}
