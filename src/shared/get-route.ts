import type { IncomingMessage, ServerResponse } from 'node:http';

/** One extra GET route of the app's HTTP server (`/metrics`, the OAuth pages), writing its own response. */
export type GetRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
