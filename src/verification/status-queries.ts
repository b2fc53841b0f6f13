import type { AuditEvent, Member, VerificationRecord } from './model';
import { maskPhoneNumber } from './phone-number';
import type { AuditLogStore, VerificationRecordStore } from './ports';

export interface MemberStatus extends VerificationRecord {
  readonly maskedNumber: string;
}

/** Read-only views of the records, for the Home tab. */
export class StatusQueries {
  constructor(private readonly store: VerificationRecordStore & AuditLogStore) {}

  async statusOf(member: Member): Promise<MemberStatus | undefined> {
    const record = await this.store.findVerification(member);
    return record && { ...record, maskedNumber: maskPhoneNumber(record.e164) };
  }

  /** The workspace's audit log, newest first, for its admins. */
  recentActivity(teamId: string, limit: number): Promise<AuditEvent[]> {
    return this.store.listAudit(teamId, limit);
  }
}
