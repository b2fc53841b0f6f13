import { join } from 'node:path';
import type { PostedMessage } from '../../emulators/slack';
import { directMessageChannel } from '../../emulators/slack/web-api';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';
import type { AuditEvent } from '../../src/verification/model';
import type { TestEnvironment } from './environment';
import { withNumber } from './texts';

/** The member verifies `e164` (typed as `number`) all the way to the verified modal. */
export async function verifyMember(env: TestEnvironment, userId: string, number: string, e164: string) {
  const { viewId, code } = await env.reachCodeStep(userId, number, e164);
  const verified = env.waitForModalText(viewId, withNumber('verified.title', e164));
  await env.driver.submitView(viewId, userId, { code_block: code });
  await verified;
}

/** Retries `check` until it stops throwing, or rethrows its last failure after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The member runs `/verify-phone <text>`; resolves with the text the app posted to the response_url. */
export async function subcommandAnswer(env: TestEnvironment, userId: string, text: string): Promise<PostedMessage> {
  const ack = await env.driver.runSlashCommand(userId, '/verify-phone', text);
  if (ack.status !== 200) throw new Error(`command ack was ${ack.status}`);
  const url = ack.responseUrl;
  return eventually(() => {
    const posted = env.slack.messages.find((m) => m.via === 'response_url' && m.responseUrl === url);
    if (!posted) throw new Error(`nothing posted to ${url}`);
    return posted;
  });
}

/** DMs the app posted to a member with chat.postMessage. */
export function directMessagesTo(env: TestEnvironment, userId: string): PostedMessage[] {
  const channel = directMessageChannel(userId);
  return env.slack.messages.filter((m) => m.via === 'chat.postMessage' && m.channel === channel);
}

/** The app's store, opened beside it (SQLite in WAL mode takes a second connection). */
export async function withAppStore<T>(env: TestEnvironment, use: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = new SqliteStore(join(env.databaseFolder, 'verify-phone.db'));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function auditTypes(env: TestEnvironment, teamId: string): Promise<AuditEvent['type'][]> {
  return withAppStore(env, async (store) => (await store.listAudit(teamId, 1_000)).map((event) => event.type));
}
