import type { webApi } from '@slack/bolt';
import { type Messages, messagesFor } from '../../messages/catalog';
import { DEFAULT_LOCALE, type Locale, resolveLocale } from '../../messages/locales';
import { LruMap } from '../../shared/lru-map';
import { withTimeout } from '../../shared/with-timeout';
import type { Member } from '../../verification/model';

export interface MemberLocaleOptions {
  /** How long a member's locale is trusted; they rarely change it. */
  readonly ttlMs?: number;
  /** Members remembered at once; the least recently asked for is forgotten first. */
  readonly maxEntries?: number;
  /** A lookup slower than this answers the default: it runs while a trigger id (3 s) ages. */
  readonly timeoutMs?: number;
  readonly nowMs?: () => number;
}

interface Cached {
  readonly locale: Locale;
  readonly expiresAt: number;
}

/**
 * The language each member reads, from `users.info` with `include_locale` (through the request's
 * own bot client, so each workspace's token), cached per member. Any failure reads English, and is
 * not cached, so the next request asks again.
 */
export class MemberLocales {
  private readonly cache: LruMap<string, Cached>;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;

  constructor(options: MemberLocaleOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.cache = new LruMap(options.maxEntries ?? 10_000);
    this.timeoutMs = options.timeoutMs ?? 1_000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  async messagesOf(client: webApi.WebClient, member: Member): Promise<Messages> {
    return messagesFor(await this.localeOf(client, member));
  }

  private async localeOf(client: webApi.WebClient, member: Member): Promise<Locale> {
    const key = `${member.teamId}:${member.userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.nowMs()) return cached.locale;
    const locale = await this.lookUp(client, member.userId);
    if (locale) this.cache.set(key, { locale, expiresAt: this.nowMs() + this.ttlMs });
    return locale ?? DEFAULT_LOCALE;
  }

  private lookUp(client: webApi.WebClient, userId: string): Promise<Locale | undefined> {
    const answer = client.users.info({ user: userId, include_locale: true }).then(
      ({ user }) => resolveLocale(user?.locale),
      () => undefined,
    );
    return withTimeout(answer, this.timeoutMs);
  }
}
