import type { AuditTrail } from '../verification/audit-trail';
import type { Member } from '../verification/model';
import type { AdminDirectory } from './ports';

/** Console actions, as the refusal audit line names them. */
export type AdminAction = 'open_revoke' | 'revoke' | 'open_request' | 'request' | 'export' | 'retry_tags';

/**
 * Asked at the moment of every admin action, on the server: a button payload proves nothing about
 * who pressed it, so a non-admin who forges one gets nothing but an audit line.
 */
export class AdminGuard {
  constructor(
    private readonly directory: AdminDirectory,
    private readonly audit: AuditTrail,
  ) {}

  isAdmin(member: Member): Promise<boolean> {
    return this.directory.isAdmin(member);
  }

  async allows(member: Member, action: AdminAction): Promise<boolean> {
    if (await this.directory.isAdmin(member)) return true;
    await this.audit.record('admin_action_refused', member, action);
    return false;
  }
}
