import { message, type PlainMessageId } from '../../messages/catalog';
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

/** The code step's line on whether the SMS arrived. */
export function deliveryLine(state: FinalDelivery, maskedNumber: string): string {
  if (state.kind === 'delivered') return `:white_check_mark: ${message('delivery.delivered', { maskedNumber })}`;
  return `:warning: ${message('delivery.not_delivered', { reason: message(REASONS[state.reason]) })}`;
}
