import type { types } from '@slack/bolt';
import type { Messages } from '../../../messages/catalog';
import { text } from '../blocks';
import { ADMIN_CALLBACK, ADMIN_INPUT } from './ids';
import { adminModal, adminNotice } from './modal';

const title = (t: Messages) => t.text('admin.revoke.title');

/** "Revoke a member…": pick the member. */
export function revokePickView(t: Messages): types.ModalView {
  const { blockId, actionId } = ADMIN_INPUT.revokeMember;
  return adminModal(t, {
    title: title(t),
    form: { callbackId: ADMIN_CALLBACK.revokePick, submit: t.text('admin.revoke.next') },
    blocks: [
      {
        type: 'input',
        block_id: blockId,
        label: { type: 'plain_text', text: t.text('admin.revoke.pick_label') },
        element: { type: 'users_select', action_id: actionId },
      },
    ],
  });
}

/** The confirmation, naming the member and their masked number; the member's id rides along. */
export function revokeConfirmView(t: Messages, userId: string, maskedNumber: string | undefined): types.ModalView {
  if (maskedNumber === undefined) return adminNotice(t, title(t), t.text('admin.revoke.not_verified', { userId }));
  return adminModal(t, {
    title: title(t),
    form: { callbackId: ADMIN_CALLBACK.revokeConfirm, submit: t.text('admin.revoke.submit'), privateMetadata: userId },
    blocks: [text(t.text('admin.revoke.confirm', { userId, maskedNumber }))],
  });
}

export function revokingView(t: Messages): types.ModalView {
  return adminNotice(t, title(t), `:hourglass_flowing_sand: ${t.text('admin.revoke.working')}`);
}

/** After the revocation; a record that ended meanwhile reads as not verified. */
export function revokedView(t: Messages, userId: string, revoked: boolean): types.ModalView {
  const words = revoked ? t.text('admin.revoke.done', { userId }) : t.text('admin.revoke.not_verified', { userId });
  return adminNotice(t, title(t), words);
}
