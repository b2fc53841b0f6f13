import type { Server } from 'node:http';
import type { Receiver } from '@slack/bolt';
import type { Config } from './config';
import { MessageMediaClient } from './infrastructure/messagemedia/client';
import { deliveryReportUrl } from './infrastructure/messagemedia/delivery-report-route';
import { MessageMediaSmsGateway } from './infrastructure/messagemedia/sms-gateway';
import { createMetrics } from './infrastructure/metrics/app-metrics';
import { createOutboundHttp } from './infrastructure/outbound-http';
import { MemberLocales } from './infrastructure/slack/member-locales';
import { SLACK_CLIENT_OPTIONS } from './infrastructure/slack/web-client';
import { WebClients } from './infrastructure/slack/web-clients';
import { openStore } from './infrastructure/store/open-store';
import { installationMode } from './installation-mode';
import { InFlightWork, PeriodicTask } from './lifecycle';
import { type AppLogger, boltLogger } from './logger';
import { AckTimedApp } from './slack/ack-timing';
import { createAdminConsole } from './slack/admin/compose';
import { createDeliveryUpdates } from './slack/delivery/delivery-updates';
import { DEFAULT_POLLING, type PollingPolicy } from './slack/delivery/polling';
import { DirectMessages } from './slack/direct-message';
import { oncePerEvent } from './slack/event-once';
import type { ListenAddress, PlainRoutes } from './slack/health-server';
import { registerListeners } from './slack/listeners';
import { SlackMemberNotifier } from './slack/member-notifier';
import { SlackReceiver } from './slack/receiver';
import { SlackSocketReceiver } from './slack/socket-receiver';
import { DeliveryTokens } from './verification/delivery-token';
import { FlowReferences } from './verification/flow-reference';
import { secondsOf } from './verification/flow-rules';
import { deriveKeys } from './verification/keys';
import type { Clock } from './verification/ports';
import { DEFAULT_TAG_RETRY, type TagRetryPolicy } from './verification/profile-tagging';
import { createUseCases } from './verification/use-cases';
import { workflowSteps } from './workflow-steps';

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
  /** How often expiry and retention run (verifications and workflow step requests). */
  readonly maintenancePollMs?: number;
  /** How long shutdown waits for work still running after an ack. */
  readonly drainTimeoutMs?: number;
  /** How a message's delivery is polled when there is no PUBLIC_URL. */
  readonly deliveryPolling?: PollingPolicy;
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
  const deliveryTokens = new DeliveryTokens(keys.deliveryReport);
  const { publicUrl } = config;
  const clients = new WebClients(config.slack.apiUrl, slackFetch);
  const mode = installationMode(config, {
    store,
    keys,
    fetch: slackFetch,
    clients,
    logger,
    nowSeconds: secondsOf(clock),
  });
  // One cache of member locales for the listeners and the "verify again" DMs.
  const locales = new MemberLocales({ nowMs: clock });
  const directMessages = new DirectMessages(mode.botClientFor, locales);
  const notifier = new SlackMemberNotifier(directMessages, logger.child({ component: 'notifier' }));
  const workflows = workflowSteps({
    store,
    botClientFor: mode.botClientFor,
    timeoutHours: config.workflowTimeoutHours,
    retentionDays: config.membership.retentionDays,
    nowSeconds: secondsOf(clock),
    pollMs: options.maintenancePollMs ?? 60_000,
    locales,
    logger,
  });
  const { tagging, retention, ...verification } = createUseCases({
    store,
    sms: new MessageMediaSmsGateway(new MessageMediaClient({ ...config.messageMedia, fetchImpl: messageMediaFetch })),
    tagger: mode.tagger,
    notifier,
    logger: logger.child({ component: 'verification' }),
    keys,
    settings: config.verification,
    limits: config.limits,
    membership: config.membership,
    tagRetry,
    clock,
    observer: metrics.audit,
    verified: workflows.requests,
    reportTo:
      publicUrl === undefined ? undefined : (flowId) => deliveryReportUrl(publicUrl, deliveryTokens.issue(flowId)),
  });
  // Listeners keep running after their ack (the SMS send, the lookup), and so does a delivery
  // report's modal update: track them for shutdown.
  const inFlight = new InFlightWork();
  const deliveries = createDeliveryUpdates({
    delivery: verification.delivery,
    tokens: deliveryTokens,
    callbacks: publicUrl !== undefined,
    polling: options.deliveryPolling ?? DEFAULT_POLLING,
    settings: config.verification,
    inFlight,
    logger: logger.child({ component: 'delivery' }),
  });

  let ready = false;
  const slackLogger = boltLogger(logger);
  const receiver = slackReceiver(config, logger, {
    isReady: () => ready,
    getRoutes: new Map([...metrics.routes, ...(mode.getRoutes ?? [])]),
    fetch: slackFetch,
    postRoutes: deliveries.postRoutes,
  });
  const app = new AckTimedApp({
    ...mode.auth,
    receiver,
    logger: slackLogger,
    deferInitialization: true,
    convoStore: false, // no listener keeps conversation state: skip the per-request store lookup
    clientOptions: { ...SLACK_CLIENT_OPTIONS, slackApiUrl: config.slack.apiUrl, fetch: slackFetch },
    observeAck: metrics.observeAck,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  app.use(({ next }) => inFlight.run(next));
  mode.register(app, verification.forgetWorkspace);
  app.use(oncePerEvent(verification.firstDelivery, logger.child({ component: 'slack' })));
  const { admin, requests } = createAdminConsole({
    store,
    directMessages,
    botClientFor: mode.botClientFor,
    locales,
    settings: config.admin,
    logger,
    clock,
    observer: metrics.audit,
  });
  registerListeners(app, {
    verification,
    references: new FlowReferences(keys.flowReference),
    settings: config.verification,
    deliveries: deliveries.watch,
    locales,
    logger: logger.child({ component: 'slack' }),
    admin,
    limits: config.limits,
    clients,
  });
  workflows.register(app);

  const retries = new PeriodicTask(
    () => tagging.retryDue(),
    options.tagRetryPollMs ?? 5_000,
    (error) => logger.error({ err: error }, 'profile tag retry run failed'),
  );
  const maintenance = new PeriodicTask(
    () => retention.run(),
    options.maintenancePollMs ?? 60_000,
    (error) => logger.error({ err: error }, 'expiry and retention run failed'),
  );
  let server: Server;
  try {
    await retention.configure();
    await app.init(); // with a single bot token, checks it with auth.test
    server = (await app.start({ port: config.port, host: config.host })) as Server; // in Socket Mode, also the app-level token
  } catch (error) {
    await Promise.all([store.close(), outbound.close()]);
    throw error;
  }
  retries.start();
  maintenance.start();
  workflows.expiry.start();
  requests.start();
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const { transport, installation } = config.slack;
  logger.info({ port, transport: transport.kind, installation: installation.kind }, 'verify-phone listening');
  return {
    server,
    port,
    async stop() {
      ready = false;
      const closed = app.stop(); // stops accepting; open requests still finish
      await inFlight.drain(options.drainTimeoutMs ?? 15_000);
      await closed;
      await Promise.all([
        retries.stop(),
        maintenance.stop(),
        workflows.expiry.stop(),
        requests.stop(),
        deliveries.stop(),
      ]);
      await Promise.all([store.close(), outbound.close()]);
      logger.info('verify-phone stopped');
    },
  };
}

/** Slack's way in, as the settings chose: signed HTTP requests, or a Socket Mode connection we dial out. */
function slackReceiver(
  config: Config,
  logger: AppLogger,
  options: PlainRoutes & { readonly fetch: typeof globalThis.fetch },
): Receiver & { start(address: ListenAddress): Promise<Server> } {
  const { transport, apiUrl } = config.slack;
  const { fetch, ...routes } = options;
  if (transport.kind === 'socket') {
    return new SlackSocketReceiver({ appToken: transport.appToken, apiUrl, fetch, logger, ...routes });
  }
  return new SlackReceiver({
    signingSecret: transport.signingSecret,
    logger: logger.child({ component: 'receiver' }),
    boltLogger: boltLogger(logger),
    ...routes,
  });
}
