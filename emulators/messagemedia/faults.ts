import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** The API operations a failure can be aimed at. */
export type EmulatorRoute = 'send' | 'lookup' | 'cancel';

/**
 * What the next matching request gets instead of being handled:
 * an HTTP error (a 5xx optionally as an HTML proxy page), no answer at all ('hang', until the
 * client gives up or the emulator stops), or a dropped connection ('reset').
 */
export type InjectedFailure =
  | { readonly status: 429; readonly retryAfterSeconds?: number }
  | { readonly status: 500 | 502 | 503 | 504; readonly html?: boolean }
  | 'hang'
  | 'reset';

export function serveFailure(res: ServerResponse, failure: InjectedFailure): void {
  if (failure === 'hang') return;
  if (failure === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (failure.status === 429) {
    const headers: Record<string, string> =
      failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
    sendJson(res, 429, { message: 'Too Many Requests' }, headers);
    return;
  }
  if (failure.html) {
    // What a load balancer in front of the API answers: not JSON, which clients must survive.
    res.writeHead(failure.status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><head><title>${failure.status}</title></head><body><h1>${failure.status}</h1></body></html>`);
    return;
  }
  sendJson(res, failure.status, { message: 'Internal server error' });
}
