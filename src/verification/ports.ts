import type { Member } from './flow-reference';
import type { MessageMetadata } from './message-binding';

/**
 * sending → pending → verified, or sending → send_failed, or pending → locked (attempts used up).
 * Expiry is not a status: it is read from `expiresAt` so it needs no sweeper.
 */
export type FlowStatus = 'sending' | 'send_failed' | 'pending' | 'locked' | 'verified';

export interface Flow extends Member {
  readonly id: string;
  readonly e164: string;
  readonly messageId: string | null;
  readonly status: FlowStatus;
  readonly attempts: number;
  /** Unix seconds. */
  readonly createdAt: number;
  /** Unix seconds. */
  readonly expiresAt: number;
}

export type ProfileTagState = 'pending' | 'set' | 'failed' | 'not_configured';

export interface VerificationRecord extends Member {
  readonly e164: string;
  readonly flowId: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
  readonly profileTag: ProfileTagState;
}

export type NewFlow = Omit<Flow, 'messageId' | 'status' | 'attempts'>;

/** Bookkeeping only: nothing here is a secret. Every state change is atomic in the store. */
export interface VerificationStore {
  /** Inserts a flow in `sending`; false when the id already exists (a repeated submission). */
  createFlow(flow: NewFlow): Promise<boolean>;
  findFlow(id: string): Promise<Flow | undefined>;
  markSent(id: string, messageId: string): Promise<void>;
  markSendFailed(id: string): Promise<void>;
  /** Counts one attempt if the flow is pending, unexpired and under `maxAttempts`; returns the new count. */
  claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined>;
  /** Gives back an attempt that could not be judged (the provider lookup failed). */
  refundAttempt(id: string): Promise<void>;
  lock(id: string): Promise<void>;
  /** pending → verified and the member's record written, together; false if the flow was not pending. */
  completeFlow(id: string, record: VerificationRecord): Promise<boolean>;
  setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void>;
  findVerification(member: Member): Promise<VerificationRecord | undefined>;
  close(): Promise<void>;
}

export interface OutgoingSms {
  readonly to: string;
  readonly text: string;
  readonly metadata: MessageMetadata;
  /** Unix seconds: the provider drops the SMS if it is not delivered by then. */
  readonly expiresAt: number;
}

export interface DeliveredSms {
  readonly to: string;
  readonly metadata: MessageMetadata | undefined;
}

/** Why talking to the SMS provider failed, without any provider detail that could leak. */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    readonly reason: 'rejected' | 'unavailable' | 'unconfirmed',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SmsGatewayError';
  }
}

export interface SmsGateway {
  /** Returns the provider's message id. Throws SmsGatewayError. */
  send(sms: OutgoingSms): Promise<string>;
  /** The message as the provider holds it, or undefined if it does not know the id. Throws SmsGatewayError. */
  lookup(messageId: string): Promise<DeliveredSms | undefined>;
}

export type TagResult = { ok: true } | { ok: false; reason: string; state: 'failed' | 'not_configured' };

/** Marks a member's Slack profile as phone-verified. Never throws: a refusal is a result. */
export interface ProfileTagger {
  tag(member: Member, label: { value: string; alt: string }): Promise<TagResult>;
}

export type Clock = () => number;
