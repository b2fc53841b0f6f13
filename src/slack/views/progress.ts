import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import type { Channel } from '../../verification/model';
import { messageModal, text } from './blocks';

/** Shown at once when a number is accepted; replaced by the code step when the SMS (or call) is out. */
export function sendingView(maskedNumber: string, channel: Channel = 'sms'): types.ModalView {
  const progress = message(channel === 'voice' ? 'progress.calling' : 'progress.sending', { maskedNumber });
  return messageModal([text(`:hourglass_flowing_sand: ${progress}`)]);
}

/** Shown at once when a code is submitted; replaced by the result after the provider lookup. */
export function checkingView(): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: ${message('progress.checking')}`)]);
}

/** Shown at once when a removal is confirmed; replaced when the record is gone and the badge cleared. */
export function removingView(): types.ModalView {
  return messageModal([text(`:hourglass_flowing_sand: ${message('remove.removing')}`)]);
}
