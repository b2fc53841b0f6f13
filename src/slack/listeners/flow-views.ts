import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { wait } from '../../messages/duration';
import type { ChannelOffer } from '../../verification/channels';
import type { SendResult } from '../../verification/send-code';
import type { VerificationSettings } from '../../verification/settings';
import { codeStepView } from '../views/code-step';
import { sendFailedView, sendUnrecordedView } from '../views/outcome';

/** The code step with this deployment's settings filled in. */
export function codeStepFor(
  t: Messages,
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  offer: ChannelOffer,
  notice?: string,
  delivery?: string,
): types.ModalView {
  return codeStepView(t, {
    flowReference,
    maskedNumber,
    codeLength: settings.codeLength,
    ttlSeconds: settings.codeTtlSeconds,
    resendCooldownSeconds: settings.resendCooldownSeconds,
    ...offer,
    ...(notice ? { notice } : {}),
    ...(delivery ? { delivery } : {}),
  });
}

/** What the modal shows once a send (first or resend) has an answer; a resend says that a new code is on its way. */
export function afterSendView(
  t: Messages,
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  sent: SendResult,
  resent = false,
): types.ModalView {
  switch (sent.kind) {
    case 'sent':
      return codeStepFor(
        t,
        settings,
        flowReference,
        sent.maskedNumber,
        sent.offer,
        resent ? newCodeNotice(t, sent.offer) : undefined,
      );
    case 'sent_unrecorded':
      return sendUnrecordedView(t, flowReference, sent.maskedNumber);
    case 'failed':
      return sendFailedView(t, flowReference, sent.maskedNumber, sent.reason, sent.callOffered);
    case 'gone':
      return sendFailedView(t, flowReference, maskedNumber, 'gone', false);
  }
}

/** What a resend's code step says above the input: a new code went out, by text or by a call. */
export function newCodeNotice(t: Messages, { channel }: ChannelOffer): string {
  return channel === 'voice'
    ? `:telephone_receiver: ${t.text('resend.called')}`
    : `:incoming_envelope: ${t.text('resend.sent')}`;
}

/** The same words for every budget, so a refusal never tells a member about anyone else's activity. */
export function rateLimitedText(t: Messages, retryAfterSeconds: number): string {
  return t.text('send.rate_limited', { retryAfter: wait(retryAfterSeconds) });
}
