import { Agent, FormData as UndiciFormData, fetch as undiciFetch } from 'undici';

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

export function createOutboundHttp(): OutboundHttp {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
  });
  const pooledFetch = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      ...(init?.body instanceof FormData && { body: undiciForm(init.body) }),
      dispatcher: agent,
    }) as unknown as Promise<Response>;
  return { fetch: pooledFetch as typeof fetch, close: () => agent.close() };
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
