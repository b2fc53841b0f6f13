import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import type { Channel } from '../../verification/model';
import { messageModal, text } from './blocks';

/** Shown at once when a number is accepted; replaced by the code step when the SMS (or call) is out. */
export function sendingView(t: Messages, maskedNumber: string, channel: Channel = 'sms'): types.ModalView {
  const progress = t.text(channel === 'voice' ? 'progress.calling' : 'progress.sending', { maskedNumber });
  return messageModal(t, [text(`:hourglass_flowing_sand: ${progress}`)]);
}

/** Shown at once when a code is submitted; replaced by the result after the provider lookup. */
export function checkingView(t: Messages): types.ModalView {
  return messageModal(t, [text(`:hourglass_flowing_sand: ${t.text('progress.checking')}`)]);
}

/** Shown at once when a removal is confirmed; replaced when the record is gone and the badge cleared. */
export function removingView(t: Messages): types.ModalView {
  return messageModal(t, [text(`:hourglass_flowing_sand: ${t.text('remove.removing')}`)]);
}
