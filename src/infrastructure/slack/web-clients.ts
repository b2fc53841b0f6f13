import type { webApi } from '@slack/bolt';
import { createWebClient } from './web-client';

/** Workspaces whose clients are kept; the least recently used goes first. */
const MAX_CLIENTS = 1_000;

/** One client per bot token and workspace, as Bolt keeps one of its own, but ours (see LeanWebClient). */
export class WebClients {
  private readonly byKey = new Map<string, webApi.WebClient>();

  constructor(
    private readonly slackApiUrl: string,
    private readonly fetch: typeof globalThis.fetch,
  ) {}

  forToken(token: string, teamId: string | undefined): webApi.WebClient {
    const key = `${teamId ?? ''} ${token}`;
    const client = this.byKey.get(key) ?? createWebClient(token, this.slackApiUrl, this.fetch, teamId);
    this.byKey.delete(key);
    this.byKey.set(key, client);
    if (this.byKey.size > MAX_CLIENTS) this.byKey.delete(this.byKey.keys().next().value ?? '');
    return client;
  }
}
