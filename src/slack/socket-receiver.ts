import type { Server } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type App,
  defaultProcessEventErrorHandler,
  type Logger,
  type Receiver,
  type ReceiverEvent,
  ReceiverMultipleAckError,
  webApi,
} from '@slack/bolt';
import { createWebClient } from '../infrastructure/slack/web-client';
import { InFlightWork } from '../lifecycle';
import { type AppLogger, boltLogger } from '../logger';
import { errorText } from '../shared/error-text';
import { isRecord } from '../shared/guards';
import { closeServer, type ListenAddress, type PlainRoutes, startHealthServer } from './health-server';
import { shapeProblem } from './payload-shape';
import { type Envelope, type Reply, SocketConnection } from './socket-connection';

export interface SocketReceiverOptions extends PlainRoutes {
  /** The app-level token (`xapp-…`) that `apps.connections.open` takes. */
  readonly appToken: string;
  readonly apiUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly logger: AppLogger;
}

/** The payload types Bolt routes, as Socket Mode names them. */
const ENVELOPE_TYPES = new Set(['slash_commands', 'interactive', 'events_api']);
/** Bolt's HTTP receiver gives up on an unacked request after this; so do we. */
const UNHANDLED_AFTER_MS = 3_001;
/** At shutdown, how long envelopes already received may take to be acked before the socket closes. */
const ACK_DRAIN_MS = 3_500;

/**
 * Bolt's `Receiver` over Socket Mode, with the HTTP receiver's rules: one ack per envelope, a turn of
 * the event loop after each ack, Bolt's warning for an envelope left unacked for 3 s, and a payload
 * Bolt could not route acked and dropped instead of reaching it. `/healthz` is served on the port.
 */
export class SlackSocketReceiver implements Receiver {
  private app: App | undefined;
  private health: Server | undefined;
  private readonly connection: SocketConnection;
  private readonly bolt: Logger;
  /** Envelopes received and not yet acked, so that stop() can let them be answered first. */
  private readonly unacked = new InFlightWork();
  private accepting = false;

  constructor(private readonly options: SocketReceiverOptions) {
    this.bolt = boltLogger(options.logger);
    const slack = createWebClient(options.appToken, options.apiUrl, options.fetch);
    this.connection = new SocketConnection({
      openUrl: async () => {
        const { url } = await slack.apps.connections.open();
        if (!url) throw new Error('apps.connections.open returned no url');
        return url;
      },
      onEnvelope: (envelope, reply) => this.receive(envelope, reply),
      logger: options.logger.child({ component: 'socket-mode' }),
    });
  }

  init(app: App): void {
    this.app = app;
  }

  /** Serves `/healthz` on the address, then connects; a refused app-level token fails start-up by name. */
  async start({ port, host }: ListenAddress): Promise<Server> {
    const isReady = () => this.connection.connected && this.options.isReady();
    const health = await startHealthServer(
      { port, host },
      // The probe says ready only while a socket is connected; every other plain route as over HTTP.
      { ...this.options, isReady },
    );
    this.accepting = true;
    try {
      await this.connection.start();
    } catch (error) {
      await closeServer(health);
      throw new Error(`Socket Mode could not connect with SLACK_APP_TOKEN: ${reasonOf(error)}`);
    }
    this.health = health;
    return health;
  }

  /** Takes no new envelopes, lets those received be acked, then closes the socket and the probe. */
  async stop(): Promise<void> {
    this.accepting = false;
    await this.unacked.drain(ACK_DRAIN_MS);
    await this.connection.stop();
    if (this.health) await closeServer(this.health);
    this.health = undefined;
  }

  private receive(envelope: Envelope, reply: Reply): void {
    // Left unacked while stopping: Slack retries an event, and shows the member its error for an action.
    if (!this.accepting) return;
    const ack = new EnvelopeAck(envelope.envelope_id, reply, this.bolt);
    void this.unacked.run(() => ack.done);
    this.dispatch(envelope, ack).catch((error: unknown) => {
      this.bolt.error('envelope handling failed', error);
    });
  }

  private async dispatch(envelope: Envelope, ack: EnvelopeAck): Promise<void> {
    const { type, payload } = envelope;
    const problem = ENVELOPE_TYPES.has(String(type)) ? shapeProblem(payload) : `envelope type ${String(type)}`;
    if (problem !== undefined || !isRecord(payload)) {
      this.bolt.warn(`envelope acked and dropped: ${problem}`);
      ack.send();
      return;
    }
    const event: ReceiverEvent = {
      body: payload,
      // As over HTTP: yield once after each ack, so envelopes already waiting are acked before slow work.
      ack: async (response) => {
        ack.send(response);
        await nextTurn();
      },
      retryNum: typeof envelope.retry_attempt === 'number' ? envelope.retry_attempt : undefined,
      retryReason: typeof envelope.retry_reason === 'string' ? envelope.retry_reason : undefined,
      customProperties: {},
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      const shouldAck = await defaultProcessEventErrorHandler({ error: error as Error, logger: this.bolt, event });
      if (shouldAck && !ack.sent) ack.send();
    }
  }
}

/** The ack of one envelope: sent at most once, on the socket it came on, and only within Slack's 3 s. */
class EnvelopeAck {
  sent = false;
  private expired = false;
  private readonly timer: NodeJS.Timeout;
  private settle: () => void = () => {};
  /** Settles once acked or given up on. */
  readonly done = new Promise<void>((resolve) => {
    this.settle = resolve;
  });

  constructor(
    private readonly envelopeId: string,
    private readonly reply: Reply,
    private readonly logger: Logger,
  ) {
    this.timer = setTimeout(() => this.expire(), UNHANDLED_AFTER_MS);
  }

  /** `response` rides in the ack's `payload` (e.g. `response_action`); a string becomes `{ text }`. */
  send(response?: unknown): void {
    if (this.sent) throw new ReceiverMultipleAckError();
    this.sent = true;
    clearTimeout(this.timer);
    this.settle();
    if (this.expired) {
      this.logger.warn('a late ack was dropped: Slack stopped waiting at 3 seconds');
      return;
    }
    const payload = typeof response === 'string' ? { text: response } : response;
    const message =
      payload === undefined ? { envelope_id: this.envelopeId } : { envelope_id: this.envelopeId, payload };
    if (!this.reply(JSON.stringify(message))) this.logger.warn('an ack was lost: its socket had closed');
  }

  private expire(): void {
    this.expired = true;
    this.settle();
    this.logger.error(
      'An incoming event was not acknowledged within 3 seconds. Ensure that the ack() argument is called in a listener.',
    );
  }
}

/** Slack's error code for a refused call (`invalid_auth`…), else the error's own words; never the token. */
function reasonOf(error: unknown): string {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : errorText(error);
}
