import type { Member, ProfileTagState } from '../verification/model';

// The admin console's data: plain values, no Slack shapes.

/** The windows the console's counts cover, in seconds. */
export const WINDOW = { day: 86_400, week: 7 * 86_400 } as const;

/** A country refused by VERIFY_ALLOWED_COUNTRIES, and how often in the last week. */
export interface CountryCount {
  readonly country: string;
  readonly count: number;
}

/** What the store counts for one workspace; every count but the first two covers the last week. */
export interface StoredFigures {
  /** Members whose verification is current. */
  readonly verifiedMembers: number;
  readonly verifiedLastDay: number;
  readonly verifiedLastWeek: number;
  /** First sends and resends by SMS. */
  readonly smsSent: number;
  readonly callsMade: number;
  /** Distinct flows that had at least one code sent or called. */
  readonly flowsWithCode: number;
  /** Distinct flows, among those, that ended verified. */
  readonly flowsVerified: number;
  /** Sends the provider refused, and messages it reported undelivered. */
  readonly deliveryFailures: number;
  readonly rateLimited: number;
  /** Most refused first; at most a handful. */
  readonly refusedCountries: readonly CountryCount[];
  /** Profile-tag retry jobs waiting. */
  readonly tagJobsPending: number;
  /** Current verifications whose badge could not be set. */
  readonly tagsFailed: number;
}

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface ConsoleFigures extends StoredFigures {
  /** Verified ÷ flows that sent a code; undefined before any code was sent. */
  readonly conversion: number | undefined;
  /** Codes sent × their configured prices, one line per currency; empty when no price is set. */
  readonly spend: readonly Money[];
}

/** A verification record as exported: any status. */
export interface ExportRecord {
  readonly userId: string;
  readonly e164: string;
  readonly status: 'verified' | 'revoked' | 'expired';
  readonly verifiedAt: number;
  readonly endedAt: number | null;
  readonly profileTag: ProfileTagState;
}

/** queued → asked (DM sent) | skipped (already verified) | failed (could not be messaged). */
export type RequestState = 'queued' | 'asked' | 'skipped' | 'failed';

/** One member to ask to verify, for one admin's batch. */
export interface VerificationRequest extends Member {
  readonly id: number;
  readonly batchId: string;
  readonly requesterId: string;
  /** Tries so far, this one included. */
  readonly attempts: number;
}

export interface NewBatch {
  readonly id: string;
  readonly teamId: string;
  readonly requesterId: string;
  readonly createdAt: number;
}

/** How a finished batch went, for the admin who asked. */
export interface BatchReport {
  readonly teamId: string;
  readonly requesterId: string;
  readonly asked: number;
  readonly skipped: number;
  readonly failed: number;
}
