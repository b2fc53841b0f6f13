import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { wait } from '../../messages/duration';
import type { VerificationSettings } from '../../verification/verification-service';
import { codeStepView } from '../views/code-step';

/** The code step with this deployment's settings filled in. */
export function codeStepFor(
  settings: VerificationSettings,
  flowReference: string,
  maskedNumber: string,
  notice?: string,
): types.ModalView {
  return codeStepView({
    flowReference,
    maskedNumber,
    codeLength: settings.codeLength,
    ttlSeconds: settings.codeTtlSeconds,
    resendCooldownSeconds: settings.resendCooldownSeconds,
    ...(notice ? { notice } : {}),
  });
}

/** The same words for every budget, so a refusal never tells a member about anyone else's activity. */
export function rateLimitedText(retryAfterSeconds: number): string {
  return message('send.rate_limited', { retryAfter: wait(retryAfterSeconds) });
}
