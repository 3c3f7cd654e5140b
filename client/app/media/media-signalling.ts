import { mediaSignallingPath, type MediaMethod, type MediaNotification } from '@contract/media-protocol';
import type { BrowserMediaMethods } from './browser-rtc';

/** The part of a WebSocket the signalling uses; specs hand in a stand-in. */
export interface SignallingSocket {
  readonly readyState: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** A request the server refused, with its code (`media.not_allowed`, …), or one that got no answer. */
export class MediaRequestError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
    this.name = 'MediaRequestError';
  }
}

/** How long a request waits for its answer before it fails with `media.timeout`. */
export const requestTimeoutMs = 20_000;

interface Pending {
  readonly method: string;
  readonly resolve: (data: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** The media socket URL of a sitting, on the page's own origin (the session cookie goes along). */
export function mediaSocketUrl(location: { readonly protocol: string; readonly host: string }, sittingId: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${mediaSignallingPath}?sitting=${encodeURIComponent(sittingId)}`;
}

/**
 * Requests and notifications over one open media socket. Frames are JSON: requests carry an `id`
 * that the answer repeats; notifications carry `notification`. When the socket closes, requests
 * still waiting fail with `media.disconnected`.
 */
export class MediaSignalling {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly socket: SignallingSocket,
    private readonly onNotification: (notification: MediaNotification) => void,
  ) {}

  request<M extends MediaMethod>(method: M, data: BrowserMediaMethods[M][0]): Promise<BrowserMediaMethods[M][1]> {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState !== 1) {
        reject(new MediaRequestError(method, 'media.disconnected', 'the media connection is closed'));
        return;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MediaRequestError(method, 'media.timeout', 'no answer from the server'));
      }, requestTimeoutMs);
      this.pending.set(id, { method, resolve: resolve as (data: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, data }));
    });
  }

  /** Takes one frame from the socket. */
  receive(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) {
      return;
    }
    const f = frame as { id?: unknown; ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown }; notification?: unknown };
    if (typeof f.notification === 'string') {
      this.onNotification({ notification: f.notification, data: f.data } as MediaNotification);
      return;
    }
    const pending = typeof f.id === 'number' ? this.pending.get(f.id) : undefined;
    if (pending === undefined) {
      return;
    }
    this.pending.delete(f.id as number);
    clearTimeout(pending.timer);
    if (f.ok === true) {
      pending.resolve(f.data);
    } else {
      const code = typeof f.error?.code === 'string' ? f.error.code : 'media.failed';
      const message = typeof f.error?.message === 'string' ? f.error.message : 'the server refused the request';
      pending.reject(new MediaRequestError(pending.method, code, message));
    }
  }

  /** Fails every request still waiting; the socket has gone. */
  disconnected(): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new MediaRequestError(pending.method, 'media.disconnected', 'the media connection closed'));
      this.pending.delete(id);
    }
  }
}
