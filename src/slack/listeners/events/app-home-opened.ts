import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { homeView } from '../../views/home';

const ACTIVITY_LINES = 15;

/** Home tab opened: the member's status, and for workspace admins the newest audit events. */
export function appHomeOpened({ verification }: ListenerDependencies) {
  return async ({ event, body, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const member = { teamId: body.team_id, userId: event.user };
    try {
      const found = await verification.statusOf(member);
      const status = found && { maskedNumber: found.maskedNumber, ...found.record };
      const { user } = await client.users.info({ user: event.user });
      const isAdmin = Boolean(user?.is_admin || user?.is_owner);
      const activity = isAdmin ? await verification.recentActivity(member.teamId, ACTIVITY_LINES) : undefined;
      await client.views.publish({ user_id: event.user, view: homeView({ status, ...(activity && { activity }) }) });
    } catch (error) {
      logger.warn('publishing the Home tab failed', error);
    }
  };
}
