import type { webApi } from '@slack/bolt';

/** What an admin picked in "Request verification…"; every part optional. */
export interface AudiencePicks {
  readonly userIds: readonly string[];
  readonly channelId: string | undefined;
  readonly groupId: string | undefined;
}

/** Slack's page size for `conversations.members`; its cursor walks the rest. */
const PAGE_SIZE = 200;

/**
 * The members behind the picks: the members named, a channel's (`conversations.members`, page by
 * page), a user group's (`usergroups.users.list`). Without the app's own bot user, and each once.
 */
export async function resolveAudience(
  client: webApi.WebClient,
  picks: AudiencePicks,
  botUserId: string | undefined,
): Promise<string[]> {
  const members = new Set(picks.userIds);
  if (picks.channelId) for (const id of await channelMembers(client, picks.channelId)) members.add(id);
  if (picks.groupId) {
    const { users = [] } = await client.usergroups.users.list({ usergroup: picks.groupId });
    for (const id of users) members.add(id);
  }
  if (botUserId) members.delete(botUserId);
  return [...members];
}

async function channelMembers(client: webApi.WebClient, channel: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, limit: PAGE_SIZE, ...(cursor && { cursor }) });
    members.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return members;
}

/** The workspace's user groups, for the picker; none when Slack will not list them (no scope, a free plan). */
export async function userGroups(client: webApi.WebClient): Promise<{ id: string; name: string }[]> {
  try {
    const { usergroups = [] } = await client.usergroups.list({});
    return usergroups.flatMap((group) => (group.id && group.name ? [{ id: group.id, name: group.name }] : []));
  } catch {
    return [];
  }
}
