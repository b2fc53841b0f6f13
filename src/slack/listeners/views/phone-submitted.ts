import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from '@slack/bolt';
import { message, type PlainMessageId } from '../../../messages/catalog';
import type { StartProblem, StartResult } from '../../../verification/verification-service';
import type { ListenerDependencies } from '../../dependencies';
import { PHONE_INPUT } from '../../ids';
import { flowEndedView, sendFailedView } from '../../views/outcome';
import { sendingView } from '../../views/progress';
import { codeStepFor, rateLimitedText } from '../flow-views';
import { readSubmission } from '../submission';
import { updateModal } from '../update-modal';

const PROBLEMS: Record<Exclude<StartProblem, 'rate_limited' | 'country_not_allowed'>, PlainMessageId> = {
  empty: 'phone.empty',
  too_long: 'phone.too_long',
  unparseable: 'phone.unparseable',
  invalid: 'phone.invalid',
  not_mobile: 'phone.not_mobile',
  costly: 'phone.costly',
  number_taken: 'number.taken',
  flow_taken: 'phone.flow_taken',
};

/**
 * Number submitted: validate and record locally, ack with a "Sending…" view, and only then
 * call the SMS provider, whose answer arrives by `views.update`.
 */
export function phoneSubmitted({ verification, references }: ListenerDependencies) {
  const problemText = (problem: StartProblem, retryAfterSeconds = 0): string => {
    if (problem === 'rate_limited') return rateLimitedText(retryAfterSeconds);
    if (problem === 'country_not_allowed') {
      return message('phone.country_not_allowed', { countries: verification.settings.allowedCountries });
    }
    return message(PROBLEMS[problem]);
  };

  /** What the modal should show for a submission that repeats one already handled. */
  const viewForRepeat = (started: Extract<StartResult, { ok: true }>, reference: string): types.ModalView => {
    switch (started.status) {
      case 'pending':
        return codeStepFor(verification.settings, reference, started.maskedNumber);
      case 'send_failed':
        return sendFailedView(reference, started.maskedNumber, 'unavailable');
      case 'sending':
        return sendingView(started.maskedNumber);
      case 'locked':
        return flowEndedView('locked');
      case 'verified':
        return flowEndedView('already_verified');
    }
  };

  return async ({ ack, body, view, client, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { member, reference, flowId, input } = readSubmission(references, body, view, PHONE_INPUT);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView('unknown_flow') });
      return;
    }
    const started = await verification.start(member, flowId, input);
    if (!started.ok) {
      const errors = { [PHONE_INPUT.blockId]: problemText(started.problem, started.retryAfterSeconds) };
      await ack({ response_action: 'errors', errors });
      return;
    }
    if (!started.isNew) {
      // A retry or double click: show where the flow is, never send a second SMS.
      await ack({ response_action: 'update', view: viewForRepeat(started, reference) });
      return;
    }
    await ack({ response_action: 'update', view: sendingView(started.maskedNumber) });

    const sent = await verification.sendCode(flowId, body.team?.domain ?? '');
    const next = sent.ok
      ? codeStepFor(verification.settings, reference, sent.maskedNumber)
      : sendFailedView(reference, started.maskedNumber, sent.reason);
    await updateModal(client, logger, view.id, next);
  };
}
