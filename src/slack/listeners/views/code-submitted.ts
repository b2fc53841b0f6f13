import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction, webApi } from '@slack/bolt';
import type { AppLogger } from '../../../logger';
import type { Messages } from '../../../messages/catalog';
import type { CheckOutcome } from '../../../verification/check-code';
import type { VerifiedOutcome } from '../../../verification/record-verification';
import type { ListenerDependencies } from '../../dependencies';
import { CODE_INPUT } from '../../ids';
import { homeView } from '../../views/home';
import { flowEndedView, verifiedView } from '../../views/outcome';
import { checkingView } from '../../views/progress';
import { codeStepFor } from '../flow-views';
import { OpenModal } from '../modal';
import { readSubmission } from '../submission';

/**
 * Code submitted: the local gates (binding, state, format, budgets, attempt count) answer in the
 * ack; the provider lookup and the comparison happen after it, and the result arrives by `views.update`.
 */
export function codeSubmitted({ verification, references, settings, logger }: ListenerDependencies) {
  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { member, t, reference, flowId, input } = readSubmission(references, body, view, CODE_INPUT);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView(t, 'unknown_flow') });
      return;
    }
    const started = await verification.checkCode.begin(member, flowId, input);
    switch (started.kind) {
      case 'checking':
        break;
      case 'malformed': {
        const error = t.text('code.malformed', { codeLength: started.codeLength });
        await ack({ response_action: 'errors', errors: { [CODE_INPUT.blockId]: error } });
        return;
      }
      case 'rate_limited': {
        const error = t.text('code.rate_limited');
        await ack({ response_action: 'errors', errors: { [CODE_INPUT.blockId]: error } });
        return;
      }
      default:
        await ack({ response_action: 'update', view: flowEndedView(t, started.kind) });
        return;
    }
    await ack({ response_action: 'update', view: checkingView(t) });

    const modal = new OpenModal(client, logger, view.id, { ...member, flowId }, t);
    await modal.finish(async () => {
      const outcome = await verification.checkCode.finish(started.check);
      if (outcome.kind === 'duplicate') return undefined; // the concurrent submission that won shows the result
      const { maskedNumber, offer } = started.check;
      const retry = (notice: string) => codeStepFor(t, settings, reference, maskedNumber, offer, notice);
      await modal.show(resultView(t, outcome, retry));
      if (outcome.kind === 'verified') await publishHome(t, client, outcome, logger);
      return undefined;
    });
  };
}

function resultView(
  t: Messages,
  outcome: Exclude<CheckOutcome, { kind: 'duplicate' }>,
  retry: (notice: string) => types.ModalView,
): types.ModalView {
  switch (outcome.kind) {
    case 'verified':
      return verifiedView(t, outcome.maskedNumber, outcome.tag);
    case 'wrong_code':
      return retry(`:warning: ${t.text('code.wrong', { attemptsLeft: outcome.attemptsLeft })}`);
    case 'lookup_failed':
      return retry(`:warning: ${t.text('code.lookup_failed')}`);
    default:
      return flowEndedView(t, outcome.kind);
  }
}

/** The member's own status on the Home tab at once; an admin's activity section refreshes when they open it. */
async function publishHome(
  t: Messages,
  client: webApi.WebClient,
  outcome: VerifiedOutcome,
  logger: AppLogger,
): Promise<void> {
  const { record, maskedNumber } = outcome;
  try {
    await client.views.publish({ user_id: record.userId, view: homeView(t, { status: { ...record, maskedNumber } }) });
  } catch (error) {
    logger.warn({ teamId: record.teamId, userId: record.userId, err: error }, 'views.publish of the Home tab failed');
  }
}
