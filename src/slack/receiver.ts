import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type App, HTTPResponseAck, HTTPModuleFunctions as http, type Logger, type Receiver } from '@slack/bolt';
import { isRecord } from '../shared/guards';
import { shapeProblem } from './payload-shape';

export interface SlackReceiverOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  /** Answers `GET /healthz`: true → 200, false → 503. */
  readonly isReady: () => boolean;
  /** Slack's payloads are small; a modal view is at most 250 kB. */
  readonly bodyLimitBytes?: number;
  /** Extra `GET` paths (the OAuth install page and redirect), each handler writing its own response. */
  readonly getRoutes?: Readonly<Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>>;
}

const EVENTS_PATH = '/slack/events';

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
  }

  async start(port: number): Promise<Server> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        this.options.logger.error('request handling failed', error);
        if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      });
    });
    // Keep idle connections longer than the usual 60 s of the load balancer (or Slack) in front, so a
    // member's next step reuses its connection instead of a burst of new ones.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.listen({ port, backlog: 1024 });
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
    const path = req.url?.split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const ready = this.options.isReady();
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ok' : 'unavailable');
    } else if (req.method === 'POST' && path === EVENTS_PATH) {
      await this.handleEvent(req, res);
    } else if (req.method === 'GET' && path && this.options.getRoutes && Object.hasOwn(this.options.getRoutes, path)) {
      await this.options.getRoutes[path]?.(req, res);
    } else {
      http.buildNoBodyResponse(res, 404);
    }
  }

  private async handleEvent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger, signingSecret, bodyLimitBytes = 1_000_000 } = this.options;
    let request: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      request = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret, bodyLimit: bodyLimitBytes }, req);
    } catch (error) {
      const tooLarge = http.isRawBodyError(error) && error.statusCode === 413;
      logger.warn(tooLarge ? 'request body too large' : 'request refused: bad or stale signature');
      http.buildNoBodyResponse(res, tooLarge ? 413 : 401);
      return;
    }
    let body: unknown;
    try {
      body = http.parseHTTPRequestBody(request);
    } catch {
      logger.warn('request refused: body is not valid for its content type');
      http.buildNoBodyResponse(res, 400);
      return;
    }
    if (isRecord(body) && body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (isRecord(body) && body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    const problem = shapeProblem(body);
    if (problem || !isRecord(body)) {
      logger.warn(`request refused: ${problem}`);
      http.buildNoBodyResponse(res, 400);
      return;
    }
    await this.dispatch(request, body, res);
  }

  /** Hands a routable event to Bolt, with Bolt's own ack (3 s timer, single use). */
  private async dispatch(req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
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
