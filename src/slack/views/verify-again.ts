import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import type { VerifyAgainReason } from '../../verification/ports';
import { ACTION } from '../ids';
import { buttons, text } from './blocks';

/** The direct message sent when a verification ended: why, and a button that opens the flow. */
export function verifyAgainMessage(
  t: Messages,
  reason: VerifyAgainReason,
): { text: string; blocks: types.KnownBlock[] } {
  const words = t.text(reason === 'revoked' ? 'dm.revoked' : 'dm.expired');
  return {
    text: words,
    blocks: [
      text(`:warning: ${words}`),
      buttons({ label: t.text('dm.verify_again'), actionId: ACTION.startVerification, primary: true }),
    ],
  };
}
