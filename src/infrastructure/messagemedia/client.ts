/**
 * Our typed client for the MessageMedia Messages API over Node's fetch. Written instead of using the
 * vendor SDK, which puts credentials in its errors, crashes on non-JSON bodies and never times out.
 */

import { MessageMediaError } from './errors';
import {
  firstSentMessage,
  invalidResponse,
  type Operation,
  type OutboundMessage,
  parseJson,
  type Reply,
  type SentMessage,
  successBody,
  toSentMessage,
  transportError,
} from './wire';

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
    const sent = firstSentMessage(successBody('send', reply));
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
