import type { Histogram } from 'prom-client';

export type OutboundService = 'messagemedia' | 'slack';

type Fetch = typeof globalThis.fetch;

/** A Web API method name (`views.update`, `users.profile.set`); anything else, such as a response_url's token, is not. */
const SLACK_METHOD = /^[a-z]+(?:\.[a-zA-Z]+)+$/;

/** Which call a request is, read from what the app built: never an id, a query or a token. */
const OPERATION: Record<OutboundService, (url: URL, method: string) => string> = {
  // POST /v1/messages sends; GET /v1/messages/{id} looks a message up.
  messagemedia: (_url, method) => (method === 'POST' ? 'send' : method === 'GET' ? 'lookup' : 'other'),
  slack: (url) => {
    const method = url.pathname.split('/').pop() ?? '';
    return SLACK_METHOD.test(method) ? method : 'other';
  },
};

/**
 * `fetch`, each call timed into `histogram` to its response headers (or failure), labelled by
 * service, operation and outcome: the HTTP status class, or `error` when no response came.
 */
export function timedFetch(
  fetch: Fetch,
  service: OutboundService,
  histogram: Histogram<'service' | 'operation' | 'outcome'>,
): Fetch {
  const operationOf = OPERATION[service];
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? input.toString());
    const operation = operationOf(url, (init?.method ?? request?.method ?? 'GET').toUpperCase());
    const done = histogram.startTimer({ service, operation });
    try {
      const response = await fetch(input, init);
      done({ outcome: `${Math.floor(response.status / 100)}xx` });
      return response;
    } catch (error) {
      done({ outcome: 'error' });
      throw error;
    }
  };
}
