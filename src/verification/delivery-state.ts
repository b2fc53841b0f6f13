// What a MessageMedia status and error code mean for the member: delivered, not delivered (and a
// plain reason from a fixed set), or not known yet.

export const UNDELIVERED_REASONS = [
  'expired',
  'blocked',
  'duplicate',
  'no_route',
  'account',
  'refused',
  'failed',
] as const;
export type UndeliveredReason = (typeof UNDELIVERED_REASONS)[number];

/** A state no later report changes. */
export type FinalDelivery =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'undelivered'; readonly reason: UndeliveredReason };

export type DeliveryState = { readonly kind: 'in_progress' } | FinalDelivery;

/** Error codes that say more than the status does (see the vendor's delivery-report codes). */
// Maps, not object literals: a report's words must never find a member of Object.prototype.
const REASON_BY_ERROR_CODE: ReadonlyMap<string, UndeliveredReason> = new Map([
  ['320', 'expired'],
  ['401', 'expired'],
  ['302', 'blocked'],
  ['412', 'blocked'],
  ['305', 'duplicate'],
  ['332', 'no_route'],
  ['301', 'account'],
  ['303', 'account'],
  ['304', 'account'],
]);

/** The reason when the error code is absent or not in the table above. */
const REASON_BY_STATUS: ReadonlyMap<string, UndeliveredReason> = new Map([
  ['expired', 'expired'],
  ['rejected', 'refused'],
  ['failed', 'failed'],
  ['undeliverable', 'failed'],
]);

const DELIVERED = new Set(['delivered', 'read']);

export function deliveryState(status: string, errorCode: string | undefined): DeliveryState {
  if (DELIVERED.has(status)) return { kind: 'delivered' };
  const byStatus = REASON_BY_STATUS.get(status);
  if (!byStatus) return { kind: 'in_progress' };
  const byCode = errorCode === undefined ? undefined : REASON_BY_ERROR_CODE.get(errorCode);
  return { kind: 'undelivered', reason: byCode ?? byStatus };
}

/** How the state is stored on its flow: `delivered`, or the reason it was not. */
export function storedDelivery(state: FinalDelivery): string {
  return state.kind === 'delivered' ? 'delivered' : state.reason;
}
