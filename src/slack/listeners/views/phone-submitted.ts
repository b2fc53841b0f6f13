import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from '@slack/bolt';
import type { Messages, PlainMessageId } from '../../../messages/catalog';
import type { StartResult } from '../../../verification/start-flow';
import type { ListenerDependencies } from '../../dependencies';
import { PHONE_INPUT } from '../../ids';
import { flowEndedView, sendFailedView } from '../../views/outcome';
import { sendingView } from '../../views/progress';
import { afterSendView, codeStepFor, rateLimitedText } from '../flow-views';
import { OpenModal } from '../modal';
import { readSubmission } from '../submission';

type Refusal = Exclude<StartResult, { kind: 'started' | 'repeated' }>;

const PROBLEMS: Record<Exclude<Refusal['kind'], 'rate_limited' | 'country_not_allowed'>, PlainMessageId> = {
  empty: 'phone.empty',
  too_long: 'phone.too_long',
  unparseable: 'phone.unparseable',
  invalid: 'phone.invalid',
  not_mobile: 'phone.not_mobile',
  costly: 'phone.costly',
  global_network: 'phone.global_network',
  number_taken: 'number.taken',
  flow_taken: 'phone.flow_taken',
};

/**
 * Number submitted: validate and record locally, ack with a "Sending…" view, and only then
 * call the SMS provider (which texts or calls), whose answer arrives by `views.update`.
 */
export function phoneSubmitted({ verification, references, settings, deliveries, logger }: ListenerDependencies) {
  const problemText = (t: Messages, refusal: Refusal): string => {
    if (refusal.kind === 'rate_limited') return rateLimitedText(t, refusal.retryAfterSeconds);
    if (refusal.kind === 'country_not_allowed') {
      return t.text('phone.country_not_allowed', { countries: settings.allowedCountries });
    }
    return t.text(PROBLEMS[refusal.kind]);
  };

  /** What the modal should show for a submission that repeats one already handled. */
  const viewForRepeat = (
    t: Messages,
    started: Extract<StartResult, { kind: 'repeated' }>,
    reference: string,
  ): types.ModalView => {
    switch (started.status) {
      case 'pending':
        return codeStepFor(t, settings, reference, started.maskedNumber, started.offer);
      case 'send_failed':
        return sendFailedView(t, reference, started.maskedNumber, 'unavailable', started.offer.callOffered);
      case 'sending':
        return sendingView(t, started.maskedNumber, started.offer.channel);
      case 'locked':
        return flowEndedView(t, 'locked');
      case 'verified':
        return flowEndedView(t, 'already_verified');
    }
  };

  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { member, t, reference, flowId, input } = readSubmission(references, body, view, PHONE_INPUT);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView(t, 'unknown_flow') });
      return;
    }
    const started = await verification.startFlow.run(member, flowId, input);
    if (started.kind === 'repeated') {
      // A retry or double click: show where the flow is, never send a second SMS.
      await ack({ response_action: 'update', view: viewForRepeat(t, started, reference) });
      return;
    }
    if (started.kind !== 'started') {
      await ack({ response_action: 'errors', errors: { [PHONE_INPUT.blockId]: problemText(t, started) } });
      return;
    }
    await ack({ response_action: 'update', view: sendingView(t, started.maskedNumber, started.channel) });
    const modal = new OpenModal(client, logger, view.id, { ...member, flowId }, t);
    await modal.finish(async () => {
      const sent = await verification.sendCode.send(flowId, body.team?.domain ?? '', 'first', t, started.channel);
      if (sent.kind === 'sent')
        deliveries.watch(flowId, modal, { t, reference, maskedNumber: sent.maskedNumber, offer: sent.offer });
      return afterSendView(t, settings, reference, started.maskedNumber, sent);
    });
  };
}
