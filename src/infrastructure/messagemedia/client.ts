/**
 * Our typed client for the MessageMedia Messages API over Node's fetch. Written instead of using the
 * vendor SDK, which puts credentials in its errors, crashes on non-JSON bodies and never times out.
 */

import { isRecord, isString } from '../../shared/guards';
import { MessageMediaError, type MessageMediaErrorKind } from './errors';

/** Known values (old and new API specs); the API adds statuses over time, so any string is accepted too. */
export type MessageStatus =
  | 'queued'
  | 'processing'
  | 'processed'
  | 'scheduled'
  | 'held'
  | 'enroute'
  | 'submitted'
  | 'delivered'
  | 'read'
  | 'expired'
  | 'rejected'
  | 'undeliverable'
  | 'failed'
  | 'cancelled'
  // `string & {}` keeps the known values as editor suggestions instead of collapsing to `string`.
  | (string & {});

/** One SMS to send, in wire (snake_case) form. */
export interface OutboundMessage {
  readonly content: string;
  readonly destination_number: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** ISO-8601; undelivered by then, the provider drops the message. */
  readonly message_expiry_timestamp?: string;
  readonly delivery_report?: boolean;
}

/** A message as the API returns it after a send or a status lookup. */
export interface SentMessage {
  readonly message_id: string;
  readonly status: MessageStatus;
  readonly content: string;
  readonly destination_number: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly message_expiry_timestamp?: string;
  readonly delivery_report?: boolean;
  readonly format?: string;
  readonly scheduled?: string;
}

export interface MessageMediaClientOptions {
  apiKey: string;
  apiSecret: string;
  baseUrl: string;
  /** Per request, including reading the body. Default 10000. */
  timeoutMs?: number;
  /** Extra attempts for a failed lookup. Default 2. */
  lookupRetries?: number;
  /** First backoff step; doubles per retry, capped at 5 s. Default 200. */
  retryBaseDelayMs?: number;
  fetchImpl?: typeof fetch;
  /** Waits between lookup retries; injectable so tests can see the backoff without waiting for it. */
  delay?: (ms: number) => Promise<void>;
}

const MAX_DELAY_MS = 5_000;

type Operation = 'send' | 'lookup';

interface Reply {
  readonly status: number;
  /** undefined when the body is empty or not JSON (e.g. a proxy's HTML page). */
  readonly body: unknown;
  readonly retryAfter: string | null;
}

export class MessageMediaClient {
  // Private fields: the credentials don't show when the client is logged or inspected.
  readonly #authorization: string;
  readonly #messagesUrl: string;
  readonly #timeoutMs: number;
  readonly #lookupRetries: number;
  readonly #retryBaseDelayMs: number;
  readonly #fetch: typeof fetch;
  readonly #delay: (ms: number) => Promise<void>;

  constructor(options: MessageMediaClientOptions) {
    this.#authorization = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString('base64')}`;
    this.#messagesUrl = `${options.baseUrl.replace(/\/+$/, '')}/v1/messages`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#lookupRetries = options.lookupRetries ?? 2;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 200;
    this.#fetch = options.fetchImpl ?? fetch;
    this.#delay = options.delay ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Never retried: after a timeout or a 5xx the SMS may have gone out, and a retry could send it twice. */
  async sendMessage(message: OutboundMessage): Promise<SentMessage> {
    const reply = await this.#call('send', 'POST', this.#messagesUrl, { messages: [message] });
    const body = successBody('send', reply);
    const sent = isRecord(body) && Array.isArray(body.messages) ? toSentMessage(body.messages[0]) : undefined;
    if (!sent) throw invalidResponse('send', reply.status);
    return sent;
  }

  /** null when the API doesn't know the id (another account's id looks the same). Retried: reads are safe to repeat. */
  async getMessage(id: string): Promise<SentMessage | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#lookupOnce(id);
      } catch (error) {
        if (!(error instanceof MessageMediaError && error.retryable) || attempt >= this.#lookupRetries) throw error;
        await this.#delay(this.#retryDelayMs(attempt, error));
      }
    }
  }

  async #lookupOnce(id: string): Promise<SentMessage | null> {
    const reply = await this.#call('lookup', 'GET', `${this.#messagesUrl}/${encodeURIComponent(id)}`);
    if (reply.status === 404) return null;
    const sent = toSentMessage(successBody('lookup', reply));
    if (!sent) throw invalidResponse('lookup', reply.status);
    return sent;
  }

  /** The server's Retry-After when it gave one, else exponential backoff with jitter; both capped. */
  #retryDelayMs(attempt: number, error: MessageMediaError): number {
    if (error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds * 1000, MAX_DELAY_MS);
    const ceiling = Math.min(this.#retryBaseDelayMs * 2 ** attempt, MAX_DELAY_MS);
    // Jitter keeps many callers that failed together from retrying together.
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  async #call(operation: Operation, method: string, url: string, payload?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { Authorization: this.#authorization, Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await this.#fetch(url, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        // A redirect is never a valid answer here, and following one would carry the credentials along.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      const body = parseJson(await response.text());
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      throw transportError(operation, error);
    }
  }
}

/** The JSON body of a 2xx reply; any other reply becomes the matching error. */
function successBody(operation: Operation, reply: Reply): unknown {
  if (reply.status < 200 || reply.status > 299) throw httpError(operation, reply);
  if (reply.body === undefined) throw invalidResponse(operation, reply.status);
  return reply.body;
}

function httpError(operation: Operation, { status, body, retryAfter }: Reply): MessageMediaError {
  const kind = kindOfStatus(status);
  return new MessageMediaError(`MessageMedia ${operation} failed: HTTP ${status} (${kind})`, {
    kind,
    status,
    details: isRecord(body) && Array.isArray(body.details) ? body.details.filter(isString) : [],
    // Only the seconds form; an HTTP-date Retry-After falls back to our own backoff.
    retryAfterSeconds: retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null,
  });
}

/** 400/404/422 and other 4xx are permanent; 429 and 5xx are worth another try. */
function kindOfStatus(status: number): MessageMediaErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'rejected';
  return 'invalid_response';
}

function invalidResponse(operation: Operation, status: number): MessageMediaError {
  return new MessageMediaError(`MessageMedia ${operation} failed: unexpected response body (HTTP ${status})`, {
    kind: 'invalid_response',
    status,
  });
}

/**
 * Keeps only the error's name and system code: the error object itself is not ours to vouch for.
 * Duck-typed, because fetch's errors may come from another realm (e.g. under jest) and fail `instanceof Error`.
 */
function transportError(operation: Operation, error: unknown): MessageMediaError {
  if (isRecord(error) && error.name === 'TimeoutError') {
    return new MessageMediaError(`MessageMedia ${operation} timed out`, { kind: 'timeout' });
  }
  const cause = isRecord(error) ? error.cause : undefined;
  const systemCode = isRecord(cause) && isString(cause.code) ? cause.code : null;
  const suffix = systemCode ? ` (${systemCode})` : '';
  return new MessageMediaError(`MessageMedia ${operation} failed: network error${suffix}`, {
    kind: 'network',
    systemCode,
  });
}

/** Structural check of a message from the API; undefined if it lacks what we rely on. */
function toSentMessage(value: unknown): SentMessage | undefined {
  if (!isRecord(value)) return undefined;
  const { metadata, ...fields } = value;
  if (!hasRequiredFields(fields)) return undefined;
  // Absent metadata may come back as null; present metadata must be strings only, as we send it.
  if (metadata === undefined || metadata === null) return fields;
  const valid = isRecord(metadata) && Object.values(metadata).every(isString);
  return valid ? { ...fields, metadata: metadata as Record<string, string> } : undefined;
}

function hasRequiredFields(fields: Record<string, unknown>): fields is Omit<SentMessage, 'metadata'> {
  const { message_id, status, content, destination_number } = fields;
  return (
    isString(message_id) && message_id !== '' && isString(status) && isString(content) && isString(destination_number)
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
