import type { CountryCode } from 'libphonenumber-js/max';
import { type AdminSettings, adminSettings } from './config/admin';
import { type Env, EnvReader } from './config/env-reader';
import { type MembershipSettings, membershipSettings } from './config/membership';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from './verification/one-time-code';

/** Everything the app reads from its environment, parsed and checked once at start-up. */
export interface Config {
  port: number;
  /** The address the app listens on; undefined: every interface. */
  host: string | undefined;
  logLevel: LogLevel;
  databaseUrl: string;
  metricsEnabled: boolean;
  /** Where MessageMedia can reach the app: set, delivery reports are posted to it; unset, delivery is polled. */
  publicUrl: string | undefined;
  slack: {
    /** Which way Slack reaches the app, chosen by which of its two secrets is set. */
    transport: SlackTransport;
    /** The HTTP transport's signing secret; empty in Socket Mode. */
    signingSecret: string;
    installation: SlackInstallation;
    profileFieldId: string | undefined;
    profileFieldLabel: string;
    apiUrl: string;
  };
  messageMedia: {
    apiKey: string;
    apiSecret: string;
    baseUrl: string;
  };
  verification: {
    secret: Buffer;
    codeLength: number;
    codeTtlSeconds: number;
    maxAttempts: number;
    defaultCountry: CountryCode | undefined;
    /** Empty: every country. */
    allowedCountries: readonly CountryCode[];
    allowSharedNumbers: boolean;
    allowGlobalNetworkNumbers: boolean;
    resendCooldownSeconds: number;
    voiceEnabled: boolean;
  };
  membership: MembershipSettings;
  /** Hours a "Request phone verification" workflow step waits for the member before it fails. */
  workflowTimeoutHours: number;
  admin: AdminSettings;
  limits: {
    sendsPerMemberPerHour: number;
    sendsPerNumberPerHour: number;
    sendsPerWorkspacePerHour: number;
    sendsPerWorkspacePerDay: number;
    failedChecksPerMemberPerDay: number;
  };
}

/**
 * `single`: one workspace, its tokens in the environment. `oauth`: distributed, each workspace (or
 * Enterprise Grid org) installs through `/slack/install` and its tokens live, sealed, in the database.
 */
export type SlackInstallation =
  | { readonly kind: 'single'; readonly botToken: string; readonly adminToken: string | undefined }
  | { readonly kind: 'oauth'; readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string };

/** HTTP: Slack POSTs signed requests to us. Socket: we open a WebSocket to Slack with an app-level token. */
export type SlackTransport =
  | { readonly kind: 'http'; readonly signingSecret: string }
  | { readonly kind: 'socket'; readonly appToken: string };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Lists every missing or malformed setting at once, by name, never echoing a secret's value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_DATABASE_URL = 'sqlite:./data/verify-phone.db';

export function loadConfig(env: Env): Config {
  const reader = new EnvReader(env);
  const transport = slackTransport(reader);
  const config: Config = {
    port: reader.integer('PORT', { default: 3000, min: 0, max: 65535 }),
    host: reader.optional('HOST'),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    databaseUrl: reader.databaseUrl('DATABASE_URL', DEFAULT_DATABASE_URL),
    metricsEnabled: reader.boolean('METRICS_ENABLED', true),
    publicUrl: reader.optional('PUBLIC_URL') && reader.url('PUBLIC_URL', ''),
    slack: {
      transport,
      signingSecret: transport.kind === 'http' ? transport.signingSecret : '',
      installation: slackInstallation(reader),
      profileFieldId: reader.optional('SLACK_PROFILE_FIELD_ID'),
      profileFieldLabel: reader.optional('SLACK_PROFILE_FIELD_LABEL') ?? 'Phone verified',
      apiUrl: reader.url('SLACK_API_URL', 'https://slack.com/api/'),
    },
    messageMedia: {
      apiKey: reader.required('MESSAGEMEDIA_API_KEY'),
      apiSecret: reader.required('MESSAGEMEDIA_API_SECRET'),
      baseUrl: reader.url('MESSAGEMEDIA_BASE_URL', 'https://api.messagemedia.com'),
    },
    verification: {
      secret: reader.secret('VERIFY_SECRET', 32),
      codeLength: reader.integer('VERIFY_CODE_LENGTH', {
        default: 6,
        min: MIN_CODE_LENGTH,
        max: MAX_CODE_LENGTH,
        why: 'longer HOTP codes are not uniformly random (RFC 4226 truncates to 31 bits)',
      }),
      codeTtlSeconds: reader.integer('VERIFY_CODE_TTL_SECONDS', { default: 600, min: 60, max: 86_400 }),
      maxAttempts: reader.integer('VERIFY_MAX_ATTEMPTS', { default: 5, min: 1, max: 20 }),
      defaultCountry: reader.country('VERIFY_DEFAULT_COUNTRY'),
      allowedCountries: reader.countries('VERIFY_ALLOWED_COUNTRIES'),
      allowSharedNumbers: reader.boolean('VERIFY_ALLOW_SHARED_NUMBERS', false),
      allowGlobalNetworkNumbers: reader.boolean('VERIFY_ALLOW_GLOBAL_NETWORK_NUMBERS', false),
      resendCooldownSeconds: reader.integer('VERIFY_RESEND_COOLDOWN_SECONDS', { default: 30, min: 0, max: 3_600 }),
      voiceEnabled: reader.boolean('VERIFY_VOICE_ENABLED', true),
    },
    membership: membershipSettings(reader),
    workflowTimeoutHours: reader.integer('VERIFY_WORKFLOW_TIMEOUT_HOURS', { default: 24, min: 1, max: 720 }),
    admin: adminSettings(reader),
    limits: {
      sendsPerMemberPerHour: reader.integer('VERIFY_SENDS_PER_MEMBER_PER_HOUR', { default: 5, min: 1, max: 1_000 }),
      sendsPerNumberPerHour: reader.integer('VERIFY_SENDS_PER_NUMBER_PER_HOUR', { default: 5, min: 1, max: 1_000 }),
      sendsPerWorkspacePerHour: reader.integer('VERIFY_SENDS_PER_WORKSPACE_PER_HOUR', {
        default: 200,
        min: 1,
        max: 1_000_000,
      }),
      sendsPerWorkspacePerDay: reader.integer('VERIFY_SENDS_PER_WORKSPACE_PER_DAY', {
        default: 1_000,
        min: 1,
        max: 10_000_000,
      }),
      failedChecksPerMemberPerDay: reader.integer('VERIFY_FAILED_CHECKS_PER_MEMBER_PER_DAY', {
        default: 20,
        min: 1,
        max: 10_000,
      }),
    },
  };
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const SINGLE_WORKSPACE_TOKENS = ['SLACK_BOT_TOKEN', 'SLACK_ADMIN_TOKEN'] as const;

/** A client id chooses OAuth distribution; then no token may be in the environment, and its secrets must be. */
function slackInstallation(reader: EnvReader): SlackInstallation {
  const clientId = reader.optional('SLACK_CLIENT_ID');
  if (clientId === undefined) {
    for (const name of OAUTH_SETTINGS.slice(1)) {
      if (reader.optional(name) !== undefined) reader.problems.push(`${name} is set without SLACK_CLIENT_ID`);
    }
    return {
      kind: 'single',
      botToken: reader.token('SLACK_BOT_TOKEN', 'xoxb-', true) as string,
      adminToken: reader.token('SLACK_ADMIN_TOKEN', 'xoxp-', false),
    };
  }
  for (const name of SINGLE_WORKSPACE_TOKENS) {
    if (reader.optional(name) !== undefined) {
      reader.problems.push(`${name} and SLACK_CLIENT_ID are both set: tokens come from OAuth installs, unset ${name}`);
    }
  }
  return {
    kind: 'oauth',
    clientId,
    clientSecret: reader.required('SLACK_CLIENT_SECRET'),
    stateSecret: reader.required('SLACK_STATE_SECRET'),
  };
}

/** Exactly one of the two transports' secrets must be set; the problem names both when it is not so. */
function slackTransport(reader: EnvReader): SlackTransport {
  const signingSecret = reader.optional('SLACK_SIGNING_SECRET');
  const appToken = reader.token('SLACK_APP_TOKEN', 'xapp-', false);
  if (signingSecret && appToken) {
    reader.problems.push(
      'SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are both set: keep SLACK_SIGNING_SECRET for HTTP mode or SLACK_APP_TOKEN for Socket Mode',
    );
  } else if (!signingSecret && !appToken) {
    reader.problems.push('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required');
  }
  return appToken ? { kind: 'socket', appToken } : { kind: 'http', signingSecret: signingSecret ?? '' };
}

/** Only the store's location: for tools (such as the audit export) that need nothing else. */
export function loadDatabaseUrl(env: Env): string {
  const reader = new EnvReader(env);
  const url = reader.databaseUrl('DATABASE_URL', DEFAULT_DATABASE_URL);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return url;
}
