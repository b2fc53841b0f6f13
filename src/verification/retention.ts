import type { EndVerification } from './end-verification';
import type { RecordLifecycleStore } from './ports';

const DAY_SECONDS = 86_400;
/** Slack retries an event within minutes; a day of event ids is plenty to recognise a retry. */
const EVENT_ID_TTL_SECONDS = DAY_SECONDS;
const EXPIRY_BATCH = 100;

export interface RetentionSettings {
  /** 0: verifications never expire. */
  readonly validDays: number;
  readonly retentionDays: number;
  readonly auditRetentionDays: number;
}

/**
 * The periodic job: expires verifications older than VERIFY_VALID_DAYS and deletes what has
 * outlived its retention. Safe on any number of replicas at once: every step is a conditional
 * statement, and only the replica that expired a record acts on it.
 */
export class Retention {
  constructor(
    private readonly store: RecordLifecycleStore,
    private readonly ending: EndVerification,
    private readonly settings: RetentionSettings,
    private readonly nowSeconds: () => number,
  ) {}

  /** Tells the database the audit log's retention, below which it refuses deletes. */
  configure(): Promise<void> {
    return this.store.setAuditRetention(this.settings.auditRetentionDays * DAY_SECONDS);
  }

  async run(): Promise<void> {
    const now = this.nowSeconds();
    const { validDays, retentionDays, auditRetentionDays } = this.settings;
    if (validDays > 0) await this.ending.expireBefore(now - validDays * DAY_SECONDS, EXPIRY_BATCH);
    await this.store.purge({
      dataBefore: now - retentionDays * DAY_SECONDS,
      auditBefore: now - auditRetentionDays * DAY_SECONDS,
      eventIdsBefore: now - EVENT_ID_TTL_SECONDS,
    });
  }
}
