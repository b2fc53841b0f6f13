import { auditCsv, recordsCsv } from '../../src/admin/exports';
import type { ExportRecord } from '../../src/admin/model';
import { loadConfig } from '../../src/config';

const RECORD: ExportRecord = {
  userId: 'U1',
  e164: '+61491570156',
  status: 'revoked',
  verifiedAt: 1_800_000_000,
  endedAt: 1_800_086_400,
  profileTag: 'set',
};

describe('export CSV', () => {
  it('masks numbers unless full numbers are asked for', () => {
    expect(recordsCsv([RECORD], false)).toBe(
      'user_id,number,status,verified_at,ended_at,profile_tag\r\n' +
        'U1,+61 4•• ••• 156,revoked,2027-01-15T08:00:00.000Z,2027-01-16T08:00:00.000Z,set\r\n',
    );
    expect(recordsCsv([RECORD], true)).toContain('U1,+61491570156,revoked');
  });

  it('quotes commas and quotes, and defuses cells a spreadsheet would run as a formula', () => {
    const csv = auditCsv([
      {
        teamId: 'T1',
        userId: 'U1',
        type: 'send_failed',
        at: 0,
        flowId: 'f1',
        maskedNumber: null,
        reason: '=HYPERLINK("x"), y',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`1970-01-01T00:00:00.000Z,U1,send_failed,f1,,"'=HYPERLINK(""x""), y"`);
  });
});

describe('admin settings', () => {
  const base = {
    SLACK_SIGNING_SECRET: 's',
    SLACK_BOT_TOKEN: 'xoxb-1',
    MESSAGEMEDIA_API_KEY: 'k',
    MESSAGEMEDIA_API_SECRET: 's',
    VERIFY_SECRET: 'x'.repeat(32),
  };

  it('reads the extra admins and the prices', () => {
    const { admin } = loadConfig({ ...base, SLACK_ADMIN_USERS: ' U1, U2 ,', VERIFY_SMS_PRICE: '0.06 AUD' });
    expect(admin).toMatchObject({ adminUsers: ['U1', 'U2'], smsPrice: { amount: 0.06, currency: 'AUD' } });
    expect(admin.callPrice).toBeUndefined();
  });

  it('refuses a price without a currency, by name', () => {
    expect(() => loadConfig({ ...base, VERIFY_CALL_PRICE: '12' })).toThrow(/VERIFY_CALL_PRICE must be an amount/);
  });
});
