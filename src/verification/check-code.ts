import { errorText } from '../shared/error-text';
import type { AuditTrail } from './audit-trail';
import { type ChannelOffer, channelOffer } from './channels';
import { LOCK_REASON } from './event-reasons';
import { bindingOf, checkProblem, type FlowProblem, isOwnedBy, subjectOf } from './flow-rules';
import { checkBinding } from './message-binding';
import type { Flow, Member, RateLimitTicket } from './model';
import { isWellFormedCode } from './one-time-code';
import { maskPhoneNumber } from './phone-number';
import type { DeliveredSms, FlowStore, SendBudgetStore, SmsGateway } from './ports';
import { failedCheckLimit, type LimitSettings } from './rate-limits';
import type { RecordVerification, VerifiedOutcome } from './record-verification';
import type { VerificationSettings } from './settings';

/** A code check that passed the local gates and has counted its attempt; finished after Slack's ack. */
export interface PendingCheck {
  readonly flow: Flow;
  readonly maskedNumber: string;
  readonly code: string;
  readonly attempt: number;
  readonly failureTicket: RateLimitTicket;
  /** For the code step shown again after a wrong code or a failed lookup. */
  readonly offer: ChannelOffer;
}

export type CheckStart =
  | { readonly kind: 'checking'; readonly check: PendingCheck }
  | { readonly kind: 'malformed'; readonly codeLength: number }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  | { readonly kind: FlowProblem };

export type CheckOutcome =
  | VerifiedOutcome
  | { readonly kind: 'wrong_code'; readonly attemptsLeft: number }
  | { readonly kind: 'lookup_failed' }
  /** The same code was verified by a concurrent submission of the same flow, which reports the result. */
  | { readonly kind: 'duplicate' }
  | { readonly kind: FlowProblem };

export interface CheckCodeDependencies {
  readonly store: FlowStore & SendBudgetStore;
  readonly sms: SmsGateway;
  readonly audit: AuditTrail;
  readonly recording: RecordVerification;
  readonly digestKey: Buffer;
  readonly settings: VerificationSettings;
  readonly limits: LimitSettings;
  readonly nowSeconds: () => number;
}

/** The code step: local gates before Slack's ack, the provider lookup and comparison after it. */
export class CheckCode {
  constructor(private readonly deps: CheckCodeDependencies) {}

  /** Binding, state, format and budget gates; then the attempt is counted before anything is compared. */
  async begin(member: Member, flowId: string, codeInput: string): Promise<CheckStart> {
    const { store, settings, limits, audit, nowSeconds } = this.deps;
    const flow = await store.findFlow(flowId);
    if (!flow || !isOwnedBy(flow, member)) return { kind: 'unknown_flow' };
    const problem = checkProblem(flow, nowSeconds());
    if (problem) return { kind: problem };
    const code = codeInput.trim();
    if (!isWellFormedCode(code, settings.codeLength)) return { kind: 'malformed', codeLength: settings.codeLength };
    // Reserve a failure up front so concurrent guesses cannot overrun the daily budget; given back unless wrong.
    const budget = await store.takeRateLimits([failedCheckLimit(limits, member)], nowSeconds());
    if (budget.kind === 'full') {
      await audit.record('rate_limited', subjectOf(flow), budget.bucket);
      return { kind: 'rate_limited', retryAfterSeconds: budget.retryAfterSeconds };
    }
    const attempt = await store.claimAttempt(flowId, settings.maxAttempts, nowSeconds());
    if (attempt === undefined) {
      await store.returnRateLimits(budget.ticket);
      return { kind: (await this.problemAfterRace(flowId)) ?? 'locked' };
    }
    const offer = channelOffer(flow, settings, nowSeconds());
    const check = {
      flow,
      maskedNumber: maskPhoneNumber(flow.e164),
      code,
      attempt,
      failureTicket: budget.ticket,
      offer,
    };
    return { kind: 'checking', check };
  }

  /** Fetches the SMS back from the provider and compares; only a wrong code keeps its reserved failure. */
  async finish(check: PendingCheck): Promise<CheckOutcome> {
    const outcome = await this.judge(check);
    if (outcome.kind !== 'wrong_code' && outcome.kind !== 'locked') {
      await this.deps.store.returnRateLimits(check.failureTicket);
    }
    return outcome;
  }

  private async judge({ flow, code, attempt }: PendingCheck): Promise<CheckOutcome> {
    const { store, audit, digestKey, settings, nowSeconds } = this.deps;
    const subject = subjectOf(flow);
    const message = await this.lookUp(flow);
    if (message === 'failed') return { kind: 'lookup_failed' };
    const verdict =
      message && message.to === flow.e164
        ? checkBinding(digestKey, bindingOf(flow), message.metadata, code, nowSeconds())
        : 'tampered';
    switch (verdict) {
      case 'match':
        return this.deps.recording.complete(flow);
      case 'expired':
        await audit.record('expired', subject);
        return { kind: 'expired' };
      case 'tampered':
        await store.lock(flow.id);
        await audit.record('locked', subject, LOCK_REASON.tampered);
        return { kind: 'locked' };
      case 'wrong_code': {
        const attemptsLeft = settings.maxAttempts - attempt;
        await audit.record('code_wrong', subject, `attempt ${attempt} of ${settings.maxAttempts}`);
        if (attemptsLeft > 0) return { kind: 'wrong_code', attemptsLeft };
        await store.lock(flow.id);
        await audit.record('locked', subject, LOCK_REASON.attemptsUsedUp);
        return { kind: 'locked' };
      }
    }
  }

  /** The flow's current message; 'failed' when the provider could not say, and the attempt is given back. */
  private async lookUp(flow: Flow): Promise<DeliveredSms | undefined | 'failed'> {
    // A pending flow always has its message; without one there is nothing to ask the provider about.
    if (flow.messageId === null) return undefined;
    try {
      return await this.deps.sms.lookup(flow.messageId);
    } catch (error) {
      await this.deps.store.refundAttempt(flow.id);
      this.deps.audit.warn(subjectOf(flow), 'code check postponed: provider lookup failed', errorText(error));
      return 'failed';
    }
  }

  /** claimAttempt refused: someone else changed the flow meanwhile, or the last attempt was used. */
  private async problemAfterRace(flowId: string): Promise<FlowProblem | undefined> {
    const flow = await this.deps.store.findFlow(flowId);
    return flow && checkProblem(flow, this.deps.nowSeconds());
  }
}
