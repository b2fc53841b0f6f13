import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { homeView } from '../../views/home';

const ACTIVITY_LINES = 15;

/** Home tab opened: the member's status, and for workspace admins the newest audit events. */
export function appHomeOpened({ verification, logger }: ListenerDependencies) {
  return async ({ event, body, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const member = { teamId: body.team_id, userId: event.user };
    try {
      const status = await verification.status.statusOf(member);
      const { user } = await client.users.info({ user: event.user });
      const isAdmin = Boolean(user?.is_admin || user?.is_owner);
      const activity = isAdmin ? await verification.status.recentActivity(member.teamId, ACTIVITY_LINES) : undefined;
      await client.views.publish({ user_id: event.user, view: homeView({ status, ...(activity && { activity }) }) });
    } catch (error) {
      logger.warn({ ...member, err: error }, 'publishing the Home tab failed');
    }
  };
}
