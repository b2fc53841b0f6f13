import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';

/**
 * `user_change`: a deactivated member's verification is revoked, in any mode; with the profile
 * phone synced, a phone field that no longer holds the verified number revokes it too. Slack sends
 * no event for custom fields, so the phone field is what ties the badge to the member's own edits.
 */
export function userChanged({ verification, logger }: ListenerDependencies) {
  return async ({ event, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'user_change'>) => {
    const { user } = event;
    const member = { teamId: user.team_id || body.team_id, userId: user.id };
    try {
      if (user.deleted) await verification.ending.deactivated(member);
      else await verification.ending.profileChanged(member, user.profile.phone ?? '');
    } catch (error) {
      logger.error({ ...member, err: error }, 'handling user_change failed');
    }
  };
}
