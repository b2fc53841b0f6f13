import type { BlockAction, SlackViewAction, ViewOutput } from '@slack/bolt';
import type { AdminAction } from '../../../admin/admin-guard';
import { type Messages, messagesFor } from '../../../messages/catalog';
import type { Member } from '../../../verification/model';
import type { ListenerDependencies } from '../../dependencies';
import { readModalMetadata } from '../../modal-metadata';
import { memberOf } from '../member';

/** The member behind an admin action, if they are an admin now; a refusal is audited by the guard. */
export async function adminBehind(
  { admin }: ListenerDependencies,
  body: BlockAction | SlackViewAction,
  action: AdminAction,
): Promise<Member | undefined> {
  const member = memberOf(body);
  return (await admin.guard.allows(member, action)) ? member : undefined;
}

/**
 * A console modal's submission: the words of the locale the modal carries (English if none, never a
 * lookup before the ack) and what the modal hands the listener.
 */
export function readAdminModal(view: ViewOutput): { readonly t: Messages; readonly reference: string } {
  const { locale, reference } = readModalMetadata(view.private_metadata);
  return { t: messagesFor(locale), reference };
}
