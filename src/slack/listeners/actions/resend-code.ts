import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { message } from '../../../messages/catalog';
import { wait } from '../../../messages/duration';
import type { ListenerDependencies } from '../../dependencies';
import { flowEndedView, sendFailedView } from '../../views/outcome';
import { sendingView } from '../../views/progress';
import { codeStepFor, rateLimitedText } from '../flow-views';
import { memberOf } from '../member';
import { updateModal } from '../update-modal';

/** "Resend code": a new code for the same flow, after the cooldown and within the send budgets. */
export function resendCode({ verification, references }: ListenerDependencies) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (!body.view) return;
    const { id: viewId, private_metadata: reference } = body.view;
    const member = memberOf(body);
    const flowId = references.open(member, reference);
    if (!flowId) {
      await updateModal(client, logger, viewId, flowEndedView('unknown_flow'));
      return;
    }
    const { settings } = verification;
    const prepared = await verification.prepareResend(member, flowId);
    if (!prepared.ok) {
      if (prepared.reason !== 'cooldown' && prepared.reason !== 'rate_limited') {
        await updateModal(client, logger, viewId, flowEndedView(prepared.reason));
        return;
      }
      const notice =
        prepared.reason === 'cooldown'
          ? `:hourglass: ${message('resend.cooldown', { wait: wait(prepared.retryAfterSeconds) })}`
          : `:no_entry: ${rateLimitedText(prepared.retryAfterSeconds)}`;
      await updateModal(client, logger, viewId, codeStepFor(settings, reference, prepared.maskedNumber, notice));
      return;
    }
    await updateModal(client, logger, viewId, sendingView(prepared.maskedNumber));
    const sent = await verification.sendCode(flowId, body.team?.domain ?? '');
    const next = sent.ok
      ? codeStepFor(settings, reference, sent.maskedNumber, `:incoming_envelope: ${message('resend.sent')}`)
      : sendFailedView(reference, prepared.maskedNumber, sent.reason);
    await updateModal(client, logger, viewId, next);
  };
}
