import type { types } from '@slack/bolt';
import { message } from '../../../messages/catalog';
import { text } from '../blocks';

export interface AdminModalSpec {
  readonly title: string;
  readonly blocks: types.KnownBlock[];
  /** With a submit button: the callback it reaches, its label and what the listener is handed. */
  readonly form?: { readonly callbackId: string; readonly submit: string; readonly privateMetadata?: string };
}

/** A console modal: a form with Cancel, or (without `form`) a message with Close. */
export function adminModal({ title, blocks, form }: AdminModalSpec): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: message(form ? 'modal.cancel' : 'modal.close') },
    blocks,
    ...(form && {
      callback_id: form.callbackId,
      submit: { type: 'plain_text', text: form.submit },
      private_metadata: form.privateMetadata ?? '',
    }),
  };
}

/** A message in a console modal: progress, or the outcome. */
export function adminNotice(title: string, markdown: string): types.ModalView {
  return adminModal({ title, blocks: [text(markdown)] });
}
