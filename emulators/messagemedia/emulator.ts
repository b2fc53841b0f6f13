import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { listen, type RunningServer, readBody, sendJson } from '../http';
import { Accounts } from './accounts';
import { type EmulatorRoute, FailureQueue, type InjectedFailure, serveFailure } from './faults';
import { isCancelRequest, validateSendRequest } from './validation';
import { TEXT, type WireMessage } from './wire';

export interface MessageMediaEmulatorOptions {
  /** The first account; add more with `addAccount`. */
  readonly apiKey: string;
  readonly apiSecret: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

/** One request as the emulator saw it. Credentials are never recorded. */
export interface RequestLogEntry {
  readonly method: string;
  /** Path without the query string, still percent-encoded. */
  readonly path: string;
  /** null while in flight, or when no HTTP answer was given ('hang', 'reset'). */
  readonly status: number | null;
  /** Epoch milliseconds. */
  readonly receivedAt: number;
}

type Route = { readonly name: 'send' } | { readonly name: 'lookup' | 'cancel'; readonly id: string };

interface StoredMessage {
  readonly apiKey: string;
  message: WireMessage;
}

const BODY_LIMIT_BYTES = 1_000_000;

/** An answer the API gives instead of the normal response; thrown by handlers, sent by `handle`. */
class ApiError {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

const badRequest = (details: readonly string[]) => new ApiError(400, { message: TEXT.badRequest, details });
const notFound = () => new ApiError(404, { message: TEXT.notFound });

/**
 * The MessageMedia Messages API (send, get status, cancel) over real HTTP on 127.0.0.1, with the
 * API's validation, per-account isolation and error bodies, plus hooks to inspect what was sent and to
 * inject latency and failures. Speaks the same wire format as the vendor SDK.
 */
export class MessageMediaEmulator {
  /** Delay before every request is handled (and before any injected failure). */
  latencyMs = 0;

  readonly #accounts = new Accounts();
  readonly #failures = new FailureQueue();
  /** By message id, in the order accepted. */
  readonly #messages = new Map<string, StoredMessage>();
  readonly #log: { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] }[] = [];
  readonly #stopping = new AbortController();
  #server: RunningServer | undefined;

  private constructor() {}

  static async start(options: MessageMediaEmulatorOptions): Promise<MessageMediaEmulator> {
    const emulator = new MessageMediaEmulator();
    emulator.addAccount(options.apiKey, options.apiSecret);
    emulator.#server = await listen((req, res) => emulator.#handle(req, res), options.port ?? 0);
    return emulator;
  }

  /** Base URL, e.g. `http://127.0.0.1:PORT`, without a trailing slash. */
  get url(): string {
    if (!this.#server) throw new Error('emulator not started');
    return this.#server.url;
  }

  /** Accepted messages of every account, oldest first, as stored (current status). */
  get outbox(): readonly WireMessage[] {
    return [...this.#messages.values()].map((stored) => stored.message);
  }

  get requests(): readonly RequestLogEntry[] {
    return [...this.#log];
  }

  lastMessageTo(destinationNumber: string): WireMessage | undefined {
    return this.outbox.filter((message) => message.destination_number === destinationNumber).at(-1);
  }

  /** Another account, which sees only its own messages. */
  addAccount(apiKey: string, apiSecret: string): void {
    this.#accounts.add(apiKey, apiSecret);
  }

  /** Moves a message on, as delivery reports would (e.g. 'delivered', 'failed'). */
  setStatus(messageId: string, status: string): void {
    const stored = this.#messages.get(messageId);
    if (!stored) throw new Error(`no message ${messageId}`);
    stored.message = { ...stored.message, status };
  }

  /** The next `count` requests to `route` fail this way instead of being handled. */
  failNext(route: EmulatorRoute, failure: InjectedFailure, count = 1): void {
    this.#failures.add(route, failure, count);
  }

  /** Forgets messages, the request log, pending failures and latency; accounts stay. */
  reset(): void {
    this.#messages.clear();
    this.#log.length = 0;
    this.#failures.clear();
    this.latencyMs = 0;
  }

  /** Closes every connection, including hung ones, and cuts pending latency short. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#server?.close();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://emulator');
    const entry = { method: req.method ?? '', path: pathname, status: null as number | null, receivedAt: Date.now() };
    this.#log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    if (!(await this.#applyLatency())) return;
    const route = routeOf(entry.method, pathname);
    const failure = route && this.#failures.take(route.name);
    if (failure) return serveFailure(res, failure);

    try {
      const apiKey = this.#accounts.authenticate(req.headers.authorization);
      if (apiKey === undefined) throw new ApiError(401, { message: TEXT.unauthorized });
      if (!route) throw notFound();
      await this.#dispatch(route, apiKey, req, res);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendJson(res, error.status, error.body);
    }
  }

  async #dispatch(route: Route, apiKey: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (route.name) {
      case 'send':
        return sendJson(res, 202, { messages: this.#accept(apiKey, await readJson(req)) });
      case 'lookup':
        return sendJson(res, 200, this.#owned(apiKey, route.id).message);
      case 'cancel':
        this.#cancel(this.#owned(apiKey, route.id), await readJson(req));
        res.writeHead(200);
        res.end();
    }
  }

  /** All or nothing: one invalid message and none is stored. Returns the 202 body's messages. */
  #accept(apiKey: string, body: unknown): WireMessage[] {
    const result = validateSendRequest(body);
    if (!result.ok) throw badRequest(result.details);
    const now = Date.now();
    return result.messages.map((input) => {
      // Validated above, so the input has WireMessage's field types.
      const message = {
        ...input,
        delivery_report: input.delivery_report ?? false,
        format: input.format ?? 'SMS',
        message_id: randomUUID(),
        status: 'queued',
      } as WireMessage;
      const scheduled = typeof input.scheduled === 'string' && Date.parse(input.scheduled) > now;
      this.#messages.set(message.message_id, {
        apiKey,
        message: scheduled ? { ...message, status: 'scheduled' } : message,
      });
      // The submit response always says "queued", even for a scheduled message.
      return message;
    });
  }

  #cancel(stored: StoredMessage, body: unknown): void {
    if (!isCancelRequest(body)) throw badRequest(['/status: The only allowed status is "cancelled".']);
    if (stored.message.status !== 'scheduled') throw badRequest(['/status: Only scheduled messages can be cancelled.']);
    stored.message = { ...stored.message, status: 'cancelled' };
  }

  /** Another account's message is indistinguishable from a missing one. */
  #owned(apiKey: string, messageId: string): StoredMessage {
    const stored = this.#messages.get(messageId);
    if (!stored || stored.apiKey !== apiKey) throw notFound();
    return stored;
  }

  /** False when the emulator stopped meanwhile: the request must not be handled any more. */
  async #applyLatency(): Promise<boolean> {
    if (this.latencyMs <= 0) return true;
    try {
      // Abortable (unlike a plain sleep) so stop() leaves no timer behind.
      await delay(this.latencyMs, undefined, { signal: this.#stopping.signal });
      return true;
    } catch {
      return false;
    }
  }
}

function routeOf(method: string, pathname: string): Route | undefined {
  if (pathname === '/v1/messages') return method === 'POST' ? { name: 'send' } : undefined;
  const segment = /^\/v1\/messages\/([^/]+)$/.exec(pathname)?.[1];
  const id = segment === undefined ? undefined : decodeSegment(segment);
  if (id === undefined) return undefined;
  if (method === 'GET') return { name: 'lookup', id };
  if (method === 'PUT') return { name: 'cancel', id };
  return undefined;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req, BODY_LIMIT_BYTES);
  } catch {
    throw new ApiError(413, { message: TEXT.tooLarge });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest([TEXT.unparsableBody]);
  }
}
