import { randomUUID } from 'node:crypto';
import { sleep } from '../http';
import type { WireMessage } from './wire';

/** One delivery report to come: the status the message moves to, and the vendor's error code. */
export interface DeliveryStep {
  readonly status: string;
  /** Defaults to the vendor's usual code for the status (220 for delivered, 401 for expired…). */
  readonly errorCode?: string;
}

/** A report as posted to a message's `callback_url`, and the app's answer (null: no answer). */
export interface PostedReport {
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly status: number | null;
}

const USUAL_ERROR_CODE: Readonly<Record<string, string>> = {
  enroute: '101',
  submitted: '200',
  delivered: '220',
  expired: '401',
  rejected: '400',
  failed: '332',
};

/**
 * Per destination number, the reports its messages get: each step moves the message's status (what
 * `GET /v1/messages/{id}` says) and, when the message asked for reports, is POSTed to its
 * `callback_url` in the vendor's JSON shape, one step every `stepMs`.
 */
export class DeliveryReports {
  stepMs = 20;
  readonly #sequences = new Map<string, readonly DeliveryStep[]>();
  readonly #posted: PostedReport[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  #applied = 0;

  constructor(
    private readonly accountId: (message: WireMessage) => string,
    private readonly setStatus: (messageId: string, status: string) => WireMessage,
  ) {}

  sequence(destination: string, steps: readonly DeliveryStep[]): void {
    this.#sequences.set(destination, steps);
  }

  get posted(): readonly PostedReport[] {
    return [...this.#posted];
  }

  /** Plays the destination's sequence, if it has one, for a message just accepted. */
  accepted(message: WireMessage): void {
    const steps = this.#sequences.get(message.destination_number) ?? [];
    steps.forEach((step, index) => {
      const timer = setTimeout(
        () => {
          this.#timers.delete(timer);
          void this.apply(message.message_id, step);
        },
        this.stepMs * (index + 1),
      );
      this.#timers.add(timer);
    });
  }

  /** Moves the message to `step` now, and posts its report if it asked for one; the app's answer, if posted. */
  async apply(messageId: string, step: DeliveryStep): Promise<number | null | undefined> {
    const message = this.setStatus(messageId, step.status);
    const answer =
      message.delivery_report && message.callback_url
        ? await this.post(message.callback_url, this.reportOf(message, step))
        : undefined;
    this.#applied += 1;
    return answer;
  }

  /** Posts a report body (possibly a replay or a forgery) to `url`; the answer's status, or null. */
  async post(url: string, body: Readonly<Record<string, unknown>>): Promise<number | null> {
    const entry = { url, body, status: null as number | null };
    this.#posted.push(entry);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      entry.status = response.status;
    } catch {
      // no answer: the vendor would retry later
    }
    return entry.status;
  }

  /** The vendor's delivery-report body for `message` at `step`. */
  reportOf(message: WireMessage, step: DeliveryStep): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      callback_url: message.callback_url,
      delivery_report_id: randomUUID(),
      source_number: message.destination_number,
      date_received: now,
      status: step.status,
      delay: 0,
      billing_units: 1,
      submitted_date: now,
      original_text: message.content,
      message_id: message.message_id,
      vendor_account_id: { vendor_id: 'MessageMediaEmulator', account_id: this.accountId(message) },
      error_code: step.errorCode ?? USUAL_ERROR_CODE[step.status] ?? '',
      metadata: message.metadata ?? {},
    };
  }

  /** Resolves once `count` steps in all have been applied (reported or not) since the last reset. */
  async applied(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#applied < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.#applied} of ${count} delivery steps applied`);
      await sleep(10);
    }
  }

  reset(): void {
    this.stop();
    this.#sequences.clear();
    this.#posted.length = 0;
    this.#applied = 0;
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
