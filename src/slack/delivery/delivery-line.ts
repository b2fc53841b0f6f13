import type { Messages, PlainMessageId } from '../../messages/catalog';
import type { FinalDelivery, UndeliveredReason } from '../../verification/delivery-state';

const REASONS: Record<UndeliveredReason, PlainMessageId> = {
  expired: 'delivery.reason.expired',
  blocked: 'delivery.reason.blocked',
  duplicate: 'delivery.reason.duplicate',
  no_route: 'delivery.reason.no_route',
  account: 'delivery.reason.account',
  refused: 'delivery.reason.refused',
  failed: 'delivery.reason.failed',
};

/** The code step's line on whether the SMS arrived, in the words `t` of the step it joins. */
export function deliveryLine(t: Messages, state: FinalDelivery, maskedNumber: string): string {
  if (state.kind === 'delivered') return `:white_check_mark: ${t.text('delivery.delivered', { maskedNumber })}`;
  return `:warning: ${t.text('delivery.not_delivered', { reason: t.text(REASONS[state.reason]) })}`;
}
