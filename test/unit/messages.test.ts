import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Catalog,
  LOCALES,
  type Locale,
  type MessageId,
  type MessageParams,
  messagesFor,
} from '../../src/messages/catalog';
import { de } from '../../src/messages/de';
import { lifetime, wait } from '../../src/messages/duration';
import { en } from '../../src/messages/en';
import { es } from '../../src/messages/es';
import { fr } from '../../src/messages/fr';
import { ja } from '../../src/messages/ja';
import { resolveLocale } from '../../src/messages/locales';
import { ptBR } from '../../src/messages/pt-BR';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every parameter of every entry; a name used by two entries must have one type. */
type AllParams = UnionToIntersection<Exclude<MessageParams[MessageId], Record<string, never>>>;

const SAMPLE: AllParams = {
  asked: 240,
  attemptsLeft: 2,
  calls: 1,
  day: 3,
  failed: 2,
  flows: 4,
  fullNumbers: false,
  limits: {
    sendsPerMemberPerHour: 5,
    sendsPerNumberPerHour: 5,
    sendsPerWorkspacePerHour: 200,
    sendsPerWorkspacePerDay: 1_000,
    failedChecksPerMemberPerDay: 20,
  },
  pending: 1,
  ratio: 0.75,
  refused: [{ country: 'PH', count: 2 }],
  requester: 'UOWNER',
  skipped: 8,
  sms: 5,
  spend: [{ amount: 0.42, currency: 'AUD' }],
  userId: 'U1',
  verified: 3,
  week: 4,
  code: '048213',
  codeLength: 6,
  count: 250,
  countries: ['AU', 'NZ'],
  country: 'AU',
  date: '<!date^1800000000^{date_short}|2027-01-15 08:00 UTC>',
  digits: ['0', '4', '8', '2', '1', '3'],
  expiresIn: lifetime(600),
  hours: 24,
  maskedNumber: '+61 4•• ••• 156',
  reason: 'the phone network refused it',
  retryAfter: wait(3_600),
  subcommand: 'frobnicate',
  wait: wait(30),
  workspace: 'acme',
};

const CATALOGS: Record<Locale, Catalog> = { en, es, fr, de, 'pt-BR': ptBR, ja };
const ids = Object.keys(en) as MessageId[];
const everyLocaleAndId = LOCALES.flatMap((locale) => ids.map((id) => [locale, id] as const));

/** Any entry of a locale with the sample parameters: each reads only its own. */
function renderer(locale: string): (id: MessageId, params?: Partial<AllParams>) => string {
  const text = messagesFor(locale).text as (id: MessageId, params: AllParams) => string;
  return (id, params) => text(id, { ...SAMPLE, ...params });
}

describe('message catalog', () => {
  it.each(everyLocaleAndId)('%s: %s renders a non-empty text', (locale, id) => {
    expect(renderer(locale)(id).trim()).not.toBe('');
  });

  it.each(LOCALES)('%s has every id, each taking parameters exactly when English does', (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual([...ids].sort());
    for (const id of ids) expect([id, typeof catalog[id]]).toEqual([id, typeof en[id]]);
  });

  it.each(LOCALES)('%s: an SMS carries no run of digits but the code and its lifetime, of at most two', (locale) => {
    const render = renderer(locale);
    const sms = ids.filter((id) => id.startsWith('sms.'));
    expect(sms.length).toBeGreaterThan(0);
    for (const id of sms) {
      for (let ttl = 60; ttl <= 86_400; ttl += 60) {
        const text = render(id, { expiresIn: lifetime(ttl) });
        expect(text.match(/\d+/g)?.filter((run) => run !== SAMPLE.code && run.length > 2) ?? []).toEqual([]);
        expect(text.split(SAMPLE.code)).toHaveLength(2);
      }
    }
  });

  // Ids are written out in full wherever they are used (a call or a table of ids), so a plain text
  // search of src/ outside the catalog finds every use; an id found nowhere is dead wording.
  it('has no id that src/ leaves unused', () => {
    const src = join(__dirname, '../../src');
    const code = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith('messages'))
      .map((file) => readFileSync(join(src, file), 'utf8'))
      .join('\n');
    const unused = ids.filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it.each(LOCALES)('%s: points the failure notices at the buttons they name, and at the number', (locale) => {
    const render = renderer(locale);
    expect(render('error.internal_next')).toContain(render('button.start_again'));
    expect(render('send.unconfirmed')).toContain(render('button.resend'));
    const mayHaveArrived = render('send.may_have_arrived');
    expect(mayHaveArrived).toContain(SAMPLE.maskedNumber);
    expect(mayHaveArrived).toContain(render('button.resend'));
  });

  it.each(LOCALES)('names every limit in force, each with its own value (%s)', (locale) => {
    const limits = {
      sendsPerMemberPerHour: 2,
      sendsPerNumberPerHour: 7,
      sendsPerWorkspacePerHour: 300,
      sendsPerWorkspacePerDay: 4_000,
      failedChecksPerMemberPerDay: 19,
    };
    const text = messagesFor(locale).text('admin.limits', { limits });
    for (const value of ['2', '7', '300', '19']) expect(text).toMatch(new RegExp(`(^|\\D)${value}(\\D|$)`));
    expect(text.replace(/\D/g, '')).toContain('4000');
  });

  it('puts waits and lifetimes in the unit a member reads', () => {
    expect([wait(0.5), wait(25), wait(90), wait(3_600)]).toEqual([
      { unit: 'second', count: 1 },
      { unit: 'second', count: 25 },
      { unit: 'minute', count: 2 },
      { unit: 'hour', count: 1 },
    ]);
    expect([lifetime(30), lifetime(600), lifetime(86_400)]).toEqual([
      { unit: 'minute', count: 1 },
      { unit: 'minute', count: 10 },
      { unit: 'hour', count: 24 },
    ]);
  });

  it.each([
    ['en', 'in 1 minute.', 'in 10 minutes.', '1 attempt left', '4 attempts left'],
    ['es', 'dentro de 1 minuto.', 'dentro de 10 minutos.', 'Queda 1 intento.', 'Quedan 4 intentos.'],
    ['fr', 'dans 1 minute.', 'dans 10 minutes.', 'Il reste 1 tentative.', 'Il reste 4 tentatives.'],
    ['de', 'in 1 Minute einen', 'in 10 Minuten einen', 'Noch 1 Versuch.', 'Noch 4 Versuche.'],
    ['pt-BR', 'em 1 minuto.', 'em 10 minutos.', 'Resta 1 tentativa.', 'Restam 4 tentativas.'],
    ['ja', '1分後', '10分後', '残り 1 回', '残り 4 回'],
  ])('%s: counts and durations take the plural the language asks for', (locale, ...expected) => {
    const render = renderer(locale);
    const [oneMinute, tenMinutes, oneAttempt, fourAttempts] = expected;
    expect(render('resend.cooldown', { wait: wait(60) })).toContain(oneMinute);
    expect(render('resend.cooldown', { wait: wait(600) })).toContain(tenMinutes);
    expect(render('code.wrong', { attemptsLeft: 1 })).toContain(oneAttempt);
    expect(render('code.wrong', { attemptsLeft: 4 })).toContain(fourAttempts);
  });

  it('types a locale so that it must have every id', () => {
    // @ts-expect-error a locale missing ids does not compile (npm test type-checks this file)
    const partial: Catalog = { 'modal.title': 'Verifica tu teléfono' };
    expect(partial).toBeDefined();
  });
});

describe('locale fallback', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['es-ES', 'es'],
    ['es-MX', 'es'],
    ['es-LA', 'es'],
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['de-DE', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['pt-PT', 'en'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'en'],
    ['zh-CN', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s reads %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
    expect(messagesFor(tag).locale).toBe(locale);
  });
});
