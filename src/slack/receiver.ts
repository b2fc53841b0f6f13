import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPResponseAck,
  HTTPModuleFunctions as http,
  type Logger,
  type Receiver,
} from '@slack/bolt';
import type { AppLogger } from '../logger';
import { isRecord } from '../shared/guards';
import { type ListenAddress, type PlainRoutes, servePlainRoute } from './health-server';
import { shapeProblem } from './payload-shape';

export interface SlackReceiverOptions extends PlainRoutes {
  readonly signingSecret: string;
  /** The receiver's own lines, as structured fields. */
  readonly logger: AppLogger;
  /** Bolt's logger interface, for Bolt's ack and error handling. */
  readonly boltLogger: Logger;
  /** Slack's payloads are small; a modal view is at most 250 kB. */
  readonly bodyLimitBytes?: number;
}

const EVENTS_PATH = '/slack/events';

/** Why a request went no further than the receiver: the `reason` field of its log line. */
type Refusal =
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_signature'
  | 'body_too_large'
  | 'invalid_body'
  | 'unroutable_body';

/** Slack's replay window: a request dated further than this from our clock, either way, is refused. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver, tightened: the same signature check, body parsing and ack handling (Bolt's
 * own functions), plus a shape check that answers 400 to any signed body Bolt could not route,
 * instead of a 500 or a crash. Also serves the readiness probe.
 */
export class SlackReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;

  constructor(private readonly options: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
    withPrototypeFreeClientCache(app);
  }

  async start({ port, host }: ListenAddress): Promise<Server> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        this.options.logger.error({ err: error, path: pathOf(req) }, 'request handling failed');
        if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      });
    });
    // Keep idle connections longer than the usual 60 s of the load balancer (or Slack) in front, so a
    // member's next step reuses its connection instead of a burst of new ones.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.listen({ port, host, backlog: 1024 });
    await once(server, 'listening');
    this.server = server;
    return server;
  }

  /** Stops accepting connections; requests already received still get their answer. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await servePlainRoute(req, res, this.options)) return;
    if (req.method === 'POST' && pathOf(req) === EVENTS_PATH) await this.handleEvent(req, res);
    else http.buildNoBodyResponse(res, 404);
  }

  private async handleEvent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await this.verified(req, res);
    if (!request) return;
    let body: unknown;
    try {
      body = http.parseHTTPRequestBody(request);
    } catch {
      return this.refuse(res, 400, 'invalid_body');
    }
    if (isRecord(body) && body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (isRecord(body) && body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    const problem = shapeProblem(body);
    if (problem || !isRecord(body)) return this.refuse(res, 400, 'unroutable_body', problem);
    await this.dispatch(request, body, res);
  }

  /** The request with its body read, dated within the window and signed; undefined once refused. */
  private async verified(req: IncomingMessage, res: ServerResponse): Promise<BufferedIncomingMessage | undefined> {
    const skew = timestampProblem(req);
    if (skew) return this.refuse(res, 401, skew);
    const { signingSecret, bodyLimitBytes = 1_000_000 } = this.options;
    try {
      return await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret, bodyLimit: bodyLimitBytes }, req);
    } catch (error) {
      if (!(http.isRawBodyError(error) && error.statusCode === 413)) return this.refuse(res, 401, 'bad_signature');
      // Bolt stops reading an oversized body midway and leaves the request paused; its unread rest would
      // wedge this keep-alive connection for good. Answer, and have Node close the connection after.
      res.setHeader('connection', 'close');
      return this.refuse(res, 413, 'body_too_large');
    }
  }

  /** Answers a request that goes no further than the receiver, and says why in the log. */
  private refuse(res: ServerResponse, status: number, reason: Refusal, problem?: string): undefined {
    this.options.logger.warn({ reason, problem, status, path: EVENTS_PATH }, 'request refused');
    http.buildNoBodyResponse(res, status);
    return undefined;
  }

  /** Hands a routable event to Bolt, with Bolt's own ack (3 s timer, single use). */
  private async dispatch(req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const logger = this.options.boltLogger;
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      unhandledRequestHandler: http.defaultUnhandledRequestHandler,
      unhandledRequestTimeoutMillis: 3_001,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const acknowledge = ack.bind();
    try {
      await this.app?.processEvent({
        body,
        // After every ack, yield once to the event loop before the listener goes on: in a burst, the
        // requests already waiting are parsed and acked before anyone's slow part (Slack and SMS calls).
        ack: async (response) => {
          await acknowledge(response);
          await nextTurn();
        },
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
    } catch (error) {
      const acknowledged = await http.defaultProcessEventErrorHandler({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledged) ack.ack();
    }
  }
}

function pathOf(req: IncomingMessage): string | undefined {
  return req.url?.split('?')[0];
}

/** Bolt refuses stale requests only; one dated ahead could otherwise be replayed until its date comes. */
function timestampProblem(req: IncomingMessage): 'stale_timestamp' | 'future_timestamp' | undefined {
  // An absent or malformed header gives NaN, which is in no window: Bolt refuses it (bar an ssl_check).
  const skew = Number(req.headers['x-slack-request-timestamp']) - Math.floor(Date.now() / 1000);
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return 'stale_timestamp';
  if (skew > MAX_CLOCK_SKEW_SECONDS) return 'future_timestamp';
  return undefined;
}

/**
 * Bolt 5 caches a Web API client per team in a plain object (the private `App.clients`), keyed by the
 * team id each request carries: a team named `constructor` or `__proto__` finds a member of
 * Object.prototype instead of a cache entry, and the request fails with a 500. In a prototype-free
 * object every id is an ordinary key.
 */
function withPrototypeFreeClientCache(app: App): void {
  const internals = app as unknown as { clients?: unknown };
  // Fail at start-up, not per request, if a Bolt upgrade moved the cache: its keying must be checked again.
  if (!isRecord(internals.clients)) throw new Error('Bolt has no App.clients cache to harden');
  internals.clients = Object.assign(Object.create(null), internals.clients);
}
