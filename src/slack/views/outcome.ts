import type { types } from '@slack/bolt';
import type { Messages, PlainMessageId } from '../../messages/catalog';
import type { FlowProblem } from '../../verification/flow-rules';
import type { TagResult } from '../../verification/ports';
import type { SendResult } from '../../verification/send-code';
import { buttons, call, messageModal, note, otherNumber, resend, startAgain, text } from './blocks';

export type SendFailure = Extract<SendResult, { kind: 'failed' }>['reason'] | 'gone';

const SEND_FAILURES: Record<SendFailure, PlainMessageId> = {
  rejected: 'send.rejected',
  unavailable: 'send.unavailable',
  unconfirmed: 'send.unconfirmed',
  gone: 'send.gone',
};

/** The send failed; the flow stays open for a resend or a call (it carries the flow reference). */
export function sendFailedView(
  t: Messages,
  flowReference: string,
  maskedNumber: string,
  failure: SendFailure,
  callOffered: boolean,
): types.ModalView {
  const calls = callOffered ? [call(t)] : [];
  const retry = failure === 'gone' ? buttons(startAgain(t)) : buttons(resend(t), ...calls, otherNumber(t));
  return messageModal(
    t,
    [text(`:x: *${t.text('send.failed', { maskedNumber })}*`), text(t.text(SEND_FAILURES[failure])), retry],
    flowReference,
  );
}

/** The SMS service took the message, but we could not record it: a code may arrive, so offer both ways on. */
export function sendUnrecordedView(t: Messages, flowReference: string, maskedNumber: string): types.ModalView {
  return messageModal(
    t,
    [text(`:warning: ${t.text('send.may_have_arrived', { maskedNumber })}`), buttons(resend(t), startAgain(t))],
    flowReference,
  );
}

/** Something on our side failed after the ack, before anything was sent or judged. */
export function internalErrorView(t: Messages): types.ModalView {
  return messageModal(t, [
    text(`:x: *${t.text('error.internal')}*`),
    text(t.text('error.internal_next')),
    buttons(startAgain(t)),
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
export function flowEndedView(t: Messages, problem: FlowProblem): types.ModalView {
  return messageModal(t, [
    text(`:no_entry: *${t.text(FLOW_ENDINGS[problem])}*`),
    text(t.text('flow.start_again')),
    buttons(startAgain(t)),
  ]);
}

function badgeText(t: Messages, tag: TagResult): string {
  if (tag.kind === 'set') return t.text('badge.set');
  if (tag.kind === 'not_configured') return `:warning: ${t.text('badge.not_configured')}`;
  if (tag.transient) return t.text('badge.transient');
  return `:warning: ${t.text('badge.refused')}`;
}

export function verifiedView(t: Messages, maskedNumber: string, tag: TagResult): types.ModalView {
  return messageModal(t, [
    text(`:white_check_mark: *${t.text('verified.title', { maskedNumber })}*`),
    text(badgeText(t, tag)),
    note(t.text('verified.close')),
  ]);
}
