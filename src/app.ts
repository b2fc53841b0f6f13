import type { Server } from 'node:http';
import { App, type Receiver } from '@slack/bolt';
import type { Config } from './config';
import { MessageMediaClient } from './infrastructure/messagemedia/client';
import { MessageMediaSmsGateway } from './infrastructure/messagemedia/sms-gateway';
import { createOutboundHttp } from './infrastructure/outbound-http';
import { SlackProfileTagger, UnconfiguredProfileTagger } from './infrastructure/slack/profile-tagger';
import { createWebClient, SLACK_CLIENT_OPTIONS } from './infrastructure/slack/web-client';
import { openStore } from './infrastructure/store/open-store';
import { InFlightWork, PeriodicTask } from './lifecycle';
import { type AppLogger, boltLogger } from './logger';
import { registerListeners } from './slack/listeners';
import { SlackReceiver } from './slack/receiver';
import { SlackSocketReceiver } from './slack/socket-receiver';
import { FlowReferences } from './verification/flow-reference';
import { deriveKeys } from './verification/keys';
import type { Clock, ProfileTagger } from './verification/ports';
import { DEFAULT_TAG_RETRY, type TagRetryPolicy } from './verification/profile-tagging';
import { createUseCases } from './verification/use-cases';

export interface RunningApp {
  readonly server: Server;
  readonly port: number;
  /** Stops taking requests, lets in-flight work finish, then closes the store. */
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly logger: AppLogger;
  /** Milliseconds since the epoch; injectable so expiry and backoff can be tested without waiting. */
  readonly clock?: Clock;
  readonly tagRetry?: TagRetryPolicy;
  /** How often due profile-tag retries are looked for. */
  readonly tagRetryPollMs?: number;
  /** How long shutdown waits for work still running after an ack. */
  readonly drainTimeoutMs?: number;
}

/** The composition root: every adapter is built and wired here, and nowhere else. */
export async function startApp(config: Config, options: AppOptions): Promise<RunningApp> {
  const { logger, clock = Date.now, tagRetry = DEFAULT_TAG_RETRY } = options;
  const keys = deriveKeys(config.verification.secret);
  const store = await openStore(config.databaseUrl);
  const outbound = createOutboundHttp();
  const { tagging, ...verification } = createUseCases({
    store,
    sms: new MessageMediaSmsGateway(new MessageMediaClient({ ...config.messageMedia, fetchImpl: outbound.fetch })),
    tagger: profileTagger(config, outbound.fetch),
    logger: logger.child({ component: 'verification' }),
    keys,
    settings: config.verification,
    limits: config.limits,
    tagRetry,
    clock,
  });

  let ready = false;
  const slackLogger = boltLogger(logger);
  const receiver = slackReceiver(config, logger, () => ready, outbound.fetch);
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: slackLogger,
    deferInitialization: true,
    clientOptions: { ...SLACK_CLIENT_OPTIONS, slackApiUrl: config.slack.apiUrl, fetch: outbound.fetch },
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  // Listeners keep running after their ack (the SMS send, the lookup): track them for shutdown.
  const inFlight = new InFlightWork();
  app.use(({ next }) => inFlight.run(next));
  registerListeners(app, {
    verification,
    references: new FlowReferences(keys.flowReference),
    settings: config.verification,
    logger: logger.child({ component: 'slack' }),
  });

  const retries = new PeriodicTask(
    () => tagging.retryDue(),
    options.tagRetryPollMs ?? 5_000,
    (error) => logger.error({ err: error }, 'profile tag retry run failed'),
  );
  let server: Server;
  try {
    await app.init(); // checks the bot token with auth.test
    server = (await app.start(config.port)) as Server; // in Socket Mode, also the app-level token
  } catch (error) {
    await Promise.all([store.close(), outbound.close()]);
    throw error;
  }
  retries.start();
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, transport: config.slack.transport.kind }, 'verify-phone listening');
  return {
    server,
    port,
    async stop() {
      ready = false;
      const closed = app.stop(); // stops accepting; open requests still finish
      await inFlight.drain(options.drainTimeoutMs ?? 15_000);
      await closed;
      await retries.stop();
      await Promise.all([store.close(), outbound.close()]);
      logger.info('verify-phone stopped');
    },
  };
}

/** Slack's way in, as the settings chose: signed HTTP requests, or a Socket Mode connection we dial out. */
function slackReceiver(
  config: Config,
  logger: AppLogger,
  isReady: () => boolean,
  fetch: typeof globalThis.fetch,
): Receiver & { start(port: number): Promise<Server> } {
  const { transport, apiUrl } = config.slack;
  if (transport.kind === 'socket') {
    return new SlackSocketReceiver({ appToken: transport.appToken, apiUrl, fetch, logger, isReady });
  }
  return new SlackReceiver({ signingSecret: transport.signingSecret, logger: boltLogger(logger), isReady });
}

function profileTagger(config: Config, fetch: typeof globalThis.fetch): ProfileTagger {
  const { adminToken, botToken, apiUrl, profileFieldId, profileFieldLabel } = config.slack;
  if (!adminToken) return new UnconfiguredProfileTagger();
  const clientFor = (token: string) => createWebClient(token, apiUrl, fetch);
  return new SlackProfileTagger(clientFor(adminToken), clientFor(botToken), {
    fieldId: profileFieldId,
    fieldLabel: profileFieldLabel,
  });
}
