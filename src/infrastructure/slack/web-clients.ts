import type { webApi } from '@slack/bolt';
import { LruMap } from '../../shared/lru-map';
import { createWebClient } from './web-client';

/** Workspaces whose clients are kept; the least recently used goes first. */
const MAX_CLIENTS = 1_000;

/** One client per bot token and workspace, as Bolt keeps one of its own, but ours (see LeanWebClient). */
export class WebClients {
  private readonly byKey = new LruMap<string, webApi.WebClient>(MAX_CLIENTS);

  constructor(
    private readonly slackApiUrl: string,
    private readonly fetch: typeof globalThis.fetch,
  ) {}

  forToken(token: string, teamId: string | undefined): webApi.WebClient {
    const key = `${teamId ?? ''} ${token}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const client = createWebClient(token, this.slackApiUrl, this.fetch, teamId);
    this.byKey.set(key, client);
    return client;
  }
}
