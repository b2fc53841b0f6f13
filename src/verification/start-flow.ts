import type { AuditTrail } from './audit-trail';
import { type ChannelOffer, channelOffer } from './channels';
import { isOwnedBy } from './flow-rules';
import type { Channel, Flow, FlowStatus, Member } from './model';
import { maskPhoneNumber, type PhoneNumberProblem, parsePhoneNumber } from './phone-number';
import type { FlowStore, VerificationRecordStore } from './ports';
import type { SendBudget } from './send-budget';
import type { VerificationSettings } from './settings';

export type StartResult =
  /** A new flow in `sending`: the caller acks, then sends the first code over `channel` (a call to a landline). */
  | { readonly kind: 'started'; readonly maskedNumber: string; readonly channel: Channel }
  /** The same submission again (a retry or a double click): where the flow is, and no second SMS. */
  | {
      readonly kind: 'repeated';
      readonly maskedNumber: string;
      readonly status: FlowStatus;
      readonly offer: ChannelOffer;
    }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  | { readonly kind: PhoneNumberProblem | 'flow_taken' | 'country_not_allowed' | 'number_taken' };

export interface StartFlowDependencies {
  readonly store: FlowStore & VerificationRecordStore;
  readonly budget: SendBudget;
  readonly audit: AuditTrail;
  readonly settings: VerificationSettings;
  readonly nowSeconds: () => number;
}

/**
 * The number step: validates the number, applies the country, sharing and send-budget rules, and
 * records the flow. Local work only: it runs before Slack's ack.
 */
export class StartFlow {
  constructor(private readonly deps: StartFlowDependencies) {}

  async run(member: Member, flowId: string, phoneInput: string): Promise<StartResult> {
    const { settings, store, audit, budget } = this.deps;
    const parsed = parsePhoneNumber(phoneInput, settings);
    if (parsed.kind !== 'valid') return parsed;
    const { e164, country, voiceOnly } = parsed.number;
    const subject = { ...member, flowId, e164 };
    if (settings.allowedCountries.length > 0 && !(country && settings.allowedCountries.includes(country))) {
      await audit.record('refused_country', subject, country ?? 'unknown');
      return { kind: 'country_not_allowed' };
    }
    const existing = await store.findFlow(flowId);
    if (existing) return this.repeatedStart(existing, member, e164);
    if (!settings.allowSharedNumbers && (await store.isNumberVerifiedByOther(member, e164))) {
      await audit.record('refused_shared_number', subject);
      return { kind: 'number_taken' };
    }
    const taken = await budget.take(subject);
    if (taken.kind === 'full') return { kind: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds };
    const now = this.deps.nowSeconds();
    const flow = { id: flowId, ...member, e164, createdAt: now, sentAt: now, expiresAt: now + settings.codeTtlSeconds };
    if (!(await store.createFlow(flow))) {
      // Lost a race with the same submission arriving twice: that one owns the send.
      await budget.giveBack(taken);
      const raced = await store.findFlow(flowId);
      return raced ? this.repeatedStart(raced, member, e164) : { kind: 'flow_taken' };
    }
    return { kind: 'started', maskedNumber: maskPhoneNumber(e164), channel: voiceOnly ? 'voice' : 'sms' };
  }

  private repeatedStart(flow: Flow, member: Member, e164: string): StartResult {
    if (!isOwnedBy(flow, member) || flow.e164 !== e164) return { kind: 'flow_taken' };
    const offer = channelOffer(flow, this.deps.settings, this.deps.nowSeconds());
    return { kind: 'repeated', maskedNumber: maskPhoneNumber(e164), status: flow.status, offer };
  }
}
