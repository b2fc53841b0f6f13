import { Agent, type Dispatcher, FormData as UndiciFormData, fetch as undiciFetch } from 'undici';

/**
 * One connection pool for every outbound call (Slack Web API, MessageMedia). Connections stay open
 * between a member's steps (seconds to minutes apart) instead of being re-made for each call. The
 * number per origin is not capped: a slow provider answers each request slowly, and a capped pool
 * would queue sends behind each other until they time out.
 */
export interface OutboundHttp {
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

type FetchInput = Parameters<typeof fetch>[0];

export function createOutboundHttp(): OutboundHttp {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
  });
  const pooledFetch = (input: FetchInput, init?: RequestInit): Promise<Response> => {
    if (!isPlainCall(input, init)) return fullFetch(agent, input, init);
    return leanFetch(agent, input.toString(), init);
  };
  return { fetch: pooledFetch as typeof fetch, close: () => agent.close() };
}

/**
 * A URL and a string body (every call the app and @slack/web-api make, as files are never uploaded):
 * these go through undici's `request`, which costs a fraction of its WHATWG `fetch` (no Request,
 * Headers or web streams per call). Anything else takes the full `fetch`.
 */
function isPlainCall(input: FetchInput, init: RequestInit | undefined): input is string | URL {
  const body = init?.body;
  const plainHeaders = init?.headers === undefined || Object.getPrototypeOf(init.headers) === Object.prototype;
  return (
    (typeof input === 'string' || input instanceof URL) && (body == null || typeof body === 'string') && plainHeaders
  );
}

function fullFetch(agent: Agent, input: FetchInput, init: RequestInit | undefined): Promise<Response> {
  return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as Parameters<typeof undiciFetch>[1]),
    ...(init?.body instanceof FormData && { body: undiciForm(init.body) }),
    dispatcher: agent,
  }) as unknown as Promise<Response>;
}

async function leanFetch(agent: Agent, url: string, init: RequestInit | undefined): Promise<Response> {
  const { origin, pathname, search } = new URL(url);
  // undici's request never follows a redirect: it answers with the 3xx, as `redirect: 'manual'` would.
  const answer = await agent.request({
    origin,
    path: pathname + search,
    method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init?.headers as Record<string, string> | undefined,
    body: (init?.body as string | null | undefined) ?? undefined,
    signal: init?.signal ?? undefined,
  });
  return new LeanResponse(url, answer) as unknown as Response;
}

/** The part of `Response` the callers read (status, headers, the body once). */
class LeanResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText = '';
  readonly headers: LeanHeaders;
  readonly #body: Dispatcher.ResponseData['body'];

  constructor(
    readonly url: string,
    answer: Dispatcher.ResponseData,
  ) {
    this.status = answer.statusCode;
    this.ok = answer.statusCode >= 200 && answer.statusCode < 300;
    this.headers = new LeanHeaders(answer.headers);
    this.#body = answer.body;
  }

  text(): Promise<string> {
    return this.#body.text();
  }

  json(): Promise<unknown> {
    return this.#body.json();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#body.arrayBuffer();
  }
}

/** undici's header object (lower-case names) behind `Headers`' read methods. */
class LeanHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}

  get(name: string): string | null {
    const key = name.toLowerCase();
    // Own names only: a header called `constructor` must not find Object.prototype's.
    const value = Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }
}

/**
 * The Web API client builds file uploads' multipart bodies with Node's global FormData, which
 * undici's own fetch does not recognise (it would send "[object FormData]"): copy it into undici's.
 */
function undiciForm(body: FormData): UndiciFormData {
  const form = new UndiciFormData();
  for (const [name, value] of body) form.append(name, value as never);
  return form;
}
