import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { homeView } from '../../views/home';
import { installerCannotTag, isWorkspaceAdmin } from '../../workspace-roles';

const ACTIVITY_LINES = 15;

/** Home tab opened: the member's status, and for workspace admins the newest audit events. */
export function appHomeOpened({ verification, locales, logger }: ListenerDependencies) {
  return async ({ event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const member = { teamId: body.team_id, userId: event.user };
    try {
      const status = await verification.status.statusOf(member);
      const isAdmin = await isWorkspaceAdmin(client, event.user);
      const activity = isAdmin ? await verification.status.recentActivity(member.teamId, ACTIVITY_LINES) : undefined;
      const reinstallNeeded = isAdmin && (await installerCannotTag(client, context.installerUserId));
      const t = await locales.messagesOf(client, member);
      const view = homeView(t, { status, ...(activity && { activity }), reinstallNeeded });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.warn({ ...member, err: error }, 'publishing the Home tab failed');
    }
  };
}
