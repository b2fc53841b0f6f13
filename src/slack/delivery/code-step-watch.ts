import type { Messages } from '../../messages/catalog';
import type { ChannelOffer } from '../../verification/channels';
import type { FinalDelivery } from '../../verification/delivery-state';
import type { VerificationSettings } from '../../verification/settings';
import { codeStepFor } from '../listeners/flow-views';
import type { OpenModal } from '../listeners/modal';
import { deliveryLine } from './delivery-line';

/** The code step as a listener showed it, to be shown again with its delivery line. */
export interface ShownCodeStep {
  /** The words the step was shown in: the delivery line and the re-rendered step keep its language. */
  readonly t: Messages;
  readonly reference: string;
  readonly maskedNumber: string;
  readonly offer: ChannelOffer;
  readonly notice?: string;
}

/** Code steps waiting for word on their SMS: enough for every flow in progress, and bounded. */
const MAX_WATCHED = 10_000;

/**
 * The open code steps, by flow, so that delivery news can reach the modal. In process only: a report
 * that reaches another replica, or this one after a restart, is still recorded and audited, but its
 * modal is not updated.
 */
export class CodeStepWatch {
  private readonly open = new Map<string, { readonly modal: OpenModal; readonly step: ShownCodeStep }>();

  constructor(
    private readonly settings: VerificationSettings,
    /** Polling mode: called for every code step watched. */
    private readonly onWatch: (flowId: string) => void = () => undefined,
  ) {}

  /** A code was sent for this flow and its code step is (about to be) in the modal. */
  watch(flowId: string, modal: OpenModal, step: ShownCodeStep): void {
    this.open.delete(flowId); // a resend's entry goes to the back of the eviction order
    this.open.set(flowId, { modal, step });
    if (this.open.size > MAX_WATCHED) this.open.delete(this.open.keys().next().value ?? '');
    this.onWatch(flowId);
  }

  /** Shows the final state once, unless the member has moved on from the view we showed. */
  async show(flowId: string, state: FinalDelivery): Promise<void> {
    const watched = this.open.get(flowId);
    if (!watched) return;
    this.open.delete(flowId);
    const { t, reference, maskedNumber, offer, notice } = watched.step;
    const line = deliveryLine(t, state, maskedNumber);
    // Once a text has failed, a call is always offered (a landline's code is already a call).
    const failedText = state.kind === 'undelivered' && offer.channel === 'sms' && this.settings.voiceEnabled;
    const shown = failedText ? { ...offer, callOffered: true } : offer;
    await watched.modal.refresh(codeStepFor(t, this.settings, reference, maskedNumber, shown, notice, line));
  }
}
