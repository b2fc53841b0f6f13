import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FailureQueue } from '../failure-queue';
import { listen, type RunningServer, readBody, sendJson } from '../http';
import { Accounts } from './accounts';
import { DeliveryReports } from './delivery-reports';
import { type EmulatorRoute, type InjectedFailure, serveFailure } from './faults';
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

  /** Delivery sequences per number, the reports posted, and hooks to post more (repeats, forgeries). */
  readonly deliveries = new DeliveryReports(
    (message) => this.#messages.get(message.message_id)?.apiKey ?? '',
    (messageId, status) => {
      this.setStatus(messageId, status);
      return this.#messages.get(messageId)?.message as WireMessage;
    },
  );
  readonly #accounts = new Accounts();
  readonly #failures = new FailureQueue<EmulatorRoute, InjectedFailure>();
  /** By message id, in the order accepted. */
  readonly #messages = new Map<string, StoredMessage>();
  /** The last message accepted for each destination number. */
  readonly #latestByDestination = new Map<string, StoredMessage>();
  readonly #watchers = new Set<(message: WireMessage) => void>();
  readonly #log: { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] }[] = [];
  /** Frozen snapshots for `outbox` and `requests`, dropped whenever what they show changes. */
  #outboxSnapshot: readonly WireMessage[] | undefined;
  #requestsSnapshot: readonly RequestLogEntry[] | undefined;
  /** Requests waiting out `latencyMs`: `stop()` settles them all at once. */
  readonly #delayed = new Set<{ readonly timer: NodeJS.Timeout; readonly settle: (handle: boolean) => void }>();
  #stopped = false;
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

  /**
   * Accepted messages of every account, oldest first, as stored (current status). A frozen snapshot:
   * repeated reads cost nothing until a message is accepted or changes status.
   */
  get outbox(): readonly WireMessage[] {
    this.#outboxSnapshot ??= Object.freeze(Array.from(this.#messages.values(), (stored) => stored.message));
    return this.#outboxSnapshot;
  }

  /** Every request received, oldest first. A frozen snapshot (entries fill in `status` when answered). */
  get requests(): readonly RequestLogEntry[] {
    this.#requestsSnapshot ??= Object.freeze([...this.#log]);
    return this.#requestsSnapshot;
  }

  /** The last message accepted for this number (of any account), with its current status. */
  lastMessageTo(destinationNumber: string): WireMessage | undefined {
    return this.#latestByDestination.get(destinationNumber)?.message;
  }

  /** Calls `watcher` with each message accepted and each change of status; returns the function that stops it. */
  onMessage(watcher: (message: WireMessage) => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Another account, which sees only its own messages. */
  addAccount(apiKey: string, apiSecret: string): void {
    this.#accounts.add(apiKey, apiSecret);
  }

  /** Moves a message on, as delivery reports would (e.g. 'delivered', 'failed'). */
  setStatus(messageId: string, status: string): void {
    const stored = this.#messages.get(messageId);
    if (!stored) throw new Error(`no message ${messageId}`);
    this.#update(stored, status);
  }

  /** The next `count` requests to `route` fail this way instead of being handled. */
  failNext(route: EmulatorRoute, failure: InjectedFailure, count = 1): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
    this.#failures.add(route, failure, count);
  }

  /** Forgets messages, the request log, pending failures and latency; accounts stay. */
  reset(): void {
    this.#messages.clear();
    this.#latestByDestination.clear();
    this.#outboxSnapshot = undefined;
    this.#log.length = 0;
    this.#requestsSnapshot = undefined;
    this.#failures.clear();
    this.deliveries.reset();
    this.latencyMs = 0;
  }

  /** Closes every connection, including hung ones, and cuts pending latency short. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.deliveries.stop();
    for (const { timer, settle } of this.#delayed) {
      clearTimeout(timer);
      settle(false);
    }
    this.#delayed.clear();
    await this.#server?.close();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://emulator');
    const entry = { method: req.method ?? '', path: pathname, status: null as number | null, receivedAt: Date.now() };
    this.#log.push(entry);
    this.#requestsSnapshot = undefined;
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
      const stored: StoredMessage = { apiKey, message: scheduled ? { ...message, status: 'scheduled' } : message };
      this.#messages.set(message.message_id, stored);
      this.#latestByDestination.set(message.destination_number, stored);
      this.#outboxSnapshot = undefined;
      this.deliveries.accepted(message);
      this.#announce(stored.message);
      // The submit response always says "queued", even for a scheduled message.
      return message;
    });
  }

  #cancel(stored: StoredMessage, body: unknown): void {
    if (!isCancelRequest(body)) throw badRequest(['/status: The only allowed status is "cancelled".']);
    if (stored.message.status !== 'scheduled') throw badRequest(['/status: Only scheduled messages can be cancelled.']);
    this.#update(stored, 'cancelled');
  }

  #update(stored: StoredMessage, status: string): void {
    stored.message = { ...stored.message, status };
    this.#outboxSnapshot = undefined;
    this.#announce(stored.message);
  }

  #announce(message: WireMessage): void {
    for (const watcher of this.#watchers) watcher(message);
  }

  /** Another account's message is indistinguishable from a missing one. */
  #owned(apiKey: string, messageId: string): StoredMessage {
    const stored = this.#messages.get(messageId);
    if (!stored || stored.apiKey !== apiKey) throw notFound();
    return stored;
  }

  /**
   * False when the emulator stopped meanwhile: the request must not be handled any more.
   * Each delayed request is one entry in `#delayed` (O(1) to add and remove) rather than a listener
   * on a shared AbortSignal, so any number can be in flight, and stop() leaves no timer behind.
   */
  #applyLatency(): Promise<boolean> {
    if (this.latencyMs <= 0) return Promise.resolve(true);
    if (this.#stopped) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          this.#delayed.delete(pending);
          resolve(true);
        }, this.latencyMs),
        settle: resolve,
      };
      this.#delayed.add(pending);
    });
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
