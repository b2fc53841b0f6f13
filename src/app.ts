import type { Server } from 'node:http';
import type { Config } from './config';
import { MessageMediaClient } from './infrastructure/messagemedia/client';
import { MessageMediaSmsGateway } from './infrastructure/messagemedia/sms-gateway';
import { createMetrics } from './infrastructure/metrics/app-metrics';
import { createOutboundHttp } from './infrastructure/outbound-http';
import { MemberLocales } from './infrastructure/slack/member-locales';
import { SLACK_CLIENT_OPTIONS } from './infrastructure/slack/web-client';
import { openStore } from './infrastructure/store/open-store';
import { installationMode } from './installation-mode';
import { InFlightWork, PeriodicTask } from './lifecycle';
import { type AppLogger, boltLogger } from './logger';
import { AckTimedApp } from './slack/ack-timing';
import { registerListeners } from './slack/listeners';
import { SlackReceiver } from './slack/receiver';
import { FlowReferences } from './verification/flow-reference';
import { secondsOf } from './verification/flow-rules';
import { deriveKeys } from './verification/keys';
import type { Clock } from './verification/ports';
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
  const metrics = createMetrics(config.metricsEnabled, store, logger);
  const outbound = createOutboundHttp();
  const messageMediaFetch = metrics.timed(outbound.fetch, 'messagemedia');
  const slackFetch = metrics.timed(outbound.fetch, 'slack');
  const mode = installationMode(config, { store, keys, fetch: slackFetch, logger, nowSeconds: secondsOf(clock) });
  const { tagging, ...verification } = createUseCases({
    store,
    sms: new MessageMediaSmsGateway(new MessageMediaClient({ ...config.messageMedia, fetchImpl: messageMediaFetch })),
    tagger: mode.tagger,
    logger: logger.child({ component: 'verification' }),
    keys,
    settings: config.verification,
    limits: config.limits,
    tagRetry,
    clock,
    observer: metrics.audit,
  });

  let ready = false;
  const slackLogger = boltLogger(logger);
  const receiver = new SlackReceiver({
    signingSecret: config.slack.signingSecret,
    logger: logger.child({ component: 'receiver' }),
    boltLogger: slackLogger,
    isReady: () => ready,
    getRoutes: new Map([...metrics.routes, ...(mode.getRoutes ?? [])]),
  });
  const app = new AckTimedApp({
    ...mode.auth,
    receiver,
    logger: slackLogger,
    deferInitialization: true,
    clientOptions: { ...SLACK_CLIENT_OPTIONS, slackApiUrl: config.slack.apiUrl, fetch: slackFetch },
    observeAck: metrics.observeAck,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  // Listeners keep running after their ack (the SMS send, the lookup): track them for shutdown.
  const inFlight = new InFlightWork();
  app.use(({ next }) => inFlight.run(next));
  mode.register(app, verification.forgetWorkspace);
  registerListeners(app, {
    verification,
    references: new FlowReferences(keys.flowReference),
    settings: config.verification,
    locales: new MemberLocales({ nowMs: clock }),
    logger: logger.child({ component: 'slack' }),
  });

  const retries = new PeriodicTask(
    () => tagging.retryDue(),
    options.tagRetryPollMs ?? 5_000,
    (error) => logger.error({ err: error }, 'profile tag retry run failed'),
  );
  try {
    await app.init(); // with a single bot token, checks it with auth.test
  } catch (error) {
    await Promise.all([store.close(), outbound.close()]);
    throw error;
  }
  const server = (await app.start(config.port)) as Server;
  retries.start();
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, 'verify-phone listening');
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
