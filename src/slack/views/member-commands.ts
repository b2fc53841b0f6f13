import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import type { MemberStatus } from '../../verification/status-queries';
import { CALLBACK, COMMAND } from '../ids';
import { MODAL_TITLE, messageModal, text } from './blocks';
import { slackDate, TAG_NOTES } from './home';

/** `/verify-phone status`: verified or not, the masked number, since when, and the badge. */
export function statusText(status: MemberStatus | undefined): string {
  if (!status) return message('status.not_verified');
  const { maskedNumber, verifiedAt, profileTag } = status;
  const verified = message('status.verified', { maskedNumber, date: slackDate(verifiedAt) });
  return `:white_check_mark: ${verified}\n${message(TAG_NOTES[profileTag])}`;
}

/** `/verify-phone help`, and any subcommand it does not know (named first). */
export function helpText(unknown?: string): string {
  const lines = [
    `*${COMMAND}*: ${message('help.start')}`,
    `*${COMMAND} status*: ${message('help.status')}`,
    `*${COMMAND} remove*: ${message('help.remove')}`,
    `*${COMMAND} help*: ${message('help.help')}`,
  ];
  const intro = unknown === undefined ? [] : [message('help.unknown', { subcommand: unknown })];
  return [...intro, message('help.intro'), ...lines].join('\n');
}

/** Asks the member to confirm `/verify-phone remove`. */
export function removeConfirmView(maskedNumber: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK.removeConfirm,
    title: { type: 'plain_text', text: MODAL_TITLE },
    submit: { type: 'plain_text', text: message('remove.submit') },
    close: { type: 'plain_text', text: message('modal.cancel') },
    blocks: [text(message('remove.confirm', { maskedNumber }))],
  };
}

export function removedView(removed: boolean): types.ModalView {
  return messageModal([text(removed ? `:wastebasket: ${message('remove.done')}` : message('remove.nothing'))]);
}
