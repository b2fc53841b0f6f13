import { isRecord, isString } from '../../shared/guards';
import { MessageMediaError, type MessageMediaErrorKind } from './errors';

// The Messages API's wire format: what we send, what comes back, and what each reply means.

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

/** One message to send, in wire (snake_case) form. */
export interface OutboundMessage {
  readonly content: string;
  readonly destination_number: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** ISO-8601; undelivered by then, the provider drops the message. */
  readonly message_expiry_timestamp?: string;
  readonly delivery_report?: boolean;
  /** SMS when absent; TTS calls the number and reads the content out. */
  readonly format?: 'SMS' | 'TTS';
  /** Where delivery reports are posted, with `delivery_report: true`. */
  readonly callback_url?: string;
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

export type Operation = 'send' | 'lookup';

export interface Reply {
  readonly status: number;
  /** undefined when the body is empty or not JSON (e.g. a proxy's HTML page). */
  readonly body: unknown;
  readonly retryAfter: string | null;
}

/** The JSON body of a 2xx reply; any other reply becomes the matching error. */
export function successBody(operation: Operation, reply: Reply): unknown {
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

export function invalidResponse(operation: Operation, status: number): MessageMediaError {
  return new MessageMediaError(`MessageMedia ${operation} failed: unexpected response body (HTTP ${status})`, {
    kind: 'invalid_response',
    status,
  });
}

/**
 * Keeps only the error's name and system code: the error object itself is not ours to vouch for.
 * Duck-typed, because fetch's errors may come from another realm (e.g. under jest) and fail `instanceof Error`.
 */
export function transportError(operation: Operation, error: unknown): MessageMediaError {
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

/** A send's reply holds the message in `messages[0]`; undefined if it is not there intact. */
export function firstSentMessage(body: unknown): SentMessage | undefined {
  return isRecord(body) && Array.isArray(body.messages) ? toSentMessage(body.messages[0]) : undefined;
}

/** Structural check of a message from the API; undefined if it lacks what we rely on. */
export function toSentMessage(value: unknown): SentMessage | undefined {
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

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
