import type { Messages } from '../messages/catalog';
import { errorText } from '../shared/error-text';
import type { AuditTrail } from './audit-trail';
import { type ChannelOffer, channelOffer, deliveryChannel } from './channels';
import { bindingOf, type FlowProblem, isOwnedBy, resendProblem, subjectOf } from './flow-rules';
import { bindingMetadata } from './message-binding';
import type { Channel, Flow, Member } from './model';
import { generateCode } from './one-time-code';
import { maskPhoneNumber } from './phone-number';
import { type FlowStore, type SmsGateway, SmsGatewayError } from './ports';
import type { SendBudget } from './send-budget';
import type { VerificationSettings } from './settings';
import { verificationCallText, verificationSmsText } from './sms-text';

/**
 * The caller knows which send it is: the first code of a flow, or a new one asked for with Resend or
 * "Call me instead" (a resend over voice).
 */
export type SendKind = 'first' | 'resend';

export type SendResult =
  | { readonly kind: 'sent'; readonly maskedNumber: string; readonly offer: ChannelOffer }
  /** The provider accepted the SMS, but recording that failed: a code may arrive, so never "nothing was sent". */
  | { readonly kind: 'sent_unrecorded'; readonly maskedNumber: string }
  | {
      readonly kind: 'failed';
      readonly maskedNumber: string;
      readonly reason: SmsGatewayError['reason'];
      readonly callOffered: boolean;
    }
  /** The flow is no longer waiting for a send (another submission moved it on). */
  | { readonly kind: 'gone' };

export type ResendStart =
  /** `channel`: what the send will use (a landline is called whatever was asked). */
  | { readonly kind: 'ready'; readonly maskedNumber: string; readonly channel: Channel }
  | {
      readonly kind: 'cooldown' | 'rate_limited';
      readonly maskedNumber: string;
      readonly retryAfterSeconds: number;
      readonly offer: ChannelOffer;
    }
  | { readonly kind: FlowProblem };

export interface SendCodeDependencies {
  readonly store: FlowStore;
  readonly sms: SmsGateway;
  readonly budget: SendBudget;
  readonly audit: AuditTrail;
  readonly digestKey: Buffer;
  readonly settings: VerificationSettings;
  readonly nowSeconds: () => number;
  /** The delivery-report URL of a flow, in callback mode. */
  readonly reportTo?: (flowId: string) => string;
}

/**
 * A send that the provider takes answers within its client's 10 s timeout; a flow still `sending`
 * this long after has lost its bookkeeping (the SMS went, recording it failed), and Resend may take it.
 */
const STUCK_SENDING_SECONDS = 120;

/** Sending a code, first or again. Runs after Slack's ack; the code lives only inside `send`. */
export class SendCode {
  constructor(private readonly deps: SendCodeDependencies) {}

  /**
   * First half of "Resend code", before anything slow: cooldown, send budgets, and the flow moved
   * back to `sending`. Then `send(…, 'resend')` sends the new code; the old one stops working as
   * the flow points at the new message. Attempts are not reset. A call shares all of it.
   */
  async prepareResend(member: Member, flowId: string, requested: Channel = 'sms'): Promise<ResendStart> {
    const { store, settings, budget, nowSeconds } = this.deps;
    const flow = await store.findFlow(flowId);
    if (!flow || !isOwnedBy(flow, member)) return { kind: 'unknown_flow' };
    const problem = resendProblem(flow, nowSeconds());
    if (problem) return { kind: problem };
    const maskedNumber = maskPhoneNumber(flow.e164);
    const refused = (kind: 'cooldown' | 'rate_limited', retryAfterSeconds: number) =>
      ({ kind, maskedNumber, retryAfterSeconds, offer: channelOffer(flow, settings, nowSeconds()) }) as const;
    // A flow still `sending` is in flight, or stuck once its send's bookkeeping failed: wait it out.
    const wait =
      flow.status === 'sending'
        ? Math.max(settings.resendCooldownSeconds, STUCK_SENDING_SECONDS)
        : settings.resendCooldownSeconds;
    const cooldownLeft = flow.sentAt + wait - nowSeconds();
    if (cooldownLeft > 0) return refused('cooldown', cooldownLeft);
    const taken = await budget.take(subjectOf(flow));
    if (taken.kind === 'full') return refused('rate_limited', taken.retryAfterSeconds);
    if (!(await store.beginResend(flowId, settings.resendCooldownSeconds, nowSeconds(), STUCK_SENDING_SECONDS))) {
      await budget.giveBack(taken); // a concurrent resend won
      return refused('cooldown', settings.resendCooldownSeconds);
    }
    return { kind: 'ready', maskedNumber, channel: deliveryChannel(flow.e164, requested, settings.voiceEnabled) };
  }

  /**
   * Generates the code and sends it to a flow in `sending`, by text or by a call (always a call to a
   * landline), worded in the member's language `t`.
   */
  async send(
    flowId: string,
    workspaceName: string,
    kind: SendKind,
    t: Messages,
    requested: Channel = 'sms',
  ): Promise<SendResult> {
    const flow = await this.deps.store.findFlow(flowId);
    if (flow?.status !== 'sending') return { kind: 'gone' };
    // Recorded here, after Slack's ack, rather than at the start: the ack path does only what decides the answer.
    if (kind === 'first') await this.deps.audit.record('flow_started', subjectOf(flow));
    const channel = deliveryChannel(flow.e164, requested, this.deps.settings.voiceEnabled);
    return this.deliver(flow, workspaceName, t, channel, channel === 'voice' ? 'called' : SENT_EVENTS[kind]);
  }

  private async deliver(
    flow: Flow,
    workspaceName: string,
    t: Messages,
    channel: Channel,
    event: SentEvent,
  ): Promise<SendResult> {
    const { sms, digestKey, settings, nowSeconds } = this.deps;
    const code = generateCode(settings.codeLength);
    const expiresAt = nowSeconds() + settings.codeTtlSeconds;
    const text = channel === 'voice' ? verificationCallText : verificationSmsText;
    let messageId: string;
    try {
      messageId = await sms.send({
        to: flow.e164,
        channel,
        text: text(t, code, workspaceName, settings.codeTtlSeconds),
        metadata: bindingMetadata(digestKey, bindingOf({ ...flow, expiresAt }), code),
        expiresAt,
        ...(this.deps.reportTo && { reportTo: this.deps.reportTo(flow.id) }),
      });
    } catch (error) {
      return this.failed(flow, error);
    }
    return this.recordSent(flow, messageId, expiresAt, channel, event);
  }

  /** From here on the message is out: a failure may cost the bookkeeping, never the member's code. */
  private async recordSent(flow: Flow, messageId: string, expiresAt: number, channel: Channel, event: SentEvent) {
    const { store, audit, settings, nowSeconds } = this.deps;
    const maskedNumber = maskPhoneNumber(flow.e164);
    try {
      await store.markSent(flow.id, messageId, expiresAt);
      await audit.record(event, subjectOf(flow));
      return { kind: 'sent', maskedNumber, offer: channelOffer(flow, settings, nowSeconds(), channel) } as const;
    } catch (error) {
      audit.error(subjectOf(flow), 'SMS accepted, but recording the send failed', errorText(error));
      return { kind: 'sent_unrecorded', maskedNumber } as const;
    }
  }

  /** The provider refused or could not be reached; the member is told which, even if recording it fails. */
  private async failed(flow: Flow, error: unknown): Promise<SendResult> {
    const { store, audit, settings, nowSeconds } = this.deps;
    const reason = error instanceof SmsGatewayError ? error.reason : 'unavailable';
    try {
      await store.markSendFailed(flow.id);
      await audit.record('send_failed', subjectOf(flow), `${reason}: ${errorText(error)}`);
    } catch (bookkeeping) {
      audit.error(subjectOf(flow), 'SMS not sent, and recording that failed', errorText(bookkeeping));
    }
    const { callOffered } = channelOffer({ ...flow, status: 'send_failed' }, settings, nowSeconds());
    return { kind: 'failed', maskedNumber: maskPhoneNumber(flow.e164), reason, callOffered };
  }
}

type SentEvent = 'sent' | 'resent' | 'called';
const SENT_EVENTS: Record<SendKind, SentEvent> = { first: 'sent', resend: 'resent' };
