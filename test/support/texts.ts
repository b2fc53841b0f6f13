import { type Messages, messagesFor } from '../../src/messages/catalog';
import { lifetime } from '../../src/messages/duration';
import { maskPhoneNumber } from '../../src/verification/phone-number';

/** English: what a member reads whose Slack locale we have no catalog for, and the emulator's default (`en-US`). */
export const english = messagesFor('en');
export const message = english.text;

// Catalog texts that name the member's number, rendered as the app renders them for `e164`.

type NumberMessageId = 'progress.sending' | 'send.failed' | 'verified.title';

/** A catalog text whose one parameter is the masked number. */
export function withNumber(id: NumberMessageId, e164: string, t: Messages = english): string {
  return t.text(id, { maskedNumber: maskPhoneNumber(e164) });
}

/** The code step's first line, with the default settings: 6 digits, a 10-minute lifetime. */
export function codeStepPrompt(e164: string, t: Messages = english): string {
  return t.text('code.prompt', { codeLength: 6, maskedNumber: maskPhoneNumber(e164), expiresIn: lifetime(600) });
}
