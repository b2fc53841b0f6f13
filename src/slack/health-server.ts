import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GetRoute, PostRoute } from '../shared/get-route';

/** The plain GET routes every transport serves: the readiness probe, and extra routes (metrics, OAuth pages). */
export interface PlainRoutes {
  /** Answers `GET /healthz`: true → 200, false → 503. */
  readonly isReady: () => boolean;
  readonly getRoutes?: ReadonlyMap<string, GetRoute>;
  /** Unsigned `POST` routes by path prefix (MessageMedia's delivery reports, which carry their own token). */
  readonly postRoutes?: ReadonlyMap<string, PostRoute>;
}

/** Answers `req` if it is one of the plain routes; false when it is not, so the caller routes it. */
export async function servePlainRoute(
  req: IncomingMessage,
  res: ServerResponse,
  routes: PlainRoutes,
): Promise<boolean> {
  const path = req.url?.split('?')[0];
  if (path === undefined) return false;
  if (req.method === 'POST') return servePost(path, req, res, routes);
  if (req.method !== 'GET') return false;
  if (path === '/healthz') {
    const ready = routes.isReady();
    res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ok' : 'unavailable');
    return true;
  }
  const route = routes.getRoutes?.get(path);
  if (!route) return false;
  await route(req, res);
  return true;
}

async function servePost(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  routes: PlainRoutes,
): Promise<boolean> {
  for (const [prefix, route] of routes.postRoutes ?? []) {
    if (!path.startsWith(prefix)) continue;
    await route(req, res);
    return true;
  }
  return false;
}

/** Where a receiver listens: what `app.start` is given; no host means every interface. */
export interface ListenAddress {
  readonly port: number;
  readonly host?: string | undefined;
}

/** An HTTP server with the plain routes only, for a transport that takes no requests of its own: Socket Mode. */
export async function startHealthServer(address: ListenAddress, routes: PlainRoutes): Promise<Server> {
  const server = createServer((req, res) => {
    servePlainRoute(req, res, routes).then(
      (served) => {
        if (!served) res.writeHead(404).end();
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  server.listen(address);
  await once(server, 'listening');
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
