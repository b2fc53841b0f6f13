import type { CountryCode } from 'libphonenumber-js/max';
import { errorText } from '../shared/error-text';
import type { AuditTrail } from './audit-trail';
import type { Member } from './flow-reference';
import { bindingMetadata, type CodeBinding, checkBinding } from './message-binding';
import { generateCode, isWellFormedCode } from './one-time-code';
import { maskPhoneNumber, type PhoneNumberProblem, parsePhoneNumber } from './phone-number';
import {
  type AuditEvent,
  type Clock,
  type Flow,
  type FlowStatus,
  type RateLimitTicket,
  type SmsGateway,
  SmsGatewayError,
  type TagResult,
  type VerificationRecord,
  type VerificationStore,
} from './ports';
import type { ProfileTagging } from './profile-tagging';
import { failedCheckLimit, type LimitSettings, sendLimits } from './rate-limits';
import { verificationSmsText } from './sms-text';

export interface VerificationSettings {
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  readonly maxAttempts: number;
  readonly defaultCountry: CountryCode | undefined;
  /** Empty: every country. */
  readonly allowedCountries: readonly CountryCode[];
  readonly allowSharedNumbers: boolean;
  /** Satellite and international-network numbers (+870, +881, +882, +883). */
  readonly allowGlobalNetworkNumbers: boolean;
  readonly resendCooldownSeconds: number;
}

export interface VerificationDependencies {
  readonly store: VerificationStore;
  readonly sms: SmsGateway;
  readonly tagging: ProfileTagging;
  readonly audit: AuditTrail;
  readonly digestKey: Buffer;
  readonly numberBucketKey: Buffer;
  readonly settings: VerificationSettings;
  readonly limits: LimitSettings;
  readonly clock: Clock;
}

export type StartProblem = PhoneNumberProblem | 'flow_taken' | 'country_not_allowed' | 'number_taken' | 'rate_limited';

export type StartResult =
  | { ok: true; flowId: string; maskedNumber: string; isNew: boolean; status: FlowStatus }
  | { ok: false; problem: StartProblem; retryAfterSeconds?: number };

export type SendFailure = SmsGatewayError['reason'] | 'gone';
export type SendResult = { ok: true; maskedNumber: string } | { ok: false; maskedNumber: string; reason: SendFailure };

export type FlowProblem = 'unknown_flow' | 'expired' | 'locked' | 'already_verified' | 'not_sent' | 'number_taken';

export type ResendResult =
  | { ok: true; maskedNumber: string }
  | { ok: false; reason: 'cooldown' | 'rate_limited'; maskedNumber: string; retryAfterSeconds: number }
  | { ok: false; reason: FlowProblem };

/** A code check that passed the local gates and has counted its attempt; finished after Slack's ack. */
export interface PendingCheck {
  readonly flow: Flow;
  readonly maskedNumber: string;
  readonly code: string;
  readonly attempt: number;
  readonly failureTicket: RateLimitTicket;
}

export type CheckStart =
  | { kind: 'checking'; check: PendingCheck }
  | { kind: 'malformed'; codeLength: number }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: FlowProblem };

export type CheckOutcome =
  | { kind: 'verified'; record: VerificationRecord; maskedNumber: string; tag: TagResult }
  | { kind: 'wrong_code'; attemptsLeft: number }
  | { kind: 'lookup_failed' }
  /** The same code was verified by a concurrent submission of the same flow, which reports the result. */
  | { kind: 'duplicate' }
  | { kind: FlowProblem };

/** The verification use cases. Knows nothing of Slack or HTTP; every input is untrusted text. */
export class VerificationService {
  constructor(private readonly deps: VerificationDependencies) {}

  get settings(): VerificationSettings {
    return this.deps.settings;
  }

  /**
   * Validates the number, applies the country, sharing and send-budget rules, and records the
   * flow. Local work only: it runs before Slack's ack.
   */
  async start(member: Member, flowId: string, phoneInput: string): Promise<StartResult> {
    const { settings, store, audit } = this.deps;
    const parsed = parsePhoneNumber(phoneInput, settings);
    if (!parsed.ok) return parsed;
    const { e164, country } = parsed.number;
    const subject = { ...member, flowId, e164 };
    if (settings.allowedCountries.length > 0 && !(country && settings.allowedCountries.includes(country))) {
      await audit.record('refused_country', subject, country ?? 'unknown');
      return { ok: false, problem: 'country_not_allowed' };
    }
    const existing = await store.findFlow(flowId);
    if (existing) return this.repeatedStart(existing, member, e164);
    if (!settings.allowSharedNumbers && (await store.isNumberVerifiedByOther(member, e164))) {
      await audit.record('refused_shared_number', subject);
      return { ok: false, problem: 'number_taken' };
    }
    const budget = await this.takeSendBudget(subject);
    if (!budget.ok) return { ok: false, problem: 'rate_limited', retryAfterSeconds: budget.retryAfterSeconds };
    const now = this.nowSeconds();
    const flow = { id: flowId, ...member, e164, createdAt: now, sentAt: now, expiresAt: now + settings.codeTtlSeconds };
    if (!(await store.createFlow(flow))) {
      // Lost a race with the same submission arriving twice: that one owns the send.
      await store.returnRateLimits(budget.ticket);
      const raced = await store.findFlow(flowId);
      return raced ? this.repeatedStart(raced, member, e164) : { ok: false, problem: 'flow_taken' };
    }
    return { ok: true, flowId, maskedNumber: maskPhoneNumber(e164), isNew: true, status: 'sending' };
  }

  /** Generates the code and sends it. Runs after Slack's ack; the code lives only in this call. */
  async sendCode(flowId: string, workspaceName: string): Promise<SendResult> {
    const flow = await this.deps.store.findFlow(flowId);
    if (flow?.status !== 'sending') return { ok: false, maskedNumber: '', reason: 'gone' };
    const isFirstSend = flow.sentAt === flow.createdAt;
    // Recorded here, after Slack's ack, rather than in start(): the ack path does only what decides the answer.
    if (isFirstSend) await this.deps.audit.record('flow_started', { ...flow, flowId: flow.id });
    return this.deliver(flow, workspaceName, isFirstSend ? 'sent' : 'resent');
  }

  /**
   * First half of "Resend code", before anything slow: cooldown, send budgets, and the flow moved
   * back to `sending`. Then `sendCode` sends the new code; the old one stops working as the flow
   * points at the new message. Attempts are not reset.
   */
  async prepareResend(member: Member, flowId: string): Promise<ResendResult> {
    const { store, settings } = this.deps;
    const flow = await store.findFlow(flowId);
    if (!flow || !isOwnedBy(flow, member)) return { ok: false, reason: 'unknown_flow' };
    const problem = this.resendProblem(flow);
    if (problem) return { ok: false, reason: problem };
    const maskedNumber = maskPhoneNumber(flow.e164);
    const now = this.nowSeconds();
    const cooldownLeft = flow.sentAt + settings.resendCooldownSeconds - now;
    if (cooldownLeft > 0) return { ok: false, reason: 'cooldown', maskedNumber, retryAfterSeconds: cooldownLeft };
    const budget = await this.takeSendBudget({ ...member, flowId, e164: flow.e164 });
    if (!budget.ok)
      return { ok: false, reason: 'rate_limited', maskedNumber, retryAfterSeconds: budget.retryAfterSeconds };
    if (!(await store.beginResend(flowId, settings.resendCooldownSeconds, now))) {
      await store.returnRateLimits(budget.ticket); // a concurrent resend won
      return { ok: false, reason: 'cooldown', maskedNumber, retryAfterSeconds: settings.resendCooldownSeconds };
    }
    return { ok: true, maskedNumber };
  }

  /**
   * The local half of a code check, before Slack's ack: binding, state, format and budget gates,
   * then the attempt is counted before anything is compared.
   */
  async beginCheck(member: Member, flowId: string, codeInput: string): Promise<CheckStart> {
    const { store, settings, limits } = this.deps;
    const flow = await store.findFlow(flowId);
    if (!flow || !isOwnedBy(flow, member)) return { kind: 'unknown_flow' };
    const problem = this.checkProblem(flow);
    if (problem) return { kind: problem };
    const code = codeInput.trim();
    if (!isWellFormedCode(code, settings.codeLength)) return { kind: 'malformed', codeLength: settings.codeLength };
    // Reserve a failure up front so concurrent guesses cannot overrun the daily budget; given back unless wrong.
    const budget = await store.takeRateLimits([failedCheckLimit(limits, member)], this.nowSeconds());
    if (!budget.ok) {
      await this.deps.audit.record('rate_limited', { ...member, flowId, e164: flow.e164 }, budget.bucket);
      return { kind: 'rate_limited', retryAfterSeconds: budget.retryAfterSeconds };
    }
    const attempt = await store.claimAttempt(flowId, settings.maxAttempts, this.nowSeconds());
    if (attempt === undefined) {
      await store.returnRateLimits(budget.ticket);
      return { kind: (await this.problemAfterRace(flowId)) ?? 'locked' };
    }
    const check = { flow, maskedNumber: maskPhoneNumber(flow.e164), code, attempt, failureTicket: budget.ticket };
    return { kind: 'checking', check };
  }

  /** The remote half, after Slack's ack: fetch the SMS back from the provider and compare. */
  async finishCheck(check: PendingCheck): Promise<CheckOutcome> {
    const outcome = await this.judge(check);
    if (outcome.kind !== 'wrong_code' && outcome.kind !== 'locked') {
      await this.deps.store.returnRateLimits(check.failureTicket);
    }
    return outcome;
  }

  async statusOf(member: Member): Promise<{ record: VerificationRecord; maskedNumber: string } | undefined> {
    const record = await this.deps.store.findVerification(member);
    return record && { record, maskedNumber: maskPhoneNumber(record.e164) };
  }

  /** The workspace's audit log, newest first, for its admins. */
  recentActivity(teamId: string, limit: number): Promise<AuditEvent[]> {
    return this.deps.store.listAudit(teamId, limit);
  }

  private async judge({ flow, code, attempt }: PendingCheck): Promise<CheckOutcome> {
    const { store, sms, audit, digestKey, settings } = this.deps;
    const subject = { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164 };
    let message: Awaited<ReturnType<SmsGateway['lookup']>>;
    try {
      message = await sms.lookup(flow.messageId ?? '');
    } catch (error) {
      await store.refundAttempt(flow.id);
      audit.warn(subject, 'code check postponed: provider lookup failed', errorText(error));
      return { kind: 'lookup_failed' };
    }
    const verdict =
      message && message.to === flow.e164
        ? checkBinding(digestKey, bindingOf(flow), message.metadata, code, this.nowSeconds())
        : 'tampered';
    switch (verdict) {
      case 'match':
        return this.complete(flow);
      case 'expired':
        await audit.record('expired', subject);
        return { kind: 'expired' };
      case 'tampered':
        await store.lock(flow.id);
        await audit.record('locked', subject, 'message metadata does not match its flow');
        return { kind: 'locked' };
      case 'wrong_code': {
        const attemptsLeft = settings.maxAttempts - attempt;
        await audit.record('code_wrong', subject, `attempt ${attempt} of ${settings.maxAttempts}`);
        if (attemptsLeft > 0) return { kind: 'wrong_code', attemptsLeft };
        await store.lock(flow.id);
        await audit.record('locked', subject, 'attempts used up');
        return { kind: 'locked' };
      }
    }
  }

  private async complete(flow: Flow): Promise<CheckOutcome> {
    const { store, audit, settings, tagging } = this.deps;
    const record: VerificationRecord = {
      teamId: flow.teamId,
      userId: flow.userId,
      e164: flow.e164,
      flowId: flow.id,
      verifiedAt: this.nowSeconds(),
      profileTag: 'pending',
    };
    const subject = { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164 };
    // Two correct submissions racing: only the one that flips the flow counts; the other stays silent.
    const completed = await store.completeFlow(flow.id, record, settings.allowSharedNumbers);
    if (completed === 'not_pending') {
      const now = await store.findFlow(flow.id);
      return { kind: now?.status === 'verified' ? 'duplicate' : 'locked' };
    }
    if (completed === 'number_taken') {
      await store.lock(flow.id);
      await audit.record('refused_shared_number', subject);
      return { kind: 'number_taken' };
    }
    await audit.record('verified', subject);
    const maskedNumber = maskPhoneNumber(flow.e164);
    const date = new Date(record.verifiedAt * 1000).toISOString().slice(0, 10);
    const label = { value: `${maskedNumber} (verified ${date})`, alt: `Verified ${date}` };
    const tag = await tagging.tagVerified(subject, label);
    const profileTag = tag.ok ? 'set' : tag.state === 'failed' && tag.transient ? 'pending' : tag.state;
    return { kind: 'verified', record: { ...record, profileTag }, maskedNumber, tag };
  }

  private async deliver(flow: Flow, workspaceName: string, event: 'sent' | 'resent'): Promise<SendResult> {
    const { store, sms, audit, digestKey, settings } = this.deps;
    const code = generateCode(settings.codeLength);
    const expiresAt = this.nowSeconds() + settings.codeTtlSeconds;
    const subject = { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164 };
    const maskedNumber = maskPhoneNumber(flow.e164);
    try {
      const messageId = await sms.send({
        to: flow.e164,
        text: verificationSmsText(code, workspaceName, settings.codeTtlSeconds),
        metadata: bindingMetadata(digestKey, bindingOf({ ...flow, expiresAt }), code),
        expiresAt,
      });
      await store.markSent(flow.id, messageId, expiresAt);
      await audit.record(event, subject);
      return { ok: true, maskedNumber };
    } catch (error) {
      await store.markSendFailed(flow.id);
      const reason = error instanceof SmsGatewayError ? error.reason : 'unavailable';
      await audit.record('send_failed', subject, `${reason}: ${errorText(error)}`);
      return { ok: false, maskedNumber, reason };
    }
  }

  private async takeSendBudget(subject: Member & { flowId: string; e164: string }) {
    const budget = await this.deps.store.takeRateLimits(
      sendLimits(this.deps.limits, subject, subject.e164, this.deps.numberBucketKey),
      this.nowSeconds(),
    );
    if (!budget.ok) await this.deps.audit.record('rate_limited', subject, budget.bucket);
    return budget;
  }

  private repeatedStart(flow: Flow, member: Member, e164: string): StartResult {
    // The same modal submitted twice (a retry or a double click) must not send a second SMS.
    if (!isOwnedBy(flow, member) || flow.e164 !== e164) return { ok: false, problem: 'flow_taken' };
    return { ok: true, flowId: flow.id, maskedNumber: maskPhoneNumber(e164), isNew: false, status: flow.status };
  }

  private checkProblem(flow: Flow): FlowProblem | undefined {
    switch (flow.status) {
      case 'verified':
        return 'already_verified';
      case 'locked':
        return 'locked';
      case 'sending':
      case 'send_failed':
        return 'not_sent';
      case 'pending':
        return this.nowSeconds() >= flow.expiresAt ? 'expired' : undefined;
    }
  }

  private resendProblem(flow: Flow): FlowProblem | undefined {
    if (flow.status === 'send_failed' || flow.status === 'sending') return undefined;
    return this.checkProblem(flow);
  }

  /** claimAttempt refused: someone else changed the flow meanwhile, or the last attempt was used. */
  private async problemAfterRace(flowId: string): Promise<FlowProblem | undefined> {
    const flow = await this.deps.store.findFlow(flowId);
    return flow && this.checkProblem(flow);
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.clock() / 1000);
  }
}

function bindingOf(flow: Flow): CodeBinding {
  return { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164, expiresAt: flow.expiresAt };
}

function isOwnedBy(flow: Flow, member: Member): boolean {
  return flow.teamId === member.teamId && flow.userId === member.userId;
}
