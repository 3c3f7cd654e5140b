// Media signalling over a WebSocket at /media?sitting=<id>. JSON frames:
//   client → server  { "id": 7, "method": "join", "data": { … } }
//   server → client  { "id": 7, "ok": true, "data": … } | { "id": 7, "ok": false, "error": { "code", "message" } }
//   server → client  { "notification": "producerAdded", "data": { … } }
// noServer mode: the HTTP layer routes the upgrade here by path (several WebSocket servers share
// one HTTP server, and ws answers 400 to any path but its own when it owns the server).
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../log';
import { MediaError } from './errors';
import type { MediaRegistry } from './media-registry';
import type { MediaNotification } from './media-protocol';
import { handleMediaRequest, type SignallingContext } from './signalling';
import type { SittingMedia } from './sitting-media';
import type { MediaParticipant } from './topology';

export const MEDIA_SIGNALLING_PATH = '/media';

export interface MediaSignallingDeps {
  readonly registry: MediaRegistry;
  readonly log: Logger;
  /**
   * Who the upgrade request is, as a media participant of that sitting (roles, booth), or a
   * throw when they may not take part. The services load this; the socket knows nothing of auth.
   */
  authenticate(req: http.IncomingMessage, sittingId: string): Promise<MediaParticipant>;
}

export interface MediaSignallingSocket {
  /** Takes the upgrade if its path is ours; false leaves it to another handler. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

/** Close codes the client acts on: 4001 refused (do not retry), 4002 replaced by a newer tab. */
const REFUSED = 4001;
const REPLACED = 4002;

export function createMediaSignallingSocket(deps: MediaSignallingDeps): MediaSignallingSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  /** `${sittingId}/${personId}` → the one live socket of that peer. */
  const live = new Map<string, WebSocket>();

  /** One connection: authenticated once; frames that arrive meanwhile wait, in order. */
  function serve(ws: WebSocket, req: http.IncomingMessage, sittingId: string): void {
    const ready = deps.authenticate(req, sittingId).then(
      (participant) => openSession(ws, sittingId, participant),
      (error: unknown) => {
        deps.log.info('media socket | refused', { sitting: sittingId, error: String(error) });
        ws.close(REFUSED, 'not allowed in this sitting');
        return null;
      },
    );
    ws.on('message', (raw, isBinary) => void ready.then((session) => session?.handle(isBinary ? null : raw.toString())));
    ws.on('close', () => void ready.then((session) => session?.end()));
  }

  function openSession(ws: WebSocket, sittingId: string, participant: MediaParticipant) {
    const key = `${sittingId}/${participant.id}`;
    const previous = live.get(key);
    if (previous) {
      // NOTE: a reload or second tab replaces the old connection; its peer leaves first so the
      // new one can join under the same person id.
      live.delete(key);
      deps.registry.get(sittingId)?.leave(participant.id);
      previous.close(REPLACED, 'replaced by a newer connection');
    }
    live.set(key, ws);
    const ctx: SignallingContext = { registry: deps.registry, sittingId, participant };
    const send = (frame: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    let attached: { media: SittingMedia; listener: (peerId: string, n: MediaNotification) => void } | undefined;
    const detach = () => {
      attached?.media.off('notify', attached.listener);
      attached = undefined;
    };
    /** Notifications flow from before the join, so none between its snapshot and the first event is lost. */
    const attach = (media: SittingMedia) => {
      detach();
      const listener = (peerId: string, n: MediaNotification) => {
        if (peerId !== participant.id) return;
        send({ notification: n.method, data: n.data });
        if (n.method === 'mediaClosed') detach();
      };
      media.on('notify', listener);
      attached = { media, listener };
    };

    async function handle(text: string | null): Promise<void> {
      let id: unknown = null;
      try {
        const frame: unknown = text === null ? null : JSON.parse(text);
        if (typeof frame !== 'object' || frame === null || typeof (frame as { method?: unknown }).method !== 'string') {
          throw new MediaError('media.bad_request', 'a request is a JSON object {"id", "method", "data"}');
        }
        const { method, data } = frame as { method: string; data?: unknown };
        id = (frame as { id?: unknown }).id ?? null;
        if (method === 'join') attach(await deps.registry.getOrCreate(sittingId));
        const result = await handleMediaRequest(ctx, method, data).catch((error: unknown) => {
          if (method === 'join' && !deps.registry.get(sittingId)?.has(participant.id)) detach();
          throw error;
        });
        if (method === 'leave') detach();
        send({ id, ok: true, data: result ?? {} });
      } catch (error) {
        if (error instanceof MediaError) return send({ id, ok: false, error: { code: error.code, message: error.message } });
        if (error instanceof SyntaxError) return send({ id, ok: false, error: { code: 'media.bad_request', message: 'frames are JSON text' } });
        deps.log.error('media socket | request failed', { sitting: sittingId, peer: participant.id, error });
        send({ id, ok: false, error: { code: 'media.internal', message: 'internal error' } });
      }
    }

    function end(): void {
      detach();
      if (live.get(key) !== ws) return;
      live.delete(key);
      deps.registry.get(sittingId)?.leave(participant.id);
    }

    return { handle, end };
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== MEDIA_SIGNALLING_PATH) return false;
      const sittingId = url.searchParams.get('sitting');
      if (!sittingId || sittingId.length > 100) {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req, sittingId));
      return true;
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
