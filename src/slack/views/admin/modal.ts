import type { types } from '@slack/bolt';
import type { Messages } from '../../../messages/catalog';
import { writeModalMetadata } from '../../modal-metadata';
import { text } from '../blocks';

export interface AdminModalSpec {
  readonly title: string;
  readonly blocks: types.KnownBlock[];
  /** With a submit button: the callback it reaches, its label and what the listener is handed. */
  readonly form?: { readonly callbackId: string; readonly submit: string; readonly privateMetadata?: string };
}

/**
 * A console modal: a form with Cancel, or (without `form`) a message with Close. Its metadata is
 * `<locale>|<what the listener is handed>`, so a submission is answered in the admin's language.
 */
export function adminModal(t: Messages, { title, blocks, form }: AdminModalSpec): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: t.text(form ? 'modal.cancel' : 'modal.close') },
    blocks,
    private_metadata: writeModalMetadata(t.locale, form?.privateMetadata ?? ''),
    ...(form && {
      callback_id: form.callbackId,
      submit: { type: 'plain_text', text: form.submit },
    }),
  };
}

/** A message in a console modal: progress, or the outcome. */
export function adminNotice(t: Messages, title: string, markdown: string): types.ModalView {
  return adminModal(t, { title, blocks: [text(markdown)] });
}
