import type { types } from '@slack/bolt';
import type { FlowProblem } from '../../verification/flow-rules';
import type { TagResult } from '../../verification/ports';
import type { SendResult } from '../../verification/send-code';
import { buttons, messageModal, note, OTHER_NUMBER, RESEND, START_AGAIN, text } from './blocks';

export type SendFailure = Extract<SendResult, { kind: 'failed' }>['reason'] | 'gone';

const SEND_FAILURES: Record<SendFailure, string> = {
  rejected: "The SMS service refused to send to this number. Check that it's a mobile number that can receive texts.",
  unavailable: "The SMS service isn't answering right now. Nothing was sent. Try again in a few minutes.",
  unconfirmed:
    "We couldn't confirm that the SMS was sent. If no code arrives within a minute, use *Resend code*: any earlier code stops working.",
  gone: 'This verification has already moved on. Start again if you still need a code.',
};

/** The send failed; the flow stays open for a resend (it carries the flow reference). */
export function sendFailedView(flowReference: string, maskedNumber: string, failure: SendFailure): types.ModalView {
  const retry = failure === 'gone' ? buttons(START_AGAIN) : buttons(RESEND, OTHER_NUMBER);
  return messageModal(
    [text(`:x: *We couldn't send a code to ${maskedNumber}.*`), text(SEND_FAILURES[failure]), retry],
    flowReference,
  );
}

/** The SMS service took the message, but we could not record it: a code may arrive, so offer both ways on. */
export function sendUnrecordedView(flowReference: string, maskedNumber: string): types.ModalView {
  return messageModal(
    [
      text(
        `:warning: The SMS service accepted the message, so a code may arrive at *${maskedNumber}*, but we couldn't finish on our side.`,
      ),
      text('If no code arrives within a minute, use *Resend code*, or start again.'),
      buttons(RESEND, START_AGAIN),
    ],
    flowReference,
  );
}

/** Something on our side failed after the ack, before anything was sent or judged. */
export function internalErrorView(): types.ModalView {
  return messageModal([
    text(":x: *Something went wrong on our side, and this step didn't finish.*"),
    text('Start again in a minute. If it keeps happening, tell a workspace admin.'),
    buttons(START_AGAIN),
  ]);
}

const FLOW_ENDINGS: Record<FlowProblem, string> = {
  unknown_flow: "This verification isn't yours or is no longer valid.",
  expired: 'This code has expired.',
  locked: 'Too many wrong codes: this code no longer works.',
  already_verified: 'This code has already been used.',
  not_sent: "This code was never sent, so it can't be checked.",
  number_taken: "This number can't be verified for your account. If it's yours, ask a workspace admin.",
};

/** The flow is over without success: say why and offer a fresh start. */
export function flowEndedView(problem: FlowProblem): types.ModalView {
  return messageModal([
    text(`:no_entry: *${FLOW_ENDINGS[problem]}*`),
    text('Start again to get a new code.'),
    buttons(START_AGAIN),
  ]);
}

function badgeText(tag: TagResult): string {
  if (tag.kind === 'set') return 'Your Slack profile now shows that your phone is verified.';
  if (tag.kind === 'not_configured') {
    return ":warning: Your verification is recorded, but this workspace hasn't set up the *Phone verified* profile field, so no badge was added. Your workspace admin has been told.";
  }
  if (tag.transient) return 'Slack is busy right now: the *Phone verified* badge will appear on your profile shortly.';
  return ":warning: Your verification is recorded, but Slack didn't accept the profile update, so no badge was added. Your workspace admin has been told.";
}

export function verifiedView(maskedNumber: string, tag: TagResult): types.ModalView {
  return messageModal([
    text(`:white_check_mark: *${maskedNumber} is verified.*`),
    text(badgeText(tag)),
    note('You can close this window.'),
  ]);
}
