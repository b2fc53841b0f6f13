import type { webApi } from '@slack/bolt';
import { MemberLocales } from '../../src/infrastructure/slack/member-locales';
import { readModalMetadata, writeModalMetadata } from '../../src/slack/modal-metadata';

const ALICE = { teamId: 'T1', userId: 'U1' };
const BOB = { teamId: 'T1', userId: 'U2' };

/** A bot client whose `users.info` answers each member's locale from `locales`, counting the calls. */
function clientWith(locales: Record<string, string | Error | 'hang'>) {
  const info = jest.fn(async ({ user }: { user: string; include_locale: boolean }) => {
    const locale = locales[user];
    if (locale instanceof Error) throw locale;
    if (locale === 'hang') return new Promise(() => {});
    return { ok: true, user: { id: user, locale } };
  });
  return { client: { users: { info } } as unknown as webApi.WebClient, info };
}

describe('MemberLocales', () => {
  let now = 0;
  const locales = (options = {}) => new MemberLocales({ nowMs: () => now, ...options });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('asks users.info with include_locale once an hour per member', async () => {
    const { client, info } = clientWith({ U1: 'es-MX' });
    const cache = locales();
    expect((await cache.messagesOf(client, ALICE)).locale).toBe('es');
    now += 3_599_000;
    expect((await cache.messagesOf(client, ALICE)).locale).toBe('es');
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith({ user: 'U1', include_locale: true });
    now += 2_000;
    await cache.messagesOf(client, ALICE);
    expect(info).toHaveBeenCalledTimes(2);
  });

  it('forgets the member asked for least recently when full', async () => {
    const { client, info } = clientWith({ U1: 'fr-FR', U2: 'de-DE' });
    const cache = locales({ maxEntries: 1 });
    await cache.messagesOf(client, ALICE);
    await cache.messagesOf(client, BOB);
    expect((await cache.messagesOf(client, ALICE)).locale).toBe('fr');
    expect(info).toHaveBeenCalledTimes(3);
  });

  it('reads English when Slack fails or is slow, and asks again next time', async () => {
    const { client, info } = clientWith({ U1: new Error('ratelimited'), U2: 'hang' });
    const cache = locales({ timeoutMs: 20 });
    expect((await cache.messagesOf(client, ALICE)).locale).toBe('en');
    expect((await cache.messagesOf(client, BOB)).locale).toBe('en');
    await cache.messagesOf(client, ALICE);
    expect(info).toHaveBeenCalledTimes(3);
  });
});

describe('modal metadata', () => {
  it('carries the locale beside the flow reference', () => {
    expect(readModalMetadata(writeModalMetadata('pt-BR', 'ref.tag'))).toEqual({
      locale: 'pt-BR',
      reference: 'ref.tag',
    });
    expect(readModalMetadata(writeModalMetadata('ja', ''))).toEqual({ locale: 'ja', reference: '' });
  });

  it('trusts only a supported locale, and reads a bare reference as one', () => {
    expect(readModalMetadata('xx|ref.tag')).toEqual({ locale: undefined, reference: 'ref.tag' });
    expect(readModalMetadata('ref.tag')).toEqual({ locale: undefined, reference: 'ref.tag' });
  });
});
