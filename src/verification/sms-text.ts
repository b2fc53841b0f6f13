import type { Messages } from '../messages/catalog';
import { lifetime } from '../messages/duration';

/**
 * The SMS a member receives. The code must be the only run of digits in it, so phones can offer
 * it for autofill and nothing else in the text can be mistaken for it: a workspace name with
 * digits is left out, and the lifetime has at most two digits. In the member's language `t`.
 */
export function verificationSmsText(t: Messages, code: string, workspaceName: string, ttlSeconds: number): string {
  const name = workspaceName.trim();
  const workspace = /\d/.test(name) || name === '' ? undefined : name;
  return t.text('sms.code', { code, workspace, expiresIn: lifetime(ttlSeconds) });
}
