import type { webApi } from '@slack/bolt';
import type { Member } from '../../verification/model';
import type { ListenerDependencies } from '../dependencies';
import { homeView } from '../views/home';
import { installerCannotTag } from '../workspace-roles';

const ACTIVITY_LINES = 15;

/** Publishes the member's Home tab: their status, and for admins the console and the newest audit events. */
export async function publishHome(
  { verification, admin, limits, locales }: ListenerDependencies,
  client: webApi.WebClient,
  member: Member,
  installerUserId: unknown,
): Promise<void> {
  const status = await verification.status.statusOf(member);
  const t = await locales.messagesOf(client, member);
  const view = (await admin.guard.isAdmin(member))
    ? homeView(t, {
        status,
        console: { figures: await admin.console.figures(member.teamId), limits },
        activity: await verification.status.recentActivity(member.teamId, ACTIVITY_LINES),
        reinstallNeeded: await installerCannotTag(client, installerUserId),
      })
    : homeView(t, { status });
  await client.views.publish({ user_id: member.userId, view });
}
