import type { AuditTrail } from './audit-trail';
import { type DeliveryState, deliveryState, type FinalDelivery, storedDelivery } from './delivery-state';
import { subjectOf } from './flow-rules';
import type { Flow } from './model';
import { maskPhoneNumber } from './phone-number';
import type { FlowStore, SmsGateway } from './ports';

/** What MessageMedia says of one message, by delivery report or by status lookup. */
export interface DeliveryReport {
  readonly messageId: string;
  readonly status: string;
  readonly errorCode?: string;
}

export type DeliveryResult =
  /** No such flow, or the message is not the flow's current one (a resend replaced it, or a forgery). */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'in_progress' }
  /** `first`: this report settled the message; false for a repeat, which changes nothing. */
  | { readonly kind: 'final'; readonly state: FinalDelivery; readonly first: boolean; readonly maskedNumber: string };

export interface RecordDeliveryDependencies {
  readonly store: FlowStore;
  readonly sms: SmsGateway;
  readonly audit: AuditTrail;
}

/**
 * Whether a flow's code reached the phone. The first final state of a message is stored on its flow
 * and audited once; repeats and later reports change nothing, so reports are idempotent.
 */
export class RecordDelivery {
  constructor(private readonly deps: RecordDeliveryDependencies) {}

  /** A delivery report, already authenticated as being about this flow by its URL's token. */
  async report(flowId: string, report: DeliveryReport): Promise<DeliveryResult> {
    const flow = await this.deps.store.findFlow(flowId);
    if (!flow || flow.messageId === null || flow.messageId !== report.messageId) return { kind: 'unknown' };
    return this.settle(flow, report);
  }

  /**
   * Polling mode: the status of the flow's current message, looked up while the flow waits for its
   * code; `unknown` once it does not. Throws SmsGatewayError.
   */
  async poll(flowId: string): Promise<DeliveryResult> {
    const flow = await this.deps.store.findFlow(flowId);
    const messageId = flow?.status === 'pending' ? flow.messageId : null;
    if (!flow || messageId === null) return { kind: 'unknown' };
    const message = await this.deps.sms.lookup(messageId);
    if (!message) return { kind: 'unknown' };
    return this.settle(flow, { messageId, status: message.status });
  }

  private async settle(flow: Flow, report: DeliveryReport): Promise<DeliveryResult> {
    const state = deliveryState(report.status, report.errorCode);
    if (state.kind === 'in_progress') return state;
    const first = await this.deps.store.recordDelivery(flow.id, report.messageId, storedDelivery(state));
    if (first) {
      const event = state.kind === 'delivered' ? 'delivered' : 'undelivered';
      await this.deps.audit.record(event, subjectOf(flow), auditReason(state, report));
    }
    return { kind: 'final', state, first, maskedNumber: maskPhoneNumber(flow.e164) };
  }
}

/** The reason class, the status (a known one, as it was final) and the error code only if it is a number. */
function auditReason(state: DeliveryState, { status, errorCode }: DeliveryReport): string | undefined {
  if (state.kind !== 'undelivered') return undefined;
  const code = errorCode !== undefined && /^\d{1,5}$/.test(errorCode) ? `, error ${errorCode}` : '';
  return `${state.reason}: ${status}${code}`;
}
