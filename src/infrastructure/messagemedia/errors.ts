// What a failed MessageMedia call throws: one kind per way it can fail, and whether a retry may help.

export type MessageMediaErrorKind =
  | 'timeout'
  | 'network'
  | 'rejected'
  | 'auth'
  | 'rate_limited'
  | 'server'
  | 'invalid_response';

const RETRYABLE: ReadonlySet<MessageMediaErrorKind> = new Set(['timeout', 'network', 'rate_limited', 'server']);

/** Carries only what we chose to keep: never credentials, never the underlying error as `cause`. */
export class MessageMediaError extends Error {
  override readonly name = 'MessageMediaError';
  readonly kind: MessageMediaErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  readonly retryable: boolean;
  /** The API's validation details on a 400. */
  readonly details: readonly string[];
  /** From a 429's Retry-After header, when it gave seconds. */
  readonly retryAfterSeconds: number | null;
  /** The system error code of a network failure (ECONNREFUSED, UND_ERR_SOCKET…), which tells how far it got. */
  readonly systemCode: string | null;

  constructor(
    message: string,
    init: {
      kind: MessageMediaErrorKind;
      status?: number;
      details?: readonly string[];
      retryAfterSeconds?: number | null;
      systemCode?: string | null;
    },
  ) {
    super(message);
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.retryable = RETRYABLE.has(init.kind);
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.systemCode = init.systemCode ?? null;
  }
}
