import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log';

/** Takes an upgrade whose path it serves; false leaves it to the next. */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

const reasons: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** Answers the upgrade request with a plain HTTP status and closes the connection once it is written. */
export function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404 | 500): void {
  if (!socket.writable) return void socket.destroy();
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reasons[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Routes the HTTP server's upgrades. Node's HTTP server takes its own 'error' listener off a socket
 * when it hands it over as an upgrade, so the first thing done here is to attach one: a reset while
 * we answer (or before a WebSocket server takes the socket) is then a closed connection, not an
 * uncaught exception. A foreign `Origin` gets 403 before any handler sees the request; a handler
 * that throws gets the client a 500, never the process.
 */
export function routeUpgrades(
  server: http.Server,
  deps: { allowOrigin: (origin: string | undefined) => boolean; handlers: readonly UpgradeHandler[]; log: Logger },
): void {
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error: NodeJS.ErrnoException) => deps.log.debug('upgrade | socket error', { code: error.code }));
    try {
      if (!deps.allowOrigin(req.headers.origin)) {
        deps.log.info('upgrade | foreign origin refused', { origin: req.headers.origin, url: req.url?.slice(0, 200) });
        return refuseUpgrade(socket, 403);
      }
      for (const handle of deps.handlers) if (handle(req, socket, head)) return;
      refuseUpgrade(socket, 404);
    } catch (error) {
      deps.log.error('upgrade | handler failed', { url: req.url?.slice(0, 200), error: String(error) });
      refuseUpgrade(socket, 500);
    }
  });
}

/** The path of an upgrade request, or null when its target is no URL path (`//`, `*`, …). */
export function upgradePath(req: http.IncomingMessage): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://upgrade');
  } catch {
    return null;
  }
}
