import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { isRecord } from '../../src/shared/guards';
import { Waiters } from './waiters';

/** What Slack wraps a payload in, by how it would have reached an HTTP app. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** The app's answer to one envelope: the ack's `payload` (absent for a bare ack) and the time it took. */
export interface SocketAck {
  readonly payload: unknown;
  /** From the delivery being asked for (so including any wait for a connection) to the ack. */
  readonly ackMs: number;
}

/** A connection as the emulator sees it. */
interface Link {
  readonly socket: WebSocket;
  /** Told to go away (`disconnect`): no new envelopes are sent on it. */
  leaving: boolean;
}

interface PendingAck {
  readonly resolve: (payload: unknown) => void;
  readonly acceptsPayload: boolean;
}

/**
 * Slack's Socket Mode side: `apps.connections.open` hands out one-time `ws://` URLs, each connection
 * gets `hello`, envelopes go to the newest connection not told to leave, and acks come back by
 * `envelope_id`. While the app has no usable connection, an envelope waits for one, as the member
 * behind it would. Envelopes are not redelivered when a socket drops before its ack.
 */
export class SocketModeServer {
  private readonly links: Link[] = [];
  private readonly tickets = new Set<string>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly linkWaiters = new Waiters<Link>();
  private readonly acked: string[] = [];
  private accepted = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly appId: string,
  ) {}

  static async start(appId: string): Promise<SocketModeServer> {
    const server = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true });
    const endpoint = new SocketModeServer(server, wss, appId);
    server.on('upgrade', (req, socket, head) => endpoint.upgrade(req, socket, head));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return endpoint;
  }

  /** What `apps.connections.open` returns: a fresh URL whose ticket works once. */
  connectionUrl(): string {
    const ticket = randomBytes(16).toString('hex');
    this.tickets.add(ticket);
    const { port } = this.server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  /** Connections accepted since start or reset (a reconnect adds one). */
  get connectionCount(): number {
    return this.accepted;
  }

  /** Connections open right now. */
  get openConnections(): number {
    return this.links.length;
  }

  /** Envelope ids in the order their acks arrived; an id twice means an envelope was acked twice. */
  get acks(): readonly string[] {
    return this.acked;
  }

  /**
   * Sends one envelope and resolves with the app's ack, waiting first for a connection when the app
   * has none. Rejects when no ack arrives within `timeoutMs` (Slack has long given up by then).
   */
  async deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    timeoutMs: number,
    retryAttempt = 0,
  ): Promise<SocketAck> {
    const started = performance.now();
    const link = await this.usableLink(timeoutMs);
    const envelopeId = randomUUID();
    const acceptsPayload = type !== 'events_api';
    const answer = this.ackOf(envelopeId, acceptsPayload, timeoutMs - (performance.now() - started));
    link.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: acceptsPayload,
        retry_attempt: retryAttempt,
        retry_reason: '',
      }),
    );
    const ackPayload = await answer;
    return { payload: ackPayload, ackMs: performance.now() - started };
  }

  /** Slack's `disconnect` message to every open connection, each closed `graceMs` later (Slack warns ahead). */
  disconnect(reason: 'refresh_requested' | 'link_disabled' | 'warning', graceMs = 0): void {
    for (const link of this.links) {
      link.leaving = true;
      link.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'emulator' } }));
      setTimeout(() => link.socket.close(1000), graceMs).unref();
    }
  }

  /** Cuts every connection without a message or close frame, as a network failure would. */
  dropSocket(): void {
    for (const link of this.links) link.socket.terminate();
  }

  /** Forgets counts and acks; open connections stay. */
  reset(): void {
    this.accepted = this.links.length;
    this.acked.length = 0;
  }

  async stop(): Promise<void> {
    for (const link of this.links) link.socket.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(socket: WebSocket): void {
    const link: Link = { socket, leaving: false };
    this.links.push(link);
    this.accepted += 1;
    socket.on('message', (data) => this.receive(data));
    socket.on('close', () => {
      const index = this.links.indexOf(link);
      if (index >= 0) this.links.splice(index, 1);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.links.length,
        debug_info: { host: 'emulator', approximate_connection_time: 18_060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.linkWaiters.notify(link, []);
  }

  private receive(data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return; // Slack ignores what it cannot parse; the envelope then goes unacked
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') return;
    this.acked.push(message.envelope_id);
    const pending = this.pending.get(message.envelope_id);
    this.pending.delete(message.envelope_id);
    pending?.resolve(pending.acceptsPayload ? message.payload : undefined);
  }

  private usableLink(timeoutMs: number): Promise<Link> {
    const usable = (link: Link) => !link.leaving && link.socket.readyState === link.socket.OPEN;
    const ready = this.links.filter(usable).at(-1);
    if (ready) return Promise.resolve(ready);
    return this.waitFor<Link>(timeoutMs, 'no Socket Mode connection', (settle) =>
      this.linkWaiters.add((link) => {
        if (usable(link)) settle(link);
      }),
    );
  }

  private ackOf(envelopeId: string, acceptsPayload: boolean, timeoutMs: number): Promise<unknown> {
    return this.waitFor<unknown>(timeoutMs, `no ack for envelope ${envelopeId}`, (settle) => {
      this.pending.set(envelopeId, { resolve: settle, acceptsPayload });
      return () => this.pending.delete(envelopeId);
    });
  }

  /** Resolves with what `register`'s callback is given first, or rejects after `timeoutMs`. */
  private waitFor<T>(
    timeoutMs: number,
    what: string,
    register: (settle: (value: T) => void) => () => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unregister = register((value) => {
        clearTimeout(timer);
        unregister();
        resolve(value);
      });
      const timer = setTimeout(
        () => {
          unregister();
          reject(new Error(`${what} within ${Math.round(timeoutMs)} ms`));
        },
        Math.max(0, timeoutMs),
      );
    });
  }
}
