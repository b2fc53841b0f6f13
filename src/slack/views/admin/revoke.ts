import type { types } from '@slack/bolt';
import { message } from '../../../messages/catalog';
import { text } from '../blocks';
import { ADMIN_CALLBACK, ADMIN_INPUT } from './ids';
import { adminModal, adminNotice } from './modal';

const TITLE = () => message('admin.revoke.title');

/** "Revoke a member…": pick the member. */
export function revokePickView(): types.ModalView {
  const { blockId, actionId } = ADMIN_INPUT.revokeMember;
  return adminModal({
    title: TITLE(),
    form: { callbackId: ADMIN_CALLBACK.revokePick, submit: message('admin.revoke.next') },
    blocks: [
      {
        type: 'input',
        block_id: blockId,
        label: { type: 'plain_text', text: message('admin.revoke.pick_label') },
        element: { type: 'users_select', action_id: actionId },
      },
    ],
  });
}

/** The confirmation, naming the member and their masked number; the member's id rides along. */
export function revokeConfirmView(userId: string, maskedNumber: string | undefined): types.ModalView {
  if (maskedNumber === undefined) return adminNotice(TITLE(), message('admin.revoke.not_verified', { userId }));
  return adminModal({
    title: TITLE(),
    form: { callbackId: ADMIN_CALLBACK.revokeConfirm, submit: message('admin.revoke.submit'), privateMetadata: userId },
    blocks: [text(message('admin.revoke.confirm', { userId, maskedNumber }))],
  });
}

export function revokingView(): types.ModalView {
  return adminNotice(TITLE(), `:hourglass_flowing_sand: ${message('admin.revoke.working')}`);
}

/** After the revocation; a record that ended meanwhile reads as not verified. */
export function revokedView(userId: string, revoked: boolean): types.ModalView {
  const words = revoked ? message('admin.revoke.done', { userId }) : message('admin.revoke.not_verified', { userId });
  return adminNotice(TITLE(), words);
}
