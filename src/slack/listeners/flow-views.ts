import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { wait } from '../../messages/duration';
import type { SendResult } from '../../verification/send-code';
import type { VerificationSettings } from '../../verification/settings';
import { codeStepView } from '../views/code-step';
import { sendFailedView, sendUnrecordedView } from '../views/outcome';

/** The code step with this deployment's settings filled in. */
export function codeStepFor(
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  notice?: string,
  delivery?: string,
): types.ModalView {
  return codeStepView({
    flowReference,
    maskedNumber,
    codeLength: settings.codeLength,
    ttlSeconds: settings.codeTtlSeconds,
    resendCooldownSeconds: settings.resendCooldownSeconds,
    ...(notice ? { notice } : {}),
    ...(delivery ? { delivery } : {}),
  });
}

/** What the modal shows once a send (first or resend) has an answer. */
export function afterSendView(
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  sent: SendResult,
  notice?: string,
): types.ModalView {
  switch (sent.kind) {
    case 'sent':
      return codeStepFor(settings, flowReference, sent.maskedNumber, notice);
    case 'sent_unrecorded':
      return sendUnrecordedView(flowReference, sent.maskedNumber);
    case 'failed':
      return sendFailedView(flowReference, sent.maskedNumber, sent.reason);
    case 'gone':
      return sendFailedView(flowReference, maskedNumber, 'gone');
  }
}

/** The same words for every budget, so a refusal never tells a member about anyone else's activity. */
export function rateLimitedText(retryAfterSeconds: number): string {
  return message('send.rate_limited', { retryAfter: wait(retryAfterSeconds) });
}
