import type { ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { type Messages, messagesFor } from '../../messages/catalog';
import type { FlowReferences } from '../../verification/flow-reference';
import type { Member } from '../../verification/model';
import { readModalMetadata } from '../modal-metadata';
import { memberOf } from './member';

export interface Submission {
  readonly member: Member;
  /** The words of the locale the modal carries (English if none): never a lookup before the ack. */
  readonly t: Messages;
  /** The opaque reference the modal carried; reused in the next view of the same flow. */
  readonly reference: string;
  /** undefined when the reference was not issued to this member by us. */
  readonly flowId: string | undefined;
  /** What the member typed in the step's one input. */
  readonly input: string;
}

/** Who submitted, for which flow, and what they typed: the start of every step's handler. */
export function readSubmission(
  references: FlowReferences,
  body: ViewSubmitAction,
  view: ViewOutput,
  field: { readonly blockId: string; readonly actionId: string },
): Submission {
  const member = memberOf(body);
  const { locale, reference } = readModalMetadata(view.private_metadata);
  return {
    member,
    t: messagesFor(locale),
    reference,
    flowId: references.open(member, reference),
    input: view.state.values[field.blockId]?.[field.actionId]?.value ?? '',
  };
}
