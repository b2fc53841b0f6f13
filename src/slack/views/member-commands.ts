import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import type { MemberStatus } from '../../verification/status-queries';
import { CALLBACK, COMMAND } from '../ids';
import { writeModalMetadata } from '../modal-metadata';
import { messageModal, text } from './blocks';
import { slackDate, TAG_NOTES } from './home';

/** `/verify-phone status`: verified or not, the masked number, since when, and the badge. */
export function statusText(t: Messages, status: MemberStatus | undefined): string {
  if (!status) return t.text('status.not_verified');
  const { maskedNumber, verifiedAt, profileTag } = status;
  const verified = t.text('status.verified', { maskedNumber, date: slackDate(verifiedAt) });
  return `:white_check_mark: ${verified}\n${t.text(TAG_NOTES[profileTag])}`;
}

/** `/verify-phone help`, and any subcommand it does not know (named first). */
export function helpText(t: Messages, unknown?: string): string {
  const lines = [
    `*${COMMAND}*: ${t.text('help.start')}`,
    `*${COMMAND} status*: ${t.text('help.status')}`,
    `*${COMMAND} remove*: ${t.text('help.remove')}`,
    `*${COMMAND} help*: ${t.text('help.help')}`,
  ];
  const intro = unknown === undefined ? [] : [t.text('help.unknown', { subcommand: unknown })];
  return [...intro, t.text('help.intro'), ...lines].join('\n');
}

/** Asks the member to confirm `/verify-phone remove`; the modal carries the locale to its submission. */
export function removeConfirmView(t: Messages, maskedNumber: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK.removeConfirm,
    private_metadata: writeModalMetadata(t.locale, ''),
    title: { type: 'plain_text', text: t.text('modal.title') },
    submit: { type: 'plain_text', text: t.text('remove.submit') },
    close: { type: 'plain_text', text: t.text('modal.cancel') },
    blocks: [text(t.text('remove.confirm', { maskedNumber }))],
  };
}

export function removedView(t: Messages, removed: boolean): types.ModalView {
  return messageModal(t, [text(removed ? `:wastebasket: ${t.text('remove.done')}` : t.text('remove.nothing'))]);
}
