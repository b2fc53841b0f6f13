import type { types } from '@slack/bolt';
import { messageModal, text } from './blocks';

/** Shown at once when a number is accepted; replaced by the code step when the SMS is out. */
export function sendingView(maskedNumber: string): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: Sending a code to *${maskedNumber}*…`)]);
}

/** Shown at once when a code is submitted; replaced by the result after the provider lookup. */
export function checkingView(): types.ModalView {
  return messageModal([text(':hourglass_flowing_sand: Checking your code…')]);
}
