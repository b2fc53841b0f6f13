import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { adminBehind } from './admin-member';

/** "Export CSV": the records and the audit log go to the admin's DM as two files. */
export function exportRequested(deps: ListenerDependencies) {
  return async ({ ack, body }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const admin = await adminBehind(deps, body, 'export');
    if (!admin) return;
    await deps.admin.exports.send(admin).catch((error: unknown) => {
      deps.logger.error({ ...admin, err: error }, 'the export could not be sent');
    });
  };
}
