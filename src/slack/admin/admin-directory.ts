import type { AdminDirectory } from '../../admin/ports';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { AppLogger } from '../../logger';
import { LruMap } from '../../shared/lru-map';
import { withTimeout } from '../../shared/with-timeout';
import type { Member } from '../../verification/model';
import type { Clock } from '../../verification/ports';
import type { BotClientFor } from '../member-notifier';
import { isWorkspaceAdmin } from '../workspace-roles';

/** How long a member's role, as `users.info` gave it, is believed. */
const ADMIN_CACHE_MS = 5 * 60_000;
/** Members remembered at once, as for their languages: the least recently asked for goes first. */
const MAX_CACHED = 10_000;
/**
 * A lookup slower than this is not an admin, this time: the check can run before a modal submission's
 * ack (3 s), and an admin whose role expired from the cache mid-modal must not make Slack wait.
 */
const LOOKUP_TIMEOUT_MS = 1_000;

/**
 * Admins are the workspace's Admins and Owners (`users.info`, cached a few minutes so the Home tab
 * and each action cost no call) and the members listed in SLACK_ADMIN_USERS. When Slack cannot be
 * asked, the answer is no, and it is not cached.
 */
export class SlackAdminDirectory implements AdminDirectory {
  private readonly cache = new LruMap<string, { readonly admin: boolean; readonly until: number }>(MAX_CACHED);
  private readonly configured: ReadonlySet<string>;

  constructor(
    private readonly botClientFor: BotClientFor,
    configured: readonly string[],
    private readonly clock: Clock,
    private readonly logger: AppLogger,
  ) {
    this.configured = new Set(configured);
  }

  async isAdmin(member: Member): Promise<boolean> {
    if (this.configured.has(member.userId)) return true;
    const key = `${member.teamId}:${member.userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.clock()) return cached.admin;
    try {
      const client = await this.botClientFor(member.teamId);
      if (!client) return false;
      const admin = await withTimeout(isWorkspaceAdmin(client, member.userId), LOOKUP_TIMEOUT_MS);
      if (admin === undefined) return false;
      this.cache.set(key, { admin, until: this.clock() + ADMIN_CACHE_MS });
      return admin;
    } catch (error) {
      this.logger.warn({ ...member, slackError: slackErrorCode(error) }, 'users.info failed: not treated as an admin');
      return false;
    }
  }
}
