// Media signalling over a WebSocket at /media?sitting=<id>. JSON frames:
//   client → server  { "id": 7, "method": "join", "data": { … } }
//   server → client  { "id": 7, "ok": true, "data": … } | { "id": 7, "ok": false, "error": { "code", "message" } }
//   server → client  { "notification": "producerAdded", "data": { … } }
// noServer mode: the HTTP layer routes the upgrade here by path (several WebSocket servers share
// one HTTP server, and ws answers 400 to any path but its own when it owns the server).
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Logger } from '../log';
import { CLOSE_POLICY, keepAlive, limitedWebSocketServer, type SocketLimits } from '../http/socket-limits';
import { refuseUpgrade, upgradePath } from '../http/upgrade-router';
import { mediaCloseCodes, mediaSignallingPath } from '@contract/media-protocol';
import { MediaError } from './errors';
import type { MediaRegistry } from './media-registry';
import { notificationFrame, type JoinIce, type MediaNotification } from './media-protocol';
import { handleMediaRequest, type SignallingContext } from './signalling';
import type { SittingMedia } from './sitting-media';
import type { MediaParticipant } from './topology';
import { iceServersFor, type TurnSettings } from './turn-credentials';

export const MEDIA_SIGNALLING_PATH = mediaSignallingPath;

export interface MediaSignallingDeps {
  readonly registry: MediaRegistry;
  readonly log: Logger;
  /**
   * Who the upgrade request is, as a media participant of that sitting (roles, booth), or a
   * throw when they may not take part. The services load this; the socket knows nothing of auth.
   */
  authenticate(req: http.IncomingMessage, sittingId: string): Promise<MediaParticipant>;
  /** Media sockets one person may hold at once, over all sittings (MEDIA_SOCKETS_PER_PERSON); default 4. */
  readonly socketsPerPerson?: number;
  /** The TURN relay whose credentials each join hands out (TURN_URLS …); unset: none. */
  readonly turn?: TurnSettings;
  /** Browsers use only relayed candidates (TURN_FORCE_RELAY). */
  readonly forceRelay?: boolean;
  /** The clock TURN credentials expire by; Date.now unless a test moves time. */
  readonly now?: () => number;
}

export interface MediaSignallingSocket {
  /** Takes the upgrade if its path is ours; false leaves it to another handler. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

/**
 * Close codes (contract/media-protocol.ts): the client does not retry `refused` or `replaced` (a
 * newer tab of the same person and sitting). `tooMany`: the person already holds `socketsPerPerson`
 * media sockets (in other sittings); the new one is refused and the ones in use are left alone, so
 * two tabs cannot take turns throwing each other out. The client retries it with its backoff, and
 * gets in once another of that person's sockets has closed.
 */
const { refused: REFUSED, replaced: REPLACED, tooMany: TOO_MANY } = mediaCloseCodes;

/**
 * Signalling is small JSON requests: a join's RTP capabilities are the largest (a few KB). A client
 * joining a full chamber consumes every producer it may hear and see, two requests each, at once.
 */
export const MEDIA_SOCKET_LIMITS: SocketLimits = { maxPayload: 64 * 1024, burst: 200, perSecond: 50 };
/** A browser answers pings by itself; one that is gone is noticed within two intervals. */
const KEEPALIVE_MS = 15_000;
/** Notifications queued for a peer that does not read: beyond this it is cut off, not buffered without end. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** A frame's text: ws hands a Buffer (its default), or fragments or an ArrayBuffer in other modes. */
function frameText(raw: WebSocket.RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString();
  return Array.isArray(raw) ? Buffer.concat(raw).toString() : Buffer.from(raw).toString();
}

export function createMediaSignallingSocket(deps: MediaSignallingDeps): MediaSignallingSocket {
  const wss = limitedWebSocketServer('media socket', MEDIA_SOCKET_LIMITS, deps.log);
  const socketsPerPerson = deps.socketsPerPerson ?? 4;
  const now = deps.now ?? Date.now;
  const iceTransportPolicy = deps.turn && deps.forceRelay ? 'relay' : 'all';
  /** `${sittingId}/${personId}` → the one live socket of that peer. */
  const live = new Map<string, WebSocket>();
  /** personId → how many of `live` are theirs. */
  const held = new Map<string, number>();

  /** One connection: authenticated once; frames that arrive meanwhile wait, in order. */
  function serve(ws: WebSocket, req: http.IncomingMessage, sittingId: string): void {
    keepAlive(ws, KEEPALIVE_MS);
    // Nothing below may reject unhandled: every step ends in a logged, closed connection.
    const ready = deps
      .authenticate(req, sittingId)
      .then(
        (participant) => (ws.readyState === ws.OPEN ? openSession(ws, sittingId, participant) : null),
        (error: unknown) => {
          deps.log.info('media socket | refused', { sitting: sittingId, error: String(error) });
          ws.close(REFUSED, 'not allowed in this sitting');
          return null;
        },
      )
      .catch((error: unknown) => {
        deps.log.error('media socket | session failed to open', { sitting: sittingId, error });
        ws.terminate();
        return null;
      });
    const failed = (error: unknown) => deps.log.error('media socket | frame failed', { sitting: sittingId, error });
    ws.on('message', (raw) => void ready.then((session) => session?.handle(frameText(raw))).catch(failed));
    ws.on('close', () => void ready.then((session) => session?.end()).catch(failed));
  }

  function openSession(ws: WebSocket, sittingId: string, participant: MediaParticipant) {
    const key = `${sittingId}/${participant.id}`;
    const previous = live.get(key);
    if (previous) {
      // NOTE: a reload or second tab replaces the old connection; its peer leaves first so the
      // new one can join under the same person id.
      live.delete(key);
      held.set(participant.id, (held.get(participant.id) ?? 1) - 1);
      deps.registry.get(sittingId)?.leave(participant.id);
      previous.close(REPLACED, 'replaced by a newer connection');
    } else if ((held.get(participant.id) ?? 0) >= socketsPerPerson) {
      deps.log.info('media socket | too many sockets', { sitting: sittingId, person: participant.id, held: socketsPerPerson });
      ws.close(TOO_MANY, 'too many media connections for this person');
      return null;
    }
    live.set(key, ws);
    held.set(participant.id, (held.get(participant.id) ?? 0) + 1);
    // The person is the one authenticated for this socket: a credential names them and no one else.
    const ice = (): JoinIce => ({ iceServers: iceServersFor(deps.turn, participant.id, now()), iceTransportPolicy });
    const ctx: SignallingContext = { registry: deps.registry, sittingId, participant, ice };
    const send = (frame: unknown) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        deps.log.info('media socket | peer does not read', { sitting: sittingId, peer: participant.id, buffered: ws.bufferedAmount });
        ws.close(CLOSE_POLICY, 'not reading');
        return;
      }
      ws.send(JSON.stringify(frame));
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
        send(notificationFrame(n));
        if (n.method === 'mediaClosed') detach();
      };
      media.on('notify', listener);
      attached = { media, listener };
    };

    async function handle(text: string): Promise<void> {
      let id: unknown = null;
      try {
        const frame: unknown = JSON.parse(text);
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
      const left = (held.get(participant.id) ?? 1) - 1;
      if (left > 0) held.set(participant.id, left);
      else held.delete(participant.id);
      deps.registry.get(sittingId)?.leave(participant.id);
    }

    return { handle, end };
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = upgradePath(req);
      if (url?.pathname !== MEDIA_SIGNALLING_PATH) return false;
      const sittingId = url.searchParams.get('sitting');
      if (!sittingId || sittingId.length > 100) {
        refuseUpgrade(socket, 400);
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
