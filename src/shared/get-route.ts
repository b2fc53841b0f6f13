import type { IncomingMessage, ServerResponse } from 'node:http';

/** One extra GET route of the app's HTTP server (`/metrics`, the OAuth pages), writing its own response. */
export type GetRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** One extra POST route, by path prefix (MessageMedia's delivery reports), writing its own response. */
export type PostRoute = GetRoute;
