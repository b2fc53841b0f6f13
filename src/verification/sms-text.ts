import type { Messages } from '../messages/catalog';
import { lifetime } from '../messages/duration';

/**
 * The SMS a member receives. The code must be the only run of digits in it, so phones can offer
 * it for autofill and nothing else in the text can be mistaken for it: a workspace name with
 * digits is left out, and the lifetime has at most two digits. In the member's language `t`.
 */
export function verificationSmsText(t: Messages, code: string, workspaceName: string, ttlSeconds: number): string {
  return t.text('sms.code', { code, workspace: shownWorkspace(workspaceName), expiresIn: lifetime(ttlSeconds) });
}

/**
 * What a call reads out (MessageMedia TTS): the digits one by one, twice. No other digit comes before
 * the code, so a listener never writes down the wrong ones: as in the SMS, a name with digits is left out.
 * In the member's language `t`, like the SMS.
 */
export function verificationCallText(t: Messages, code: string, workspaceName: string, ttlSeconds: number): string {
  return t.text('voice.code', {
    digits: [...code],
    workspace: shownWorkspace(workspaceName),
    expiresIn: lifetime(ttlSeconds),
  });
}

function shownWorkspace(workspaceName: string): string | undefined {
  const name = workspaceName.trim();
  return /\d/.test(name) || name === '' ? undefined : name;
}
