import type { webApi } from '@slack/bolt';

/** Whether a member is a workspace Admin or Owner: who may read the audit log, and whose token can tag. */
export async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner);
}

/**
 * OAuth installs only (authorize puts `installerUserId` in the context): tagging writes profiles with
 * the installer's user token, which only works when the installer is an Admin or Owner.
 */
export async function installerCannotTag(client: webApi.WebClient, installerUserId: unknown): Promise<boolean> {
  return typeof installerUserId === 'string' && !(await isWorkspaceAdmin(client, installerUserId));
}
