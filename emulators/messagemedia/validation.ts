/** The Messages API's send-request rules (all-or-nothing), producing its `/messages/<i>/<field>: …` details. */

import { isRecord } from '../../src/shared/guards';

const MAX_MESSAGES = 100;
const MAX_CONTENT = 5000;
const MAX_METADATA_PAIRS = 10;
const MAX_METADATA_KEY = 100;
const MAX_METADATA_VALUE = 256;
const FORMATS: readonly unknown[] = ['SMS', 'MMS', 'TTS'];

const E164 = /^\+[1-9]\d{7,14}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

// The live API's text for a bad destination_number (it does not say which of the two rules failed).
const DESTINATION_DETAIL =
  "International address must be between 8 and 15 characters excluding the first '+', International address contains invalid characters.";

type Rule = (value: unknown) => string | undefined;

export type SendValidation =
  | { readonly ok: true; readonly messages: readonly Readonly<Record<string, unknown>>[] }
  | { readonly ok: false; readonly details: readonly string[] };

export function validateSendRequest(body: unknown): SendValidation {
  const messages = isRecord(body) ? body.messages : undefined;
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_MESSAGES) {
    return { ok: false, details: [`/messages: Between 1 and ${MAX_MESSAGES} messages are required.`] };
  }
  const details = messages.flatMap((message: unknown, i) =>
    messageProblems(message).map((problem) => `/messages/${i}${problem}`),
  );
  return details.length === 0 ? { ok: true, messages: messages as Record<string, unknown>[] } : { ok: false, details };
}

/** The body of a cancel request must be exactly the status change the API allows. */
export function isCancelRequest(body: unknown): boolean {
  return isRecord(body) && body.status === 'cancelled';
}

const FIELD_RULES: Readonly<Record<string, Rule>> = {
  content: (value) =>
    typeof value === 'string' && between(chars(value), 1, MAX_CONTENT)
      ? undefined
      : `Content must be between 1 and ${MAX_CONTENT} characters.`,
  destination_number: (value) => (typeof value === 'string' && E164.test(value) ? undefined : DESTINATION_DETAIL),
  metadata: optional(metadataProblem),
  message_expiry_timestamp: optional(timestampProblem),
  scheduled: optional(timestampProblem),
  delivery_report: optional((value) => (typeof value === 'boolean' ? undefined : 'Must be a boolean.')),
  format: optional((value) => (FORMATS.includes(value) ? undefined : `Must be one of ${FORMATS.join(', ')}.`)),
  callback_url: optional((value) => (typeof value === 'string' ? undefined : 'Must be a string.')),
};

// Fields the reference gives for MMS only: an SMS or a call (TTS) has no media or subject.
const MMS_ONLY_FIELDS = ['media', 'subject'] as const;

function messageProblems(message: unknown): string[] {
  if (!isRecord(message)) return [': Message must be an object.'];
  const fieldProblems = Object.entries(FIELD_RULES).flatMap(([field, rule]) => {
    const problem = rule(message[field]);
    return problem === undefined ? [] : [`/${field}: ${problem}`];
  });
  const mms = message.format === 'MMS';
  const misplaced = MMS_ONLY_FIELDS.filter((field) => !mms && message[field] !== undefined);
  return [...fieldProblems, ...misplaced.map((field) => `/${field}: Only an MMS may have a ${field}.`)];
}

function metadataProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'Metadata must be an object of string values.';
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA_PAIRS)
    return `Metadata must contain at most ${MAX_METADATA_PAIRS} key/value pairs.`;
  if (entries.some(([key]) => !between(chars(key), 1, MAX_METADATA_KEY))) {
    return `Metadata keys must be between 1 and ${MAX_METADATA_KEY} characters.`;
  }
  if (entries.some(([, item]) => typeof item !== 'string' || chars(item) > MAX_METADATA_VALUE)) {
    return `Metadata values must be strings of at most ${MAX_METADATA_VALUE} characters.`;
  }
  return undefined;
}

function timestampProblem(value: unknown): string | undefined {
  const valid = typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));
  return valid ? undefined : 'Must be an ISO-8601 date-time.';
}

/** Absent is fine; present must pass. `null` counts as present, as in JSON Schema. */
function optional(rule: Rule): Rule {
  return (value) => (value === undefined ? undefined : rule(value));
}

/** Limits are in Unicode characters, not UTF-16 code units. */
function chars(text: string): number {
  return [...text].length;
}

function between(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}
