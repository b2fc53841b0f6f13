import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { GetRoute } from '../../shared/get-route';
import type { AuditObserver, TagJobStore } from '../../verification/ports';
import { AuditCounters } from './audit-counters';
import { type OutboundService, timedFetch } from './timed-fetch';

type Fetch = typeof globalThis.fetch;

/** What the composition root hooks in: the same shape whether metrics are on or off. */
export interface AppMetrics {
  readonly audit: AuditObserver;
  readonly observeAck: (step: string, seconds: number) => void;
  readonly timed: (fetch: Fetch, service: OutboundService) => Fetch;
  /** `/metrics`, or nothing when metrics are off (so the path is a 404). */
  readonly routes: ReadonlyMap<string, GetRoute>;
}

export interface MetricsLogger {
  warn(fields: object, message: string): void;
}

// Slack's ack deadline is 3 s: a bucket edge there shows how close acks come to it.
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
// Up to the longest timeouts: 5 s for Slack, 10 s for MessageMedia.
const OUTBOUND_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const DISABLED: AppMetrics = {
  audit: { onEvent: () => undefined },
  observeAck: () => undefined,
  timed: (fetch) => fetch,
  routes: new Map(),
};

export function createMetrics(enabled: boolean, store: TagJobStore, logger: MetricsLogger): AppMetrics {
  return enabled ? prometheusMetrics(store, logger) : DISABLED;
}

function prometheusMetrics(store: TagJobStore, logger: MetricsLogger): AppMetrics {
  // One registry per app, never prom-client's global one: tests run several apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const acks = new Histogram({
    name: 'verify_phone_ack_duration_seconds',
    help: 'From a request handed to Bolt to its ack, by step.',
    labelNames: ['step'],
    buckets: ACK_BUCKETS,
    registers,
  });
  const outbound = new Histogram({
    name: 'verify_phone_outbound_request_duration_seconds',
    help: 'Calls to MessageMedia and the Slack Web API, to their response headers, by service, operation, outcome.',
    labelNames: ['service', 'operation', 'outcome'],
    buckets: OUTBOUND_BUCKETS,
    registers,
  });
  tagQueueGauge(registry, store, logger);
  return {
    audit: new AuditCounters(registry),
    observeAck: (step, seconds) => acks.observe({ step }, seconds),
    timed: (fetch, service) => timedFetch(fetch, service, outbound),
    routes: new Map([['/metrics', (_req, res) => scrape(registry, res)]]),
  };
}

/** Read from the store at each scrape, so it counts the jobs of every replica sharing the database. */
function tagQueueGauge(registry: Registry, store: TagJobStore, logger: MetricsLogger): void {
  new Gauge({
    name: 'verify_phone_tag_retry_queue_depth',
    help: 'Profile-tag jobs waiting for a retry (NaN when the store could not be read).',
    registers: [registry],
    async collect() {
      try {
        this.set(await store.countTagJobs());
      } catch (error) {
        // The rest of the scrape still matters most when the database is in trouble.
        logger.warn({ err: error }, 'metrics: could not count the tag retry queue');
        this.set(Number.NaN);
      }
    },
  });
}

async function scrape(registry: Registry, res: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType }).end(text);
}
