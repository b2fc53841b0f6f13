/** Wire shapes and fixed texts of the MessageMedia Messages API, as the emulator speaks them. */

/** A message as stored and returned by the API: the request's fields plus id, status and defaults. */
export interface WireMessage {
  readonly message_id: string;
  readonly status: string;
  readonly content: string;
  readonly destination_number: string;
  readonly delivery_report: boolean;
  readonly format: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly message_expiry_timestamp?: string;
  readonly scheduled?: string;
  readonly callback_url?: string;
  readonly [field: string]: unknown;
}

export const TEXT = {
  badRequest: 'Request failed to parse correctly. Please ensure input is valid and try again.',
  unparsableBody: 'Failed to parse message body.',
  unauthorized: 'Invalid authentication credentials',
  notFound: 'Resource not found.',
  tooLarge: 'Request entity too large.',
} as const;
