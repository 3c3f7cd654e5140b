import type { MediaNotification } from '@contract/media-protocol';
import { MediaSignalling, type SignallingSocket } from './media-signalling';
import { closeVerdict, retryDelayMs } from './reconnect-policy';

/** Where the media socket stands. `refused` and `replaced` are final; `retrying` waits for the next attempt. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'retrying' | 'refused' | 'replaced';

export interface ConnectionEvents {
  /** A socket is open (the first, or one after a drop): join on it. */
  opened(signalling: MediaSignalling): void;
  notified(notification: MediaNotification): void;
  /** The open socket is gone; whatever was joined on it is gone with it. */
  lost(): void;
  status(status: ConnectionStatus): void;
}

/** Timers, so that specs can run the backoff without waiting. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Keeps one media socket open for as long as it is started: a close with 4001 (refused) or 4002
 * (replaced by a newer tab) ends it; any other close or drop reconnects with growing, jittered
 * waits. The attempts count from zero again once the caller says the connection is `healthy()`
 * (joined), so a server that accepts and then drops at once is not hammered.
 */
export class MediaConnection {
  private socket: SignallingSocket | null = null;
  private signalling: MediaSignalling | null = null;
  private retryTimer: unknown = null;
  private attempt = 0;
  private started = false;

  constructor(
    private readonly url: string,
    private readonly createSocket: (url: string) => SignallingSocket,
    private readonly events: ConnectionEvents,
    private readonly timers: Timers = browserTimers,
  ) {}

  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this.attempt = 0;
    this.connect();
  }

  /** The connection works (joined): the next drop starts the backoff from the beginning. */
  healthy(): void {
    this.attempt = 0;
  }

  /** Drops the open socket and connects anew after the backoff (a join that failed). */
  reconnect(): void {
    this.socket?.close(4000, 'rejoin');
  }

  /** Closes the socket for good; no reconnect. */
  stop(): void {
    this.started = false;
    if (this.retryTimer !== null) {
      this.timers.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const socket = this.socket;
    if (socket !== null) {
      this.drop(socket);
      socket.close(1000, 'left');
    }
    this.events.status('idle');
  }

  private connect(): void {
    this.retryTimer = null;
    this.events.status('connecting');
    let socket: SignallingSocket;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    const signalling = new MediaSignalling(socket, (notification) => this.events.notified(notification));
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') {
        signalling.receive(event.data);
      }
    };
    socket.onopen = () => {
      this.signalling = signalling;
      this.events.status('open');
      this.events.opened(signalling);
    };
    socket.onerror = () => {
      // A close event follows; it decides.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) {
        return;
      }
      const wasOpen = this.signalling === signalling;
      this.drop(socket);
      signalling.disconnected();
      if (wasOpen) {
        this.events.lost();
      }
      const verdict = closeVerdict(event.code);
      if (verdict !== 'retry') {
        this.started = false;
        this.events.status(verdict);
      } else if (this.started) {
        this.retry();
      }
    };
  }

  private drop(socket: SignallingSocket): void {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    this.signalling?.disconnected();
    this.socket = null;
    this.signalling = null;
  }

  private retry(): void {
    this.events.status('retrying');
    const delay = retryDelayMs(this.attempt++);
    this.retryTimer = this.timers.setTimeout(() => this.connect(), delay);
  }
}
