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
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.profileFieldLabel).toBe('Phone verified');
    expect(config.messageMedia.baseUrl).toBe('https://api.messagemedia.com');
    expect(config.verification).toMatchObject({ codeLength: 6, codeTtlSeconds: 600, maxAttempts: 5 });
    expect(config.verification.defaultCountry).toBeUndefined();
  });

  it('names every missing required setting at once', () => {
    expect(problemsOf({})).toEqual([
      'SLACK_SIGNING_SECRET is required',
      'SLACK_BOT_TOKEN is required',
      'MESSAGEMEDIA_API_KEY is required',
      'MESSAGEMEDIA_API_SECRET is required',
      'VERIFY_SECRET is required (at least 32 bytes; e.g. openssl rand -base64 48)',
    ]);
  });

  it.each([
    [{ VERIFY_SECRET: 'short' }, 'VERIFY_SECRET must be at least 32 bytes long'],
    [{ VERIFY_CODE_LENGTH: '3' }, 'VERIFY_CODE_LENGTH must be a whole number from 4 to 10 (got "3")'],
    [{ VERIFY_CODE_LENGTH: '11' }, 'VERIFY_CODE_LENGTH must be a whole number from 4 to 10 (got "11")'],
    [{ VERIFY_MAX_ATTEMPTS: 'five' }, 'VERIFY_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "five")'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535 (got "-1")'],
    [
      { VERIFY_DEFAULT_COUNTRY: 'XX' },
      'VERIFY_DEFAULT_COUNTRY must be a two-letter ISO country code such as AU (got "XX")',
    ],
    [{ SLACK_BOT_TOKEN: 'xoxp-1' }, 'SLACK_BOT_TOKEN must be a Slack token starting with xoxb-'],
    [{ SLACK_ADMIN_TOKEN: 'xoxb-1' }, 'SLACK_ADMIN_TOKEN must be a Slack token starting with xoxp-'],
    [{ MESSAGEMEDIA_BASE_URL: 'ftp://x' }, 'MESSAGEMEDIA_BASE_URL must be an http(s) URL (got "ftp://x")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must look like sqlite:<path> or sqlite::memory:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
  ])('explains a malformed setting %j', (override, problem) => {
    expect(problemsOf({ ...valid, ...override })).toEqual([problem]);
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

  it('accepts a national default country in any case', () => {
    expect(loadConfig({ ...valid, VERIFY_DEFAULT_COUNTRY: 'au' }).verification.defaultCountry).toBe('AU');
  });
});
