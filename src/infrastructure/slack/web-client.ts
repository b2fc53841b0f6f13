import { webApi } from '@slack/bolt';
import { LeanWebClient } from './lean-web-client';

/**
 * Web API clients for calls made while a member waits: a short timeout and one quick retry,
 * never the library's ten-retries-in-thirty-minutes default.
 */
export const SLACK_CLIENT_OPTIONS = {
  timeout: 5_000,
  retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1_000 },
  rejectRateLimitedCalls: true,
} as const satisfies webApi.WebClientOptions;

export function createWebClient(
  token: string,
  slackApiUrl: string,
  fetch: typeof globalThis.fetch,
  teamId?: string,
): webApi.WebClient {
  return new LeanWebClient(token, { ...SLACK_CLIENT_OPTIONS, slackApiUrl, fetch, ...(teamId && { teamId }) });
}

/** Slack's own error code (`not_admin`, `ratelimited`…), never the token or request. */
export function slackErrorCode(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  if (error instanceof webApi.WebAPIRateLimitedError) return 'ratelimited';
  if (error instanceof webApi.WebAPIHTTPError) return `http_${error.statusCode}`;
  if (error instanceof webApi.WebAPIRequestError) return 'request_failed';
  return 'unknown_error';
}
