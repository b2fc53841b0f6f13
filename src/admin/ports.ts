import type { Member } from '../verification/model';
import type { BatchReport, ExportRecord, NewBatch, RequestState, StoredFigures, VerificationRequest } from './model';

/** The console's read side: indexed counts over the audit log, the records and the tag jobs. */
export interface ConsoleFiguresStore {
  figures(teamId: string, nowSeconds: number): Promise<StoredFigures>;
  /**
   * Makes the workspace's tag jobs due now, and queues a new one for each current record whose
   * badge failed; how many jobs are due.
   */
  retryTagsNow(teamId: string, nowSeconds: number): Promise<number>;
  /** Every record of the workspace, any status, oldest first. */
  exportRecords(teamId: string): Promise<ExportRecord[]>;
}

/** The durable, paced queue of "please verify" DMs; claims are leased, so replicas share it. */
export interface RequestQueueStore {
  /** Creates the batch and queues each member once; how many were queued. */
  enqueueRequests(batch: NewBatch, userIds: readonly string[]): Promise<number>;
  /** Leases the oldest due queued request for `leaseSeconds`, counting the attempt. */
  claimRequest(nowSeconds: number, leaseSeconds: number): Promise<VerificationRequest | undefined>;
  settleRequest(id: number, state: Exclude<RequestState, 'queued'>): Promise<void>;
  retryRequestLater(id: number, runAt: number, lastError: string): Promise<void>;
  /**
   * Marks the batch reported once none of its requests is queued; its counts, returned to one
   * caller only, so one replica tells the admin.
   */
  finishBatch(batchId: string): Promise<BatchReport | undefined>;
}

export interface AdminStore extends ConsoleFiguresStore, RequestQueueStore {}

/** Who may use the console: the workspace's Admins and Owners, and the configured members. */
export interface AdminDirectory {
  isAdmin(member: Member): Promise<boolean>;
}

export type DirectMessageResult =
  | { readonly kind: 'sent' }
  | { readonly kind: 'failed'; readonly reason: string; readonly transient: boolean };

/** The DMs of a verification request. Never throws. */
export interface RequestMessenger {
  /** The "please verify" note with a button that opens the flow. */
  askToVerify(member: Member, requesterId: string): Promise<DirectMessageResult>;
  /** Tells the admin how their batch went. */
  reportBatch(report: BatchReport): Promise<void>;
}

export interface ExportFile {
  readonly filename: string;
  readonly title: string;
  readonly content: string;
}

/** Delivers export files to an admin's DM. Throws when Slack refuses. */
export interface ExportSender {
  send(admin: Member, files: readonly ExportFile[]): Promise<void>;
}
