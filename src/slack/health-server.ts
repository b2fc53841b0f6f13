import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

/**
 * An HTTP server with `GET /healthz` only (200 `ok` when ready, 503 `unavailable` otherwise), for a
 * transport that takes no requests of its own: Socket Mode.
 */
export async function startHealthServer(port: number, isReady: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    const ready = isReady();
    res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ok' : 'unavailable');
  });
  server.listen(port);
  await once(server, 'listening');
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
