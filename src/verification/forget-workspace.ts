import type { AuditTrail } from './audit-trail';
import type { WorkspaceStore } from './ports';
import { workspaceBuckets } from './rate-limits';

/**
 * A workspace uninstalled the app (or revoked its tokens): what is in flight there goes at once, its
 * unfinished flows, budgets and tag retries. Verification records stay, and so does the audit log,
 * which gains the event.
 */
export class ForgetWorkspace {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly audit: AuditTrail,
  ) {}

  /** `userId`: who the event names, or the empty string when no one. */
  async forget(teamId: string, userId: string, reason: string): Promise<void> {
    await this.store.forgetWorkspace(teamId, workspaceBuckets(teamId));
    await this.audit.record('workspace_uninstalled', { teamId, userId }, reason);
  }
}
