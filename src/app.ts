import type { Server } from 'node:http';
import { App } from '@slack/bolt';
import type { Config } from './config';
import { MessageMediaClient } from './infrastructure/messagemedia/client';
import { MessageMediaSmsGateway } from './infrastructure/messagemedia/sms-gateway';
import { SlackProfileTagger, UnconfiguredProfileTagger } from './infrastructure/slack/profile-tagger';
import { createWebClient, SLACK_CLIENT_OPTIONS } from './infrastructure/slack/web-client';
import { openStore } from './infrastructure/store/open-store';
import { type AppLogger, boltLogger } from './logger';
import { registerListeners } from './slack/listeners';
import { FlowReferences } from './verification/flow-reference';
import { deriveKeys } from './verification/keys';
import type { Clock, ProfileTagger } from './verification/ports';
import { VerificationService } from './verification/verification-service';

export interface RunningApp {
  readonly server: Server;
  readonly port: number;
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly logger: AppLogger;
  /** Milliseconds since the epoch; injectable so expiry can be tested without waiting. */
  readonly clock?: Clock;
}

/** The composition root: every adapter is built and wired here, and nowhere else. */
export async function startApp(config: Config, { logger, clock = Date.now }: AppOptions): Promise<RunningApp> {
  const keys = deriveKeys(config.verification.secret);
  const store = openStore(config.databaseUrl);
  const sms = new MessageMediaSmsGateway(new MessageMediaClient(config.messageMedia));
  const verification = new VerificationService({
    store,
    sms,
    tagger: profileTagger(config),
    digestKey: keys.messageDigest,
    settings: config.verification,
    clock,
    logger: logger.child({ component: 'verification' }),
  });

  let ready = false;
  const app = new App({
    token: config.slack.botToken,
    signingSecret: config.slack.signingSecret,
    logger: boltLogger(logger),
    deferInitialization: true,
    clientOptions: { ...SLACK_CLIENT_OPTIONS, slackApiUrl: config.slack.apiUrl },
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
          res.end(ready ? 'ok' : 'starting');
        },
      },
    ],
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  registerListeners(app, { verification, references: new FlowReferences(keys.flowReference) });

  try {
    await app.init(); // checks the bot token with auth.test
  } catch (error) {
    await store.close();
    throw error;
  }
  const server = (await app.start(config.port)) as Server;
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, 'verify-phone listening');
  return {
    server,
    port,
    async stop() {
      ready = false;
      await app.stop();
      await store.close();
    },
  };
}

function profileTagger(config: Config): ProfileTagger {
  const { adminToken, botToken, apiUrl, profileFieldId, profileFieldLabel } = config.slack;
  if (!adminToken) return new UnconfiguredProfileTagger();
  return new SlackProfileTagger(createWebClient(adminToken, apiUrl), createWebClient(botToken, apiUrl), {
    fieldId: profileFieldId,
    fieldLabel: profileFieldLabel,
  });
}
