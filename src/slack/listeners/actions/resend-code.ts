import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import type { Messages } from '../../../messages/catalog';
import { wait } from '../../../messages/duration';
import type { Channel } from '../../../verification/model';
import type { ResendStart } from '../../../verification/send-code';
import type { ListenerDependencies } from '../../dependencies';
import { flowEndedView } from '../../views/outcome';
import { sendingView } from '../../views/progress';
import { afterSendView, codeStepFor, newCodeNotice, rateLimitedText } from '../flow-views';
import { memberOf } from '../member';
import { OpenModal } from '../modal';
import { readModal } from '../modal-words';

/** "Resend code": a new code for the same flow, after the cooldown and within the send budgets. */
export function resendCode(deps: ListenerDependencies) {
  return newCode(deps, 'sms');
}

/** "Call me instead": a resend whose code is read out by a call, with the same cooldown and budgets. */
export function callCode(deps: ListenerDependencies) {
  return newCode(deps, 'voice');
}

function newCode(deps: ListenerDependencies, channel: Channel) {
  const { verification, references, settings, deliveries, logger } = deps;
  /** The view for a resend that cannot go ahead now. */
  const refusedView = (
    t: Messages,
    prepared: Exclude<ResendStart, { kind: 'ready' }>,
    reference: string,
  ): types.ModalView => {
    switch (prepared.kind) {
      case 'cooldown': {
        const notice = `:hourglass: ${t.text('resend.cooldown', { wait: wait(prepared.retryAfterSeconds) })}`;
        return codeStepFor(t, settings, reference, prepared.maskedNumber, prepared.offer, notice);
      }
      case 'rate_limited': {
        const notice = `:no_entry: ${rateLimitedText(t, prepared.retryAfterSeconds)}`;
        return codeStepFor(t, settings, reference, prepared.maskedNumber, prepared.offer, notice);
      }
      default:
        return flowEndedView(t, prepared.kind);
    }
  };

  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    // Only a stale or hand-made click asks for a call that this deployment does not make: nothing changes.
    if (!body.view || (channel === 'voice' && !settings.voiceEnabled)) return;
    const member = memberOf(body);
    const { t, reference } = await readModal(deps, client, member, body.view.private_metadata);
    const flowId = references.open(member, reference);
    const modal = new OpenModal(client, logger, body.view.id, { ...member, ...(flowId && { flowId }) }, t);
    await modal.finish(async () => {
      if (!flowId) return flowEndedView(t, 'unknown_flow');
      const prepared = await verification.sendCode.prepareResend(member, flowId, channel);
      if (prepared.kind !== 'ready') return refusedView(t, prepared, reference);
      await modal.show(sendingView(t, prepared.maskedNumber, prepared.channel));
      const sent = await verification.sendCode.send(flowId, body.team?.domain ?? '', 'resend', t, prepared.channel);
      if (sent.kind === 'sent') {
        const { maskedNumber, offer } = sent;
        deliveries.watch(flowId, modal, { t, reference, maskedNumber, offer, notice: newCodeNotice(t, offer) });
      }
      return afterSendView(t, settings, reference, prepared.maskedNumber, sent, true);
    });
  };
}
