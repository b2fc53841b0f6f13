import type { BlockAction, SlackViewAction } from '@slack/bolt';
import type { Member } from '../../verification/model';

/** The member behind a modal interaction; `team` is null for org-wide installs, so fall back to the user's team. */
export function memberOf(body: SlackViewAction | BlockAction): Member {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id };
}
