import type { BlockAction, SlackViewAction } from '@slack/bolt';
import type { AdminAction } from '../../../admin/admin-guard';
import type { Member } from '../../../verification/model';
import type { ListenerDependencies } from '../../dependencies';
import { memberOf } from '../member';

/** The member behind an admin action, if they are an admin now; a refusal is audited by the guard. */
export async function adminBehind(
  { admin }: ListenerDependencies,
  body: BlockAction | SlackViewAction,
  action: AdminAction,
): Promise<Member | undefined> {
  const member = memberOf(body);
  return (await admin.guard.allows(member, action)) ? member : undefined;
}
