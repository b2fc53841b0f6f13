import type { AdminSettings } from '../config/admin';
import { AuditTrail, type DomainLogger } from '../verification/audit-trail';
import { secondsOf } from '../verification/flow-rules';
import type { AuditObserver, Clock, VerificationStore } from '../verification/ports';
import { AdminGuard } from './admin-guard';
import { AdminConsole } from './console';
import { Exports } from './exports';
import type { AdminDirectory, ExportSender, RequestMessenger } from './ports';
import { VerificationRequests } from './requests';

export interface AdminDependencies {
  readonly store: VerificationStore;
  readonly directory: AdminDirectory;
  readonly messenger: RequestMessenger;
  readonly exportSender: ExportSender;
  readonly settings: AdminSettings;
  readonly logger: DomainLogger;
  readonly clock: Clock;
  readonly observer?: AuditObserver;
}

/** The admin console's use cases. Revoking is the verification side's `ending.revokeByAdmin`. */
export interface AdminUseCases {
  readonly guard: AdminGuard;
  readonly console: AdminConsole;
  readonly exports: Exports;
  readonly requests: VerificationRequests;
}

export function createAdminUseCases(deps: AdminDependencies): AdminUseCases {
  const { store, settings } = deps;
  const nowSeconds = secondsOf(deps.clock);
  const audit = new AuditTrail(store, deps.logger, nowSeconds, deps.observer);
  return {
    guard: new AdminGuard(deps.directory, audit),
    console: new AdminConsole(store.admin, settings, nowSeconds),
    exports: new Exports({
      records: store.admin,
      auditLog: store,
      sender: deps.exportSender,
      audit,
      fullNumbers: settings.exportFullNumbers,
      nowSeconds,
    }),
    requests: new VerificationRequests({
      queue: store.admin,
      records: store,
      messenger: deps.messenger,
      audit,
      nowSeconds,
    }),
  };
}
