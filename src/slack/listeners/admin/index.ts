import type { ListenerDependencies } from '../../dependencies';
import { ADMIN_ACTION, ADMIN_CALLBACK } from '../../views/admin/ids';
import type { ActionListener, ViewListener } from '../routes';
import { exportRequested } from './export-requested';
import { openRequest } from './open-request';
import { openRevoke } from './open-revoke';
import { requestSubmitted } from './request-submitted';
import { retryTags } from './retry-tags';
import { revokeConfirmed } from './revoke-confirmed';
import { revokePicked } from './revoke-picked';

/** The admin console's buttons; each listener checks that its member is an admin at the moment it runs. */
export function adminActions(deps: ListenerDependencies): Record<string, ActionListener> {
  return {
    [ADMIN_ACTION.openRevoke]: openRevoke(deps),
    [ADMIN_ACTION.openRequest]: openRequest(deps),
    [ADMIN_ACTION.export]: exportRequested(deps),
    [ADMIN_ACTION.retryTags]: retryTags(deps),
  };
}

/** The admin console's modal submissions, each re-checking the admin too. */
export function adminViews(deps: ListenerDependencies): Record<string, ViewListener> {
  return {
    [ADMIN_CALLBACK.revokePick]: revokePicked(deps),
    [ADMIN_CALLBACK.revokeConfirm]: revokeConfirmed(deps),
    [ADMIN_CALLBACK.request]: requestSubmitted(deps),
  };
}
