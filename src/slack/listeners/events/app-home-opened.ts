import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { publishHome } from '../publish-home';

/** Home tab opened: the member's status, and for admins the console and the newest audit events. */
export function appHomeOpened(deps: ListenerDependencies) {
  return async ({ event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const member = { teamId: body.team_id, userId: event.user };
    try {
      await publishHome(deps, client, member, context.installerUserId);
    } catch (error) {
      deps.logger.warn({ ...member, err: error }, 'publishing the Home tab failed');
    }
  };
}
