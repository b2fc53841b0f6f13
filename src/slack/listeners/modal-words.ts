import type { webApi } from '@slack/bolt';
import { type Messages, messagesFor } from '../../messages/catalog';
import type { Member } from '../../verification/model';
import type { ListenerDependencies } from '../dependencies';
import { readModalMetadata } from '../modal-metadata';

/**
 * For a button inside a modal, after its ack: the flow reference the modal carries, and the words
 * of its locale, or the member's from Slack when the modal carries none.
 */
export async function readModal(
  { locales }: ListenerDependencies,
  client: webApi.WebClient,
  member: Member,
  privateMetadata: string,
): Promise<{ readonly t: Messages; readonly reference: string }> {
  const { locale, reference } = readModalMetadata(privateMetadata);
  return { t: locale ? messagesFor(locale) : await locales.messagesOf(client, member), reference };
}
