import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalog, type MessageId, type MessageParams, message } from '../../src/messages/catalog';
import { lifetime, wait } from '../../src/messages/duration';
import { en } from '../../src/messages/en';

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
  maskedNumber: '+61 4•• ••• 156',
  reason: 'the phone network refused it',
  retryAfter: wait(3_600),
  subcommand: 'frobnicate',
  wait: wait(30),
  workspace: 'acme',
};

/** Any entry with the sample parameters: each reads only its own. */
const render = message as (id: MessageId, params: AllParams) => string;
const ids = Object.keys(en) as MessageId[];

describe('message catalog', () => {
  it.each(ids)('%s renders a non-empty text', (id) => {
    expect(render(id, SAMPLE).trim()).not.toBe('');
  });

  it('an SMS carries no run of digits but the code and its lifetime, which has at most two', () => {
    const sms = ids.filter((id) => id.startsWith('sms.'));
    expect(sms.length).toBeGreaterThan(0);
    for (const id of sms) {
      for (let ttl = 60; ttl <= 86_400; ttl += 60) {
        const text = render(id, { ...SAMPLE, expiresIn: lifetime(ttl) });
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

  it('points the failure notices at the buttons they name, and at the number', () => {
    expect(message('error.internal_next')).toContain(message('button.start_again'));
    const mayHaveArrived = message('send.may_have_arrived', { maskedNumber: SAMPLE.maskedNumber });
    expect(mayHaveArrived).toContain(SAMPLE.maskedNumber);
    expect(mayHaveArrived).toContain(message('button.resend'));
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

  it('types a locale so that it must have every id', () => {
    // @ts-expect-error a locale missing ids does not compile (npm test type-checks this file)
    const partial: Catalog = { 'modal.title': 'Verifica tu teléfono' };
    expect(partial).toBeDefined();
  });
});
