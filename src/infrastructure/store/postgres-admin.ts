import type { Pool } from 'pg';
import type { BatchReport, ExportRecord, NewBatch, RequestState, StoredFigures } from '../../admin/model';
import { WINDOW } from '../../admin/model';
import type { AdminStore } from '../../admin/ports';
import {
  claimRequestSql,
  EXPORT_RECORDS_SQL,
  type ExportRow,
  figuresFrom,
  fromExportRow,
  fromRequestRow,
  REFUSED_COUNTRIES_SQL,
  REQUEST_SQL,
  RETRY_TAGS_SQL,
  type RequestRow,
  reportFrom,
  SCALAR_FIGURES_SQL,
  type ScalarFiguresRow,
  scalarFigureParams,
  WEEK_COUNTS_SQL,
} from './admin-sql';
import { inLockedTransaction } from './postgres-transaction';

/** `?` placeholders as PostgreSQL's `$1, $2…`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The PostgreSQL side of the admin console; shares the store's pool. A request is claimed with
 * SKIP LOCKED, and a batch is reported by whichever replica deletes its row.
 */
export class PostgresAdmin implements AdminStore {
  constructor(private readonly pool: Pool) {}

  async figures(teamId: string, nowSeconds: number): Promise<StoredFigures> {
    const week = nowSeconds - WINDOW.week;
    const [weekRows, scalars, countries] = await Promise.all([
      this.rows<{ type: string; n: string }>(WEEK_COUNTS_SQL, [teamId, week]),
      this.rows<ScalarFiguresRow>(SCALAR_FIGURES_SQL, scalarFigureParams(teamId, nowSeconds)),
      this.rows<{ country: string; n: string }>(REFUSED_COUNTRIES_SQL, [teamId, week]),
    ]);
    return figuresFrom(weekRows, scalars[0] as ScalarFiguresRow, countries);
  }

  async retryTagsNow(teamId: string, nowSeconds: number): Promise<number> {
    return inLockedTransaction(this.pool, [], async (client) => {
      const due = await client.query(numbered(RETRY_TAGS_SQL.due), [nowSeconds, teamId]);
      const queued = await client.query(numbered(RETRY_TAGS_SQL.queue), [nowSeconds, teamId, teamId]);
      return (due.rowCount ?? 0) + (queued.rowCount ?? 0);
    });
  }

  async exportRecords(teamId: string): Promise<ExportRecord[]> {
    return (await this.rows<ExportRow>(EXPORT_RECORDS_SQL, [teamId])).map(fromExportRow);
  }

  async enqueueRequests(batch: NewBatch, userIds: readonly string[]): Promise<number> {
    return inLockedTransaction(this.pool, [], async (client) => {
      await client.query(numbered(REQUEST_SQL.batch), [batch.id, batch.teamId, batch.requesterId, batch.createdAt]);
      let queued = 0;
      for (const userId of userIds) {
        const values = [batch.id, batch.teamId, userId, batch.requesterId, batch.createdAt];
        queued += (await client.query(numbered(REQUEST_SQL.request), values)).rowCount ?? 0;
      }
      return queued;
    });
  }

  async claimRequest(nowSeconds: number, leaseSeconds: number) {
    const [row] = await this.rows<RequestRow>(claimRequestSql('FOR UPDATE SKIP LOCKED'), [
      nowSeconds + leaseSeconds,
      nowSeconds,
    ]);
    return row && fromRequestRow(row);
  }

  async settleRequest(id: number, state: Exclude<RequestState, 'queued'>): Promise<void> {
    await this.rows(REQUEST_SQL.settle, [state, id]);
  }

  async retryRequestLater(id: number, runAt: number, lastError: string): Promise<void> {
    await this.rows(REQUEST_SQL.later, [runAt, lastError, id]);
  }

  async finishBatch(batchId: string): Promise<BatchReport | undefined> {
    return inLockedTransaction(this.pool, [], async (client) => {
      const queued = await client.query(numbered(REQUEST_SQL.queued), [batchId]);
      if (queued.rowCount) return undefined;
      const counts = await client.query<{ state: string; n: string }>(numbered(REQUEST_SQL.counts), [batchId]);
      // Of two replicas here at once, the second waits on the row lock, then deletes nothing.
      const batch = await client.query<{ team_id: string; requester_id: string }>(numbered(REQUEST_SQL.deleteBatch), [
        batchId,
      ]);
      const row = batch.rows[0];
      if (!row) return undefined;
      await client.query(numbered(REQUEST_SQL.deleteRequests), [batchId]);
      return reportFrom(row, counts.rows);
    });
  }

  private async rows<Row extends object>(sql: string, values: readonly unknown[]): Promise<Row[]> {
    return (await this.pool.query(numbered(sql), [...values])).rows as Row[];
  }
}
