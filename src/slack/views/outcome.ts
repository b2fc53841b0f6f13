import type { types } from '@slack/bolt';
import type { FlowProblem } from '../../verification/verification-service';
import { messageModal, note, startButton, text } from './blocks';

export type SendFailure = 'rejected' | 'unavailable' | 'unconfirmed' | 'gone';

const SEND_FAILURES: Record<SendFailure, string> = {
  rejected: "The SMS service refused to send to this number. Check that it's a mobile number that can receive texts.",
  unavailable: "The SMS service isn't answering right now. Nothing was sent. Please try again in a few minutes.",
  unconfirmed: "We couldn't confirm that the SMS was sent. If it doesn't arrive within a minute, start again.",
  gone: 'This verification has already moved on. Start again if you still need a code.',
};

export function sendFailedView(maskedNumber: string, failure: SendFailure): types.ModalView {
  return messageModal([
    text(`:x: *We couldn't send a code to ${maskedNumber}.*`),
    text(SEND_FAILURES[failure]),
    startButton('Start again'),
  ]);
}

const FLOW_ENDINGS: Record<FlowProblem, string> = {
  unknown_flow: "This verification isn't yours or is no longer valid.",
  expired: 'This code has expired.',
  locked: 'Too many wrong codes: this code no longer works.',
  already_verified: 'This code has already been used.',
  not_sent: "This code was never sent, so it can't be checked.",
};

/** The flow is over without success: say why and offer a fresh start. */
export function flowEndedView(problem: FlowProblem): types.ModalView {
  return messageModal([
    text(`:no_entry: *${FLOW_ENDINGS[problem]}*`),
    text('Start again to get a new code.'),
    startButton('Start again'),
  ]);
}

export interface VerifiedViewOptions {
  readonly maskedNumber: string;
  /** undefined when the badge was set; otherwise a member-facing reason. */
  readonly tagProblem: string | undefined;
}

export function verifiedView({ maskedNumber, tagProblem }: VerifiedViewOptions): types.ModalView {
  const badge = tagProblem
    ? `:warning: Your verification is recorded, but we couldn't mark your Slack profile: ${tagProblem} Your workspace admin has been told.`
    : 'Your Slack profile now shows that your phone is verified.';
  return messageModal([
    text(`:white_check_mark: *${maskedNumber} is verified.*`),
    text(badge),
    note('You can close this window.'),
  ]);
}
