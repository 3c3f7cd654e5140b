// What every WebSocket endpoint of Plenum gets, in one place: a size limit per message, a rate
// limit per connection, text frames only, and an 'error' that can never go unhandled.
//
// Close codes (RFC 6455 §7.4.1), which the client sees:
//   1009 message too big  — ws itself, from `maxPayload` (fragments count together)
//   1008 policy violation — more messages (pings and pongs included) than the rate allows
//   1003 unsupported data — a binary frame: both protocols are JSON text
//   4400 bad request      — a message the endpoint's protocol never accepts from a client (`refuse`)
//   1007 invalid UTF-8, 1002 protocol errors — ws itself
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log';

export interface SocketLimits {
  /** Largest message in bytes, after its fragments are joined. */
  readonly maxPayload: number;
  /** Messages a connection may send at once… */
  readonly burst: number;
  /** …and per second on average after that (a token bucket). */
  readonly perSecond: number;
  /** Why a text message is not one a client may send, or null; refused messages close with 4400. */
  readonly refuse?: (text: string) => string | null;
}

export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_POLICY = 1008;
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_BAD_REQUEST = 4400;

/** A peer that does not answer our close frame is cut off after this long, not ws's 30 s. */
const CLOSE_GRACE_MS = 1000;

/**
 * A WebSocketServer (noServer: the HTTP layer routes upgrades by path) whose connections obey
 * `limits`. The limits live in the socket class itself, so they hold from the first byte the
 * receiver parses (frames that came with the upgrade request included) and no listener
 * registered by a library (graphql-ws) ever sees a message over the limit.
 */
export function limitedWebSocketServer(name: string, limits: SocketLimits, log: Logger): WebSocketServer {
  class LimitedWebSocket extends WebSocket {
    #tokens = limits.burst;
    #refilledAt = performance.now();
    #refused = false;

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'error') {
        // The peer's protocol error (ws has already closed with 1002, 1007 or 1009) or a dead
        // socket: logged here and no further. Without a listener, an 'error' would throw out of
        // the socket's 'data' handler and end the process; graphql-ws' own would only log it
        // again and try to close what is closing.
        log.info(`${name} | connection error`, { error: args[0] instanceof Error ? args[0].message : String(args[0]) });
        return true;
      }
      if ((event === 'message' || event === 'ping' || event === 'pong') && !this.#admit(event === 'message' && args[1] === true)) return false;
      if (event === 'message' && limits.refuse) {
        const problem = limits.refuse(String(args[0]));
        if (problem !== null) return this.#refuse(CLOSE_BAD_REQUEST, problem);
      }
      return super.emit(event, ...args);
    }

    #admit(binary: boolean): boolean {
      if (this.#refused) return false;
      if (binary) return this.#refuse(CLOSE_UNSUPPORTED_DATA, 'frames are JSON text');
      const now = performance.now();
      this.#tokens = Math.min(limits.burst, this.#tokens + ((now - this.#refilledAt) * limits.perSecond) / 1000);
      this.#refilledAt = now;
      if (this.#tokens < 1) return this.#refuse(CLOSE_POLICY, 'too many messages');
      this.#tokens -= 1;
      return true;
    }

    #refuse(code: number, reason: string): false {
      this.#refused = true;
      log.info(`${name} | connection closed`, { code, reason });
      this.close(code, reason);
      setTimeout(() => this.terminate(), CLOSE_GRACE_MS).unref();
      return false;
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload, WebSocket: LimitedWebSocket });
  // Only emitted when ws owns an HTTP server, which it does not here; a listener costs nothing.
  wss.on('error', (error) => log.error(`${name} | server error`, { error: error.message }));
  return wss;
}

/**
 * Pings every `intervalMs`; a connection that has not answered the previous ping by the next one
 * is cut off. Without it a peer that stops reading (or sends half a frame and waits) holds its
 * connection, and its sitting's peer slot, forever.
 */
export function keepAlive(ws: WebSocket, intervalMs: number): void {
  let answered = true;
  ws.on('pong', () => (answered = true));
  const timer = setInterval(() => {
    if (!answered) return ws.terminate();
    answered = false;
    ws.ping();
  }, intervalMs);
  timer.unref();
  ws.once('close', () => clearInterval(timer));
}
