import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { PhoneNumberProblem } from '../../../verification/phone-number';
import type { ListenerDependencies } from '../../dependencies';
import { PHONE_INPUT } from '../../ids';
import { codeStepView } from '../../views/code-step';
import { flowEndedView, sendFailedView } from '../../views/outcome';
import { sendingView } from '../../views/progress';
import { memberOf } from '../member';

const PROBLEMS: Record<PhoneNumberProblem | 'flow_taken', string> = {
  empty: 'Enter your mobile number.',
  too_long: "That's too long to be a phone number.",
  unparseable: "That doesn't look like a phone number. Include the country code, e.g. +61 491 570 156.",
  invalid: "That isn't a valid phone number. Check the digits and the country code.",
  not_mobile: 'That looks like a landline. Enter a mobile number that can receive texts.',
  costly: "We can't send codes to premium-rate, toll-free, shared-cost or pager numbers. Enter your mobile number.",
  flow_taken: 'This form has expired. Close it and run /verify-phone again.',
};

/**
 * Number submitted: validate and record locally, ack with a "Sending…" view, and only then
 * call the SMS provider, whose answer arrives by `views.update`.
 */
export function phoneSubmitted({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, view, client, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const member = memberOf(body);
    const flowId = references.open(member, view.private_metadata);
    if (!flowId) {
      await ack({ response_action: 'update', view: flowEndedView('unknown_flow') });
      return;
    }
    const input = view.state.values[PHONE_INPUT.blockId]?.[PHONE_INPUT.actionId]?.value ?? '';
    const started = await verification.start(member, flowId, input);
    if (!started.ok) {
      await ack({ response_action: 'errors', errors: { [PHONE_INPUT.blockId]: PROBLEMS[started.problem] } });
      return;
    }
    await ack({ response_action: 'update', view: sendingView(started.maskedNumber) });
    if (!started.needsSending) return; // a repeated submission: the first one is sending

    const sent = await verification.sendCode(flowId, body.team?.domain ?? '');
    const next = sent.ok
      ? codeStepView({
          flowReference: view.private_metadata,
          maskedNumber: started.maskedNumber,
          codeLength: verification.settings.codeLength,
          ttlSeconds: verification.settings.codeTtlSeconds,
        })
      : sendFailedView(started.maskedNumber, sent.reason);
    try {
      await client.views.update({ view_id: view.id, view: next });
    } catch (error) {
      logger.warn('views.update after sending failed (the member may have closed the modal)', error);
    }
  };
}
