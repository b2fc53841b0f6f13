import type { CountryCode } from 'libphonenumber-js/max';
import type { Member } from './flow-reference';
import { bindingMetadata, type CodeBinding, checkBinding } from './message-binding';
import { generateCode, isWellFormedCode } from './one-time-code';
import { maskPhoneNumber, type PhoneNumberProblem, parsePhoneNumber } from './phone-number';
import {
  type Clock,
  type Flow,
  type ProfileTagger,
  type SmsGateway,
  SmsGatewayError,
  type TagResult,
  type VerificationRecord,
  type VerificationStore,
} from './ports';
import { verificationSmsText } from './sms-text';

export interface VerificationSettings {
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  readonly maxAttempts: number;
  readonly defaultCountry: CountryCode | undefined;
}

/** The structured logger the domain writes to; pino's shape. Never given codes or full numbers. */
export interface DomainLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface VerificationDependencies {
  readonly store: VerificationStore;
  readonly sms: SmsGateway;
  readonly tagger: ProfileTagger;
  readonly digestKey: Buffer;
  readonly settings: VerificationSettings;
  readonly clock: Clock;
  readonly logger: DomainLogger;
}

export type StartResult =
  | { ok: true; flowId: string; maskedNumber: string; needsSending: boolean }
  | { ok: false; problem: PhoneNumberProblem | 'flow_taken' };

export type SendResult = { ok: true; maskedNumber: string } | { ok: false; reason: SmsGatewayError['reason'] | 'gone' };

/** A code check that passed the local gates and has counted its attempt; finished after Slack's ack. */
export interface PendingCheck {
  readonly flow: Flow;
  readonly maskedNumber: string;
  readonly code: string;
  readonly attempt: number;
}

export type FlowProblem = 'unknown_flow' | 'expired' | 'locked' | 'already_verified' | 'not_sent';

export type CheckStart =
  | { kind: 'checking'; check: PendingCheck }
  | { kind: 'malformed'; codeLength: number }
  | { kind: FlowProblem };

export type CheckOutcome =
  | { kind: 'verified'; record: VerificationRecord; maskedNumber: string; tag: TagResult }
  | { kind: 'wrong_code'; attemptsLeft: number }
  | { kind: 'lookup_failed' }
  | { kind: FlowProblem };

/** The verification use cases. Knows nothing of Slack or HTTP; every input is untrusted text. */
export class VerificationService {
  constructor(private readonly deps: VerificationDependencies) {}

  get settings(): VerificationSettings {
    return this.deps.settings;
  }

  /** Validates the number and records the flow. Local work only: it runs before Slack's ack. */
  async start(member: Member, flowId: string, phoneInput: string): Promise<StartResult> {
    const parsed = parsePhoneNumber(phoneInput, this.deps.settings.defaultCountry);
    if (!parsed.ok) return parsed;
    const now = this.nowSeconds();
    const { e164 } = parsed.number;
    const created = await this.deps.store.createFlow({
      id: flowId,
      ...member,
      e164,
      createdAt: now,
      expiresAt: now + this.deps.settings.codeTtlSeconds,
    });
    if (created) {
      this.deps.logger.info({ ...member, flowId, phone: maskPhoneNumber(e164) }, 'verification started');
      return { ok: true, flowId, maskedNumber: maskPhoneNumber(e164), needsSending: true };
    }
    // The same modal submitted twice (a retry or a double click) must not send a second SMS.
    const existing = await this.deps.store.findFlow(flowId);
    if (!existing || !isOwnedBy(existing, member) || existing.e164 !== e164)
      return { ok: false, problem: 'flow_taken' };
    return { ok: true, flowId, maskedNumber: maskPhoneNumber(e164), needsSending: false };
  }

  /** Generates the code and sends it. Runs after Slack's ack; the code lives only in this call. */
  async sendCode(flowId: string, workspaceName: string): Promise<SendResult> {
    const flow = await this.deps.store.findFlow(flowId);
    if (flow?.status !== 'sending') return { ok: false, reason: 'gone' };
    const { codeLength, codeTtlSeconds } = this.deps.settings;
    const code = generateCode(codeLength);
    const log = { teamId: flow.teamId, userId: flow.userId, flowId, phone: maskPhoneNumber(flow.e164) };
    try {
      const messageId = await this.deps.sms.send({
        to: flow.e164,
        text: verificationSmsText(code, workspaceName, codeTtlSeconds),
        metadata: bindingMetadata(this.deps.digestKey, bindingOf(flow), code),
        expiresAt: flow.expiresAt,
      });
      await this.deps.store.markSent(flowId, messageId);
      this.deps.logger.info({ ...log, messageId }, 'code sent');
      return { ok: true, maskedNumber: log.phone };
    } catch (error) {
      await this.deps.store.markSendFailed(flowId);
      const reason = error instanceof SmsGatewayError ? error.reason : 'unavailable';
      this.deps.logger.warn({ ...log, reason, err: describe(error) }, 'code not sent');
      return { ok: false, reason };
    }
  }

  /**
   * The local half of a code check, before Slack's ack: binding, state and format gates, then
   * the attempt is counted before anything is compared.
   */
  async beginCheck(member: Member, flowId: string, codeInput: string): Promise<CheckStart> {
    const flow = await this.deps.store.findFlow(flowId);
    if (!flow || !isOwnedBy(flow, member)) return { kind: 'unknown_flow' };
    const problem = this.problemOf(flow);
    if (problem) return { kind: problem };
    const code = codeInput.trim();
    if (!isWellFormedCode(code, this.deps.settings.codeLength)) {
      return { kind: 'malformed', codeLength: this.deps.settings.codeLength };
    }
    const attempt = await this.deps.store.claimAttempt(flowId, this.deps.settings.maxAttempts, this.nowSeconds());
    if (attempt === undefined) return { kind: (await this.problemAfterRace(flowId)) ?? 'locked' };
    return { kind: 'checking', check: { flow, maskedNumber: maskPhoneNumber(flow.e164), code, attempt } };
  }

  /** The remote half, after Slack's ack: fetch the SMS back from the provider and compare. */
  async finishCheck({ flow, code, attempt }: PendingCheck): Promise<CheckOutcome> {
    const log = { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, phone: maskPhoneNumber(flow.e164) };
    let message: Awaited<ReturnType<SmsGateway['lookup']>>;
    try {
      message = await this.deps.sms.lookup(flow.messageId ?? '');
    } catch (error) {
      await this.deps.store.refundAttempt(flow.id);
      this.deps.logger.warn({ ...log, err: describe(error) }, 'code check postponed: provider lookup failed');
      return { kind: 'lookup_failed' };
    }
    const verdict =
      message && message.to === flow.e164
        ? checkBinding(this.deps.digestKey, bindingOf(flow), message.metadata, code, this.nowSeconds())
        : 'tampered';
    switch (verdict) {
      case 'match':
        return this.complete(flow);
      case 'expired':
        return { kind: 'expired' };
      case 'tampered':
        await this.deps.store.lock(flow.id);
        this.deps.logger.error(log, 'message metadata does not match its flow; flow locked');
        return { kind: 'locked' };
      case 'wrong_code': {
        const attemptsLeft = this.deps.settings.maxAttempts - attempt;
        this.deps.logger.info({ ...log, attempt, attemptsLeft }, 'wrong code');
        if (attemptsLeft > 0) return { kind: 'wrong_code', attemptsLeft };
        await this.deps.store.lock(flow.id);
        this.deps.logger.warn(log, 'attempts used up; flow locked');
        return { kind: 'locked' };
      }
    }
  }

  async statusOf(member: Member): Promise<{ record: VerificationRecord; maskedNumber: string } | undefined> {
    const record = await this.deps.store.findVerification(member);
    return record && { record, maskedNumber: maskPhoneNumber(record.e164) };
  }

  private async complete(flow: Flow): Promise<CheckOutcome> {
    const record: VerificationRecord = {
      teamId: flow.teamId,
      userId: flow.userId,
      e164: flow.e164,
      flowId: flow.id,
      verifiedAt: this.nowSeconds(),
      profileTag: 'pending',
    };
    // Two correct submissions racing: only the one that flips the flow counts.
    if (!(await this.deps.store.completeFlow(flow.id, record))) return { kind: 'already_verified' };
    const maskedNumber = maskPhoneNumber(flow.e164);
    const log = { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, phone: maskedNumber };
    this.deps.logger.info(log, 'phone verified');
    const date = new Date(record.verifiedAt * 1000).toISOString().slice(0, 10);
    const tag = await this.deps.tagger.tag(flow, {
      value: `${maskedNumber} (verified ${date})`,
      alt: `Verified ${date}`,
    });
    await this.deps.store.setProfileTag(flow, flow.id, tag.ok ? 'set' : tag.state);
    if (!tag.ok) this.deps.logger.warn({ ...log, reason: tag.reason }, 'profile tag not set');
    return { kind: 'verified', record: { ...record, profileTag: tag.ok ? 'set' : tag.state }, maskedNumber, tag };
  }

  private problemOf(flow: Flow): FlowProblem | undefined {
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

  /** claimAttempt refused: someone else changed the flow meanwhile, or the last attempt was used. */
  private async problemAfterRace(flowId: string): Promise<FlowProblem | undefined> {
    const flow = await this.deps.store.findFlow(flowId);
    return flow && this.problemOf(flow);
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
