import type { types } from '@slack/bolt';
import { message, type PlainMessageId } from '../../messages/catalog';
import type { FlowProblem } from '../../verification/flow-rules';
import type { TagResult } from '../../verification/ports';
import type { SendResult } from '../../verification/send-code';
import { buttons, CALL, messageModal, note, OTHER_NUMBER, RESEND, START_AGAIN, text } from './blocks';

export type SendFailure = Extract<SendResult, { kind: 'failed' }>['reason'] | 'gone';

const SEND_FAILURES: Record<SendFailure, PlainMessageId> = {
  rejected: 'send.rejected',
  unavailable: 'send.unavailable',
  unconfirmed: 'send.unconfirmed',
  gone: 'send.gone',
};

/** The send failed; the flow stays open for a resend or a call (it carries the flow reference). */
export function sendFailedView(
  flowReference: string,
  maskedNumber: string,
  failure: SendFailure,
  callOffered: boolean,
): types.ModalView {
  const call = callOffered ? [CALL] : [];
  const retry = failure === 'gone' ? buttons(START_AGAIN) : buttons(RESEND, ...call, OTHER_NUMBER);
  return messageModal(
    [text(`:x: *${message('send.failed', { maskedNumber })}*`), text(message(SEND_FAILURES[failure])), retry],
    flowReference,
  );
}

/** The SMS service took the message, but we could not record it: a code may arrive, so offer both ways on. */
export function sendUnrecordedView(flowReference: string, maskedNumber: string): types.ModalView {
  return messageModal(
    [text(`:warning: ${message('send.may_have_arrived', { maskedNumber })}`), buttons(RESEND, START_AGAIN)],
    flowReference,
  );
}

/** Something on our side failed after the ack, before anything was sent or judged. */
export function internalErrorView(): types.ModalView {
  return messageModal([
    text(`:x: *${message('error.internal')}*`),
    text(message('error.internal_next')),
    buttons(START_AGAIN),
  ]);
}

const FLOW_ENDINGS: Record<FlowProblem, PlainMessageId> = {
  unknown_flow: 'flow.unknown_flow',
  expired: 'flow.expired',
  locked: 'flow.locked',
  already_verified: 'flow.already_verified',
  not_sent: 'flow.not_sent',
  number_taken: 'number.taken',
};

/** The flow is over without success: say why and offer a fresh start. */
export function flowEndedView(problem: FlowProblem): types.ModalView {
  return messageModal([
    text(`:no_entry: *${message(FLOW_ENDINGS[problem])}*`),
    text(message('flow.start_again')),
    buttons(START_AGAIN),
  ]);
}

function badgeText(tag: TagResult): string {
  if (tag.kind === 'set') return message('badge.set');
  if (tag.kind === 'not_configured') return `:warning: ${message('badge.not_configured')}`;
  if (tag.transient) return message('badge.transient');
  return `:warning: ${message('badge.refused')}`;
}

export function verifiedView(maskedNumber: string, tag: TagResult): types.ModalView {
  return messageModal([
    text(`:white_check_mark: *${message('verified.title', { maskedNumber })}*`),
    text(badgeText(tag)),
    note(message('verified.close')),
  ]);
}
