import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { wait } from '../../messages/duration';
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
  notice?: string,
): types.ModalView {
  return codeStepView(t, {
    flowReference,
    maskedNumber,
    codeLength: settings.codeLength,
    ttlSeconds: settings.codeTtlSeconds,
    resendCooldownSeconds: settings.resendCooldownSeconds,
    ...(notice ? { notice } : {}),
  });
}

/** What the modal shows once a send (first or resend) has an answer. */
export function afterSendView(
  t: Messages,
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  sent: SendResult,
  notice?: string,
): types.ModalView {
  switch (sent.kind) {
    case 'sent':
      return codeStepFor(t, settings, flowReference, sent.maskedNumber, notice);
    case 'sent_unrecorded':
      return sendUnrecordedView(t, flowReference, sent.maskedNumber);
    case 'failed':
      return sendFailedView(t, flowReference, sent.maskedNumber, sent.reason);
    case 'gone':
      return sendFailedView(t, flowReference, maskedNumber, 'gone');
  }
}

/** The same words for every budget, so a refusal never tells a member about anyone else's activity. */
export function rateLimitedText(t: Messages, retryAfterSeconds: number): string {
  return t.text('send.rate_limited', { retryAfter: wait(retryAfterSeconds) });
}
