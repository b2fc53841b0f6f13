import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { messageModal, text } from './blocks';

/** Shown at once when a number is accepted; replaced by the code step when the SMS is out. */
export function sendingView(maskedNumber: string): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: ${message('progress.sending', { maskedNumber })}`)]);
}

/** Shown at once when a code is submitted; replaced by the result after the provider lookup. */
export function checkingView(): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: ${message('progress.checking')}`)]);
}

/** Shown at once when a removal is confirmed; replaced when the record is gone and the badge cleared. */
export function removingView(): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: ${message('remove.removing')}`)]);
}
