import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { AppLogger } from '../logger';
import { errorText } from '../shared/error-text';
import { isRecord } from '../shared/guards';

/** A Socket Mode message that carries an `envelope_id`: something to hand to the app and ack. */
export type Envelope = Readonly<Record<string, unknown>> & { readonly envelope_id: string };

/** Sends one message on the socket the envelope came on; false when that socket has closed. */
export type Reply = (message: string) => boolean;

export interface SocketConnectionOptions {
  /** A fresh WebSocket URL from `apps.connections.open`; each works once. */
  readonly openUrl: () => Promise<string>;
  readonly onEnvelope: (envelope: Envelope, reply: Reply) => void;
  readonly logger: AppLogger;
}

/** Failed dials back off from this, doubling, with jitter... */
const BASE_BACKOFF_MS = 250;
/** ...up to this: a Slack outage is not hammered, and recovery is noticed within half a minute. */
const MAX_BACKOFF_MS = 30_000;
/** A dial that has not seen `hello` by then has failed. */
const HELLO_TIMEOUT_MS = 10_000;
/** A socket that answers no ping within this is dead, even if TCP has not noticed (a silent NAT drop). */
const HEARTBEAT_MS = 15_000;

/**
 * One live Socket Mode connection to Slack, kept up. A `disconnect` message is answered by dialling a
 * replacement first and closing the old socket only once the new one has said `hello`, so envelopes
 * keep flowing; a lost socket is redialled at once, then with bounded, jittered backoff. At most one
 * dial runs at a time, so there is never more than the live socket and its replacement.
 */
export class SocketConnection {
  private current: WebSocket | undefined;
  private readonly sockets = new Set<WebSocket>();
  private dialing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** When the live socket was lost or asked to go, for the reconnect time in the log. */
  private lostAt: number | undefined;
  private stopped = false;

  constructor(private readonly options: SocketConnectionOptions) {}

  /** True while a socket has said `hello` and is open. */
  get connected(): boolean {
    return this.current !== undefined;
  }

  /** Connects once; a refused token or unreachable endpoint rejects, so start-up fails loudly. */
  start(): Promise<void> {
    this.stopped = false;
    return this.dial();
  }

  /** Stops redialling and closes every socket, including one still being dialled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await Promise.all([...this.sockets].map(closeSocket));
    await this.dialing?.catch(() => {});
  }

  private dial(): Promise<void> {
    this.dialing ??= this.connect().finally(() => {
      this.dialing = undefined;
    });
    return this.dialing;
  }

  private async connect(): Promise<void> {
    const socket = await this.open(await this.options.openUrl());
    if (this.stopped) {
      await closeSocket(socket);
      return;
    }
    const previous = this.current;
    this.current = socket;
    this.failures = 0;
    const reconnectMs = this.lostAt === undefined ? undefined : Math.round(performance.now() - this.lostAt);
    this.lostAt = undefined;
    this.options.logger.info({ reconnectMs }, 'Socket Mode connected');
    if (previous) void closeSocket(previous);
  }

  /** Resolves once the socket has said `hello`; rejects if it closes or stays silent first. */
  private open(url: string): Promise<WebSocket> {
    const socket = new WebSocket(url, { handshakeTimeout: HELLO_TIMEOUT_MS });
    this.sockets.add(socket);
    const heartbeat = keepAlive(socket, HEARTBEAT_MS);
    return new Promise((resolve, reject) => {
      const silent = setTimeout(() => socket.terminate(), HELLO_TIMEOUT_MS);
      let greeted = false;
      socket.on('message', (data) => {
        const message = parse(data.toString());
        if (message?.type === 'hello' && !greeted) {
          greeted = true;
          clearTimeout(silent);
          resolve(socket);
        } else if (message) this.receive(socket, message);
      });
      socket.on('error', (error) => this.options.logger.warn({ error: errorText(error) }, 'Socket Mode socket error'));
      socket.on('close', (code) => {
        clearTimeout(silent);
        clearInterval(heartbeat);
        this.sockets.delete(socket);
        if (!greeted) reject(new Error(`the Socket Mode connection closed before hello (code ${code})`));
        else this.closed(socket, code);
      });
    });
  }

  private receive(socket: WebSocket, message: Record<string, unknown>): void {
    if (message.type === 'disconnect') {
      if (socket !== this.current) return;
      this.options.logger.info({ reason: message.reason }, 'Socket Mode disconnect requested; dialling a replacement');
      this.lostAt ??= performance.now();
      this.redial();
    } else if (typeof message.envelope_id === 'string') {
      this.options.onEnvelope(message as Envelope, (reply) => send(socket, reply));
    }
  }

  private closed(socket: WebSocket, code: number): void {
    if (socket !== this.current) return; // a replaced socket, or one closed by stop()
    this.current = undefined;
    this.lostAt ??= performance.now();
    if (this.stopped || this.dialing) return; // a replacement is already being dialled
    this.options.logger.warn({ code }, 'Socket Mode connection lost; reconnecting');
    this.redial();
  }

  /** Dials now unless a dial is under way or scheduled; a failure schedules the next try. */
  private redial(): void {
    if (this.stopped || this.dialing || this.retryTimer) return;
    this.dial().catch((error: unknown) => {
      this.failures += 1;
      const delayMs = backoffMs(this.failures, BASE_BACKOFF_MS, MAX_BACKOFF_MS);
      this.options.logger.warn(
        { error: errorText(error), failures: this.failures, delayMs },
        'Socket Mode dial failed; retrying',
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.redial();
      }, delayMs);
    });
  }
}

/** Half to all of `base · 2^(failures − 1)`, capped: spread out, never zero, never beyond the cap. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const message: unknown = JSON.parse(text);
    return isRecord(message) ? message : undefined;
  } catch {
    return undefined;
  }
}

function send(socket: WebSocket, message: string): boolean {
  if (socket.readyState !== WebSocket.OPEN) return false;
  socket.send(message);
  return true;
}

/** Pings every `intervalMs`; a socket that did not answer the previous ping is terminated. */
function keepAlive(socket: WebSocket, intervalMs: number): NodeJS.Timeout {
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    if (socket.readyState === WebSocket.OPEN) socket.ping();
  }, intervalMs);
  timer.unref();
  return timer;
}

/** A close handshake, cut short after a second: a peer that never answers must not hold up shutdown. */
function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => socket.terminate(), 1_000);
    socket.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    socket.close(1000);
  });
}
