import { stringify } from 'node:querystring';
import { setTimeout as delay } from 'node:timers/promises';
import { webApi } from '@slack/bolt';

export interface LeanWebClientOptions extends webApi.WebClientOptions {
  readonly slackApiUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly timeout: number;
  readonly retryConfig: { readonly retries: number; readonly minTimeout: number };
}

/**
 * The library's WebClient with a direct `apiCall`. Whatever the log level, the library's own walks
 * and JSON-encodes every request and answer again for its debug lines, and queues and retries each
 * call through p-queue and p-retry: about 90 µs and tens of kilobytes of garbage a call, six calls
 * a flow. This sends the same form-encoded request and raises the library's own error classes
 * (`slackErrorCode` reads them), with the same timeout and retry count; a call carrying a file still
 * goes through the library. Rate-limited calls are refused, never waited out or retried, as in our options.
 */
export class LeanWebClient extends webApi.WebClient {
  readonly #options: LeanWebClientOptions;

  constructor(token: string | undefined, options: LeanWebClientOptions) {
    super(token, { ...options, rejectRateLimitedCalls: true });
    this.#options = options;
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<webApi.WebAPICallResult> {
    if (method === 'files.uploadV2' || Object.values(options).some(isBinary)) return super.apiCall(method, options);
    const { token = this.token, ...args } = options;
    const { teamId, retryConfig } = this.#options;
    const body = formBody({ ...(teamId !== undefined && { team_id: teamId }), ...args });
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      ...(typeof token === 'string' && token !== '' && { Authorization: `Bearer ${token}` }),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#post(method, headers, body);
      } catch (error) {
        const retryable =
          error instanceof webApi.WebAPIRequestError ||
          (error instanceof webApi.WebAPIHTTPError && error.statusCode !== 429);
        if (!retryable || attempt >= retryConfig.retries) throw error;
        await delay(retryConfig.minTimeout);
      }
    }
  }

  async #post(method: string, headers: Record<string, string>, body: string): Promise<webApi.WebAPICallResult> {
    let response: Response;
    let text: string;
    try {
      // The library's constructor ends slackApiUrl with a '/'.
      response = await this.#options.fetch(`${this.slackApiUrl}${method}`, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#options.timeout),
      });
      text = await response.text();
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    const retryAfter = response.status === 429 ? retryAfterSeconds(response) : undefined;
    if (retryAfter !== undefined) throw new webApi.WebAPIRateLimitedError(retryAfter);
    if (response.status !== 200) {
      const answerHeaders = Object.fromEntries(response.headers.entries());
      throw new webApi.WebAPIHTTPError(response.status, response.statusText, answerHeaders, text);
    }
    const result = parseResult(text);
    if (!result.ok)
      throw new webApi.WebAPIPlatformError({ ...result, error: String(result.error ?? 'invalid_response') });
    return result;
  }
}

/** As the library encodes arguments: scalars as they are, anything else as JSON. */
function formBody(args: Record<string, unknown>): string {
  const fields: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    fields[name] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return stringify(fields);
}

type Answer = webApi.WebAPICallResult & { readonly error?: unknown };

function parseResult(text: string): Answer {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Answer;
  } catch {
    // not JSON (a proxy's error page, say): a platform error below, without echoing the body
  }
  return { ok: false, error: 'invalid_response' };
}

/** As the library reads it; a 429 without one is an HTTP error, which is not retried either. */
function retryAfterSeconds(response: Response): number | undefined {
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isNaN(seconds) ? undefined : seconds;
}

function isBinary(value: unknown): boolean {
  return (
    Buffer.isBuffer(value) ||
    value instanceof Uint8Array ||
    value instanceof Blob ||
    (typeof value === 'object' && value !== null && typeof (value as { pipe?: unknown }).pipe === 'function')
  );
}
