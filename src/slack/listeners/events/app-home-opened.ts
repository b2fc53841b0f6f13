import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { homeView } from '../../views/home';

/** Home tab opened: publish the member's current status. */
export function appHomeOpened({ verification }: ListenerDependencies) {
  return async ({ event, body, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const status = await verification.statusOf({ teamId: body.team_id, userId: event.user });
    const view = homeView(status && { maskedNumber: status.maskedNumber, ...status.record });
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.warn('views.publish of the Home tab failed', error);
    }
  };
}
