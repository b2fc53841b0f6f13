import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from '@slack/bolt';
import { message, type PlainMessageId } from '../../../messages/catalog';
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
  const problemText = (refusal: Refusal): string => {
    if (refusal.kind === 'rate_limited') return rateLimitedText(refusal.retryAfterSeconds);
    if (refusal.kind === 'country_not_allowed') {
      return message('phone.country_not_allowed', { countries: settings.allowedCountries });
    }
    return message(PROBLEMS[refusal.kind]);
  };

  /** What the modal should show for a submission that repeats one already handled. */
  const viewForRepeat = (started: Extract<StartResult, { kind: 'repeated' }>, reference: string): types.ModalView => {
    switch (started.status) {
      case 'pending':
        return codeStepFor(settings, reference, started.maskedNumber, started.offer);
      case 'send_failed':
        return sendFailedView(reference, started.maskedNumber, 'unavailable', started.offer.callOffered);
      case 'sending':
        return sendingView(started.maskedNumber, started.offer.channel);
      case 'locked':
        return flowEndedView('locked');
      case 'verified':
        return flowEndedView('already_verified');
    }
  };

  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { member, reference, flowId, input } = readSubmission(references, body, view, PHONE_INPUT);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView('unknown_flow') });
      return;
    }
    const started = await verification.startFlow.run(member, flowId, input);
    if (started.kind === 'repeated') {
      // A retry or double click: show where the flow is, never send a second SMS.
      await ack({ response_action: 'update', view: viewForRepeat(started, reference) });
      return;
    }
    if (started.kind !== 'started') {
      await ack({ response_action: 'errors', errors: { [PHONE_INPUT.blockId]: problemText(started) } });
      return;
    }
    await ack({ response_action: 'update', view: sendingView(started.maskedNumber, started.channel) });
    const modal = new OpenModal(client, logger, view.id, { ...member, flowId });
    await modal.finish(async () => {
      const sent = await verification.sendCode.send(flowId, body.team?.domain ?? '', 'first', started.channel);
      if (sent.kind === 'sent')
        deliveries.watch(flowId, modal, { reference, maskedNumber: sent.maskedNumber, offer: sent.offer });
      return afterSendView(settings, reference, started.maskedNumber, sent);
    });
  };
}
