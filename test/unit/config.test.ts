import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const valid = {
  SLACK_SIGNING_SECRET: 'signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-1',
  MESSAGEMEDIA_API_KEY: 'key',
  MESSAGEMEDIA_API_SECRET: 'secret',
  VERIFY_SECRET: 'a'.repeat(32),
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:./data/verify-phone.db');
    expect(config.metricsEnabled).toBe(true);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.profileFieldLabel).toBe('Phone verified');
    expect(config.messageMedia.baseUrl).toBe('https://api.messagemedia.com');
    expect(config.verification).toMatchObject({ codeLength: 6, codeTtlSeconds: 600, maxAttempts: 5 });
    expect(config.verification.defaultCountry).toBeUndefined();
    expect(config.verification).toMatchObject({
      allowedCountries: [],
      allowSharedNumbers: false,
      allowGlobalNetworkNumbers: false,
      resendCooldownSeconds: 30,
      voiceEnabled: true,
    });
    expect(config.limits).toEqual({
      sendsPerMemberPerHour: 5,
      sendsPerNumberPerHour: 5,
      sendsPerWorkspacePerHour: 200,
      sendsPerWorkspacePerDay: 1_000,
      failedChecksPerMemberPerDay: 20,
    });
    expect(config.workflowTimeoutHours).toBe(24);
  });

  it('reads and bounds the workflow step timeout', () => {
    expect(loadConfig({ ...valid, VERIFY_WORKFLOW_TIMEOUT_HOURS: '2' }).workflowTimeoutHours).toBe(2);
    expect(() => loadConfig({ ...valid, VERIFY_WORKFLOW_TIMEOUT_HOURS: '0' })).toThrow(/VERIFY_WORKFLOW_TIMEOUT_HOURS/);
  });

  it('reads the abuse-protection settings', () => {
    const config = loadConfig({
      ...valid,
      VERIFY_ALLOWED_COUNTRIES: ' au, NZ ,gb',
      VERIFY_ALLOW_SHARED_NUMBERS: 'TRUE',
      VERIFY_ALLOW_GLOBAL_NETWORK_NUMBERS: 'true',
      VERIFY_SENDS_PER_WORKSPACE_PER_DAY: '5000',
      VERIFY_VOICE_ENABLED: 'false',
    });
    expect(config.verification.allowedCountries).toEqual(['AU', 'NZ', 'GB']);
    expect(config.verification.allowSharedNumbers).toBe(true);
    expect(config.verification.allowGlobalNetworkNumbers).toBe(true);
    expect(config.limits.sendsPerWorkspacePerDay).toBe(5_000);
    expect(config.verification.voiceEnabled).toBe(false);
  });

  it('names every missing required setting at once', () => {
    expect(problemsOf({})).toEqual([
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required',
      'SLACK_BOT_TOKEN is required',
      'MESSAGEMEDIA_API_KEY is required',
      'MESSAGEMEDIA_API_SECRET is required',
      'VERIFY_SECRET is required (at least 32 bytes; e.g. openssl rand -base64 48)',
    ]);
  });

  it('runs over HTTP when only the signing secret is set', () => {
    const { slack } = loadConfig(valid);
    expect(slack.transport).toEqual({ kind: 'http', signingSecret: 'signing-secret' });
    expect(slack.signingSecret).toBe('signing-secret');
  });

  it('runs in Socket Mode when only the app-level token is set', () => {
    const { SLACK_SIGNING_SECRET: _http, ...socket } = valid;
    const { slack } = loadConfig({ ...socket, SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(slack.transport).toEqual({ kind: 'socket', appToken: 'xapp-1-A1-2-abc' });
    expect(slack.signingSecret).toBe('');
  });

  describe('the transport', () => {
    const { SLACK_SIGNING_SECRET: _http, ...neither } = valid;

    it('refuses both the signing secret and the app-level token', () => {
      expect(problemsOf({ ...valid, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
        'SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are both set: ' +
          'keep SLACK_SIGNING_SECRET for HTTP mode or SLACK_APP_TOKEN for Socket Mode',
      ]);
    });

    it('asks for one of them when neither is set', () => {
      expect(problemsOf(neither)).toEqual([
        'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required',
      ]);
    });

    it.each(['xoxb-1', 'xapp'])('refuses SLACK_APP_TOKEN=%s, which is not an app-level token', (token) => {
      expect(problemsOf({ ...neither, SLACK_APP_TOKEN: token })).toEqual([
        'SLACK_APP_TOKEN must be a Slack token starting with xapp-',
      ]);
    });

    it('never echoes the app-level token', () => {
      const token = 'xoxb-pasted-into-the-wrong-setting';
      expect(problemsOf({ ...valid, SLACK_APP_TOKEN: token }).join('\n')).not.toContain(token);
    });
  });

  it.each([
    [{ VERIFY_SECRET: 'short' }, 'VERIFY_SECRET must be at least 32 bytes long'],
    [{ VERIFY_MAX_ATTEMPTS: 'five' }, 'VERIFY_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "five")'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535 (got "-1")'],
    [
      { VERIFY_DEFAULT_COUNTRY: 'XX' },
      'VERIFY_DEFAULT_COUNTRY must be a two-letter ISO country code such as AU (got "XX")',
    ],
    [{ SLACK_BOT_TOKEN: 'xoxp-1' }, 'SLACK_BOT_TOKEN must be a Slack token starting with xoxb-'],
    [{ SLACK_ADMIN_TOKEN: 'xoxb-1' }, 'SLACK_ADMIN_TOKEN must be a Slack token starting with xoxp-'],
    [{ MESSAGEMEDIA_BASE_URL: 'ftp://x' }, 'MESSAGEMEDIA_BASE_URL must be an http(s) URL (got "ftp://x")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL must look like sqlite:<path>, sqlite::memory: or postgres://user@host:port/database',
    ],
    [
      { VERIFY_ALLOWED_COUNTRIES: 'AU,XX,ZZ' },
      'VERIFY_ALLOWED_COUNTRIES must be a comma-separated list of ISO country codes such as AU,NZ (unknown: XX, ZZ)',
    ],
    [{ VERIFY_ALLOW_SHARED_NUMBERS: 'yes' }, 'VERIFY_ALLOW_SHARED_NUMBERS must be true or false (got "yes")'],
    [
      { VERIFY_ALLOW_GLOBAL_NETWORK_NUMBERS: '1' },
      'VERIFY_ALLOW_GLOBAL_NETWORK_NUMBERS must be true or false (got "1")',
    ],
    [
      { VERIFY_SENDS_PER_MEMBER_PER_HOUR: '0' },
      'VERIFY_SENDS_PER_MEMBER_PER_HOUR must be a whole number from 1 to 1000 (got "0")',
    ],
    [{ METRICS_ENABLED: 'off' }, 'METRICS_ENABLED must be true or false (got "off")'],
    [{ VERIFY_VOICE_ENABLED: 'no' }, 'VERIFY_VOICE_ENABLED must be true or false (got "no")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
  ])('explains a malformed setting %j', (override, problem) => {
    expect(problemsOf({ ...valid, ...override })).toEqual([problem]);
  });

  it.each(['3', '9', '10', '6.5'])('refuses VERIFY_CODE_LENGTH=%s and says why it stops at 8', (length) => {
    expect(problemsOf({ ...valid, VERIFY_CODE_LENGTH: length })).toEqual([
      `VERIFY_CODE_LENGTH must be a whole number from 4 to 8 (got "${length}"): ` +
        'longer HOTP codes are not uniformly random (RFC 4226 truncates to 31 bits)',
    ]);
  });

  it.each(['4', '8'])('accepts VERIFY_CODE_LENGTH=%s', (length) => {
    expect(loadConfig({ ...valid, VERIFY_CODE_LENGTH: length }).verification.codeLength).toBe(Number(length));
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'tiny-secret-value';
    try {
      loadConfig({ ...valid, VERIFY_SECRET: secret });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  describe('Slack installation', () => {
    const { SLACK_BOT_TOKEN: _bot, ...withoutToken } = valid;
    const oauth = {
      ...withoutToken,
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
    };

    it('is a single workspace with a bot token (and optional admin token)', () => {
      expect(loadConfig({ ...valid, SLACK_ADMIN_TOKEN: 'xoxp-2' }).slack.installation).toEqual({
        kind: 'single',
        botToken: 'xoxb-1',
        adminToken: 'xoxp-2',
      });
    });

    it('is OAuth distribution with a client id, secret and state secret, and no token', () => {
      expect(loadConfig(oauth).slack.installation).toEqual({
        kind: 'oauth',
        clientId: '123.456',
        clientSecret: 'client-secret',
        stateSecret: 'state-secret',
      });
    });

    it.each([
      [
        { SLACK_BOT_TOKEN: 'xoxb-1' },
        ['SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: tokens come from OAuth installs, unset SLACK_BOT_TOKEN'],
      ],
      [
        { SLACK_ADMIN_TOKEN: 'xoxp-1' },
        [
          'SLACK_ADMIN_TOKEN and SLACK_CLIENT_ID are both set: tokens come from OAuth installs, unset SLACK_ADMIN_TOKEN',
        ],
      ],
      [{ SLACK_CLIENT_SECRET: '' }, ['SLACK_CLIENT_SECRET is required']],
      [{ SLACK_STATE_SECRET: ' ' }, ['SLACK_STATE_SECRET is required']],
    ])('names the conflict or the missing piece exactly (%o)', (change, problems) => {
      expect(problemsOf({ ...oauth, ...change })).toEqual(problems);
    });

    it('names OAuth secrets set without a client id', () => {
      expect(problemsOf({ ...valid, SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'y' })).toEqual([
        'SLACK_CLIENT_SECRET is set without SLACK_CLIENT_ID',
        'SLACK_STATE_SECRET is set without SLACK_CLIENT_ID',
      ]);
    });

    it('never echoes the client secret', () => {
      expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }).join('\n')).not.toContain('client-secret');
    });
  });

  it('accepts a national default country in any case', () => {
    expect(loadConfig({ ...valid, VERIFY_DEFAULT_COUNTRY: 'au' }).verification.defaultCountry).toBe('AU');
  });
});

describe('documentation', () => {
  const root = join(__dirname, '..', '..');
  const sources = ['config.ts', join('config', 'membership.ts')].map((file) =>
    readFileSync(join(root, 'src', file), 'utf8'),
  );
  const settings = [...sources.join('\n').matchAll(/\('([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1] ?? '');

  it('finds the settings the config reads', () => {
    expect(settings).toEqual(expect.arrayContaining(['PORT', 'VERIFY_SECRET', 'VERIFY_ALLOWED_COUNTRIES']));
  });

  it.each(['.env.example', 'README.md'])('%s documents every setting', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(settings.filter((name) => !text.includes(name))).toEqual([]);
  });
});
