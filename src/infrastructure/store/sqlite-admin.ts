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
import type { SqliteConnection } from './sqlite-connection';

/** The SQLite side of the admin console; shares the store's connection. */
export class SqliteAdmin implements AdminStore {
  constructor(private readonly connection: SqliteConnection) {}

  async figures(teamId: string, nowSeconds: number): Promise<StoredFigures> {
    const week = nowSeconds - WINDOW.week;
    return this.connection.db
      .transaction(() =>
        figuresFrom(
          this.connection.sql(WEEK_COUNTS_SQL).all(teamId, week) as { type: string; n: number }[],
          this.connection.sql(SCALAR_FIGURES_SQL).get(...scalarFigureParams(teamId, nowSeconds)) as ScalarFiguresRow,
          this.connection.sql(REFUSED_COUNTRIES_SQL).all(teamId, week) as { country: string; n: number }[],
        ),
      )
      .deferred();
  }

  async retryTagsNow(teamId: string, nowSeconds: number): Promise<number> {
    return this.connection.db
      .transaction(() => {
        const due = this.connection.sql(RETRY_TAGS_SQL.due).run(nowSeconds, teamId).changes;
        return due + this.connection.sql(RETRY_TAGS_SQL.queue).run(nowSeconds, teamId, teamId).changes;
      })
      .immediate();
  }

  async exportRecords(teamId: string): Promise<ExportRecord[]> {
    return (this.connection.sql(EXPORT_RECORDS_SQL).all(teamId) as ExportRow[]).map(fromExportRow);
  }

  async enqueueRequests(batch: NewBatch, userIds: readonly string[]): Promise<number> {
    return this.connection.db
      .transaction(() => {
        this.connection.sql(REQUEST_SQL.batch).run(batch.id, batch.teamId, batch.requesterId, batch.createdAt);
        const insert = this.connection.sql(REQUEST_SQL.request);
        let queued = 0;
        for (const userId of userIds) {
          queued += insert.run(batch.id, batch.teamId, userId, batch.requesterId, batch.createdAt).changes;
        }
        return queued;
      })
      .immediate();
  }

  async claimRequest(nowSeconds: number, leaseSeconds: number) {
    const row = this.connection.sql(claimRequestSql()).get(nowSeconds + leaseSeconds, nowSeconds) as
      | RequestRow
      | undefined;
    return row && fromRequestRow(row);
  }

  async settleRequest(id: number, state: Exclude<RequestState, 'queued'>): Promise<void> {
    this.connection.sql(REQUEST_SQL.settle).run(state, id);
  }

  async retryRequestLater(id: number, runAt: number, lastError: string): Promise<void> {
    this.connection.sql(REQUEST_SQL.later).run(runAt, lastError, id);
  }

  async finishBatch(batchId: string): Promise<BatchReport | undefined> {
    return this.connection.db
      .transaction(() => {
        if (this.connection.sql(REQUEST_SQL.queued).get(batchId)) return undefined;
        const counts = this.connection.sql(REQUEST_SQL.counts).all(batchId) as { state: string; n: number }[];
        const batch = this.connection.sql(REQUEST_SQL.deleteBatch).get(batchId) as
          | { team_id: string; requester_id: string }
          | undefined;
        if (!batch) return undefined;
        this.connection.sql(REQUEST_SQL.deleteRequests).run(batchId);
        return reportFrom(batch, counts);
      })
      .immediate();
  }
}
