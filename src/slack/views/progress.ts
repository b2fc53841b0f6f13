import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { messageModal, text } from './blocks';

/** Shown at once when a number is accepted; replaced by the code step when the SMS is out. */
export function sendingView(t: Messages, maskedNumber: string): types.ModalView {
  return messageModal(t, [text(`:hourglass_flowing_sand: ${t.text('progress.sending', { maskedNumber })}`)]);
}

/** Shown at once when a code is submitted; replaced by the result after the provider lookup. */
export function checkingView(t: Messages): types.ModalView {
  return messageModal(t, [text(`:hourglass_flowing_sand: ${t.text('progress.checking')}`)]);
}
