import type { types } from '@slack/bolt';
import type { Messages, PlainMessageId } from '../../messages/catalog';
import type { VerifyAgainReason } from '../../verification/ports';
import { ACTION } from '../ids';
import { buttons, text } from './blocks';

const DM_TEXTS: Record<VerifyAgainReason, PlainMessageId> = {
  revoked: 'dm.revoked',
  revoked_by_admin: 'dm.revoked_by_admin',
  expired: 'dm.expired',
};

/** The direct message sent when a verification ended: why, and a button that opens the flow. */
export function verifyAgainMessage(
  t: Messages,
  reason: VerifyAgainReason,
): { text: string; blocks: types.KnownBlock[] } {
  const words = t.text(DM_TEXTS[reason]);
  return {
    text: words,
    blocks: [
      text(`:warning: ${words}`),
      buttons({ label: t.text('dm.verify_again'), actionId: ACTION.startVerification, primary: true }),
    ],
  };
}
