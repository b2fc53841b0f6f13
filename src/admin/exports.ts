import type { AuditTrail } from '../verification/audit-trail';
import type { AuditEvent, Member } from '../verification/model';
import { maskPhoneNumber } from '../verification/phone-number';
import type { AuditLogStore } from '../verification/ports';
import { toCsv } from './csv';
import type { ExportRecord } from './model';
import type { ConsoleFiguresStore, ExportFile, ExportSender } from './ports';

/** The most audit lines one export carries, newest first; `npm run audit:export` reads further. */
const EXPORT_AUDIT_LIMIT = 100_000;

export interface ExportDependencies {
  readonly records: ConsoleFiguresStore;
  readonly auditLog: AuditLogStore;
  readonly sender: ExportSender;
  readonly audit: AuditTrail;
  /** VERIFY_EXPORT_FULL_NUMBERS: the records carry full E.164 numbers. */
  readonly fullNumbers: boolean;
  readonly nowSeconds: () => number;
}

/** Export: the workspace's verification records and audit log as two CSV files, to the admin's DM. */
export class Exports {
  constructor(private readonly deps: ExportDependencies) {}

  async send(admin: Member): Promise<void> {
    const { sender, audit, fullNumbers, nowSeconds } = this.deps;
    const [records, events] = await Promise.all([
      this.deps.records.exportRecords(admin.teamId),
      this.deps.auditLog.listAudit(admin.teamId, EXPORT_AUDIT_LIMIT),
    ]);
    const day = new Date(nowSeconds() * 1000).toISOString().slice(0, 10);
    const files: ExportFile[] = [
      { filename: `verifications-${day}.csv`, title: 'Verifications', content: recordsCsv(records, fullNumbers) },
      { filename: `audit-log-${day}.csv`, title: 'Audit log', content: auditCsv(events) },
    ];
    await sender.send(admin, files);
    await audit.record('records_exported', admin, fullNumbers ? 'full numbers' : 'masked numbers');
  }
}

const RECORD_COLUMNS = ['user_id', 'number', 'status', 'verified_at', 'ended_at', 'profile_tag'] as const;
const AUDIT_COLUMNS = ['at', 'user_id', 'type', 'flow_id', 'number', 'reason'] as const;

export function recordsCsv(records: readonly ExportRecord[], fullNumbers: boolean): string {
  return toCsv(
    RECORD_COLUMNS,
    records.map((record) => [
      record.userId,
      fullNumbers ? record.e164 : maskPhoneNumber(record.e164),
      record.status,
      isoTime(record.verifiedAt),
      record.endedAt === null ? null : isoTime(record.endedAt),
      record.profileTag,
    ]),
  );
}

/** Audit lines hold masked numbers only, whatever the setting. */
export function auditCsv(events: readonly AuditEvent[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    events.map((event) => [
      isoTime(event.at),
      event.userId,
      event.type,
      event.flowId,
      event.maskedNumber,
      event.reason,
    ]),
  );
}

function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}
