import type { App } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { ADMIN_ACTION, ADMIN_CALLBACK } from '../../views/admin/ids';
import { exportRequested } from './export-requested';
import { openRequest } from './open-request';
import { openRevoke } from './open-revoke';
import { requestSubmitted } from './request-submitted';
import { retryTags } from './retry-tags';
import { revokeConfirmed } from './revoke-confirmed';
import { revokePicked } from './revoke-picked';

/** The admin console's listeners; each checks that its member is an admin at the moment it runs. */
export function registerAdminListeners(app: App, deps: ListenerDependencies): void {
  app.action(ADMIN_ACTION.openRevoke, openRevoke(deps));
  app.action(ADMIN_ACTION.openRequest, openRequest(deps));
  app.action(ADMIN_ACTION.export, exportRequested(deps));
  app.action(ADMIN_ACTION.retryTags, retryTags(deps));
  app.view(ADMIN_CALLBACK.revokePick, revokePicked(deps));
  app.view(ADMIN_CALLBACK.revokeConfirm, revokeConfirmed(deps));
  app.view(ADMIN_CALLBACK.request, requestSubmitted(deps));
}
