import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { publishHome } from '../publish-home';
import { adminBehind } from './admin-member';

/** "Retry now": the workspace's profile tags are due at once; the Home tab shows the new figures. */
export function retryTags(deps: ListenerDependencies) {
  return async ({ ack, body, client, context }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const admin = await adminBehind(deps, body, 'retry_tags');
    if (!admin) return;
    try {
      await deps.admin.console.retryTags(admin.teamId);
      await publishHome(deps, client, admin, context.installerUserId);
    } catch (error) {
      deps.logger.warn({ ...admin, err: error }, 'retrying the profile tags failed');
    }
  };
}
