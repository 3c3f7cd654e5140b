/**
 * The media signalling as server and browser speak it: the WebSocket at /media?sitting=<id>
 * (server/media/signalling-socket.ts), each method's data and answer (server/media/signalling.ts)
 * and the notifications the server pushes. Imports nothing at run time.
 *
 * The RTP, ICE and DTLS structures are mediasoup's: each side names them with its own library's
 * types (mediasoup on the server, mediasoup-client in the browser) through `RtcTypes`; the wire
 * carries the same JSON. Everything else is written here once.
 */
import type { CapturedSource, Channel, ChannelKey, Held, ListenerChoice, Listening, MediaKind, MediaSource } from './media-channels';

/** Where the media socket listens: `/media?sitting=<id>` on the page's own origin. */
export const mediaSignallingPath = '/media';

/**
 * Close codes the client acts on: `refused` (not allowed in this sitting; do not retry), `replaced`
 * (a newer tab of the same person took over). `tooMany`: the person already holds as many media
 * sockets as they may (in other sittings); the client retries with its backoff.
 */
export const mediaCloseCodes = { refused: 4001, replaced: 4002, tooMany: 4003 } as const;

/** The mediasoup structures the protocol carries, as one side's library types them. */
export interface RtcTypes {
  readonly rtpCapabilities: unknown;
  readonly rtpParameters: unknown;
  readonly iceParameters: unknown;
  readonly iceCandidate: unknown;
  readonly dtlsParameters: unknown;
}

/** A producer as a peer sees it: whose, which channel, at what volume for that peer. */
export interface ProducerInfo {
  readonly producerId: string;
  /** The person's id. */
  readonly peerId: string;
  readonly kind: MediaKind;
  readonly channel: ChannelKey;
  readonly source: MediaSource;
  /** The volume this peer plays it at (client-side ducking). */
  readonly gain: number;
  /** False while the procedure holds it (member without the floor, booth partner not live). */
  readonly live: boolean;
  readonly held: Held | null;
}

/** The floor state for the UI: who may speak, mute all, booths on air and their relays. */
export interface FloorView {
  readonly speakers: readonly string[];
  readonly mutedAll: boolean;
  /** booth id → person on air */
  readonly onAir: Readonly<Record<string, string>>;
  /** booth id → relay language */
  readonly relays: Readonly<Record<string, string>>;
}

/** A TURN server and the short-lived credentials minted for this join (server/media/turn-credentials.ts). */
export interface IceServer {
  readonly urls: readonly string[];
  readonly username: string;
  readonly credential: string;
}

/** How browsers reach the media: TURN servers with credentials minted for this join, and whether they must relay. */
export interface JoinIce {
  /** Empty without TURN (TURN_URLS unset). */
  readonly iceServers: readonly IceServer[];
  /** `relay` with TURN_FORCE_RELAY: browsers try only relayed candidates. */
  readonly iceTransportPolicy: 'all' | 'relay';
}

/** The sitting's side of a join: its router, what the peer hears and may consume, the floor. */
export interface JoinResult<R extends RtcTypes> {
  readonly routerRtpCapabilities: R['rtpCapabilities'];
  readonly plan: readonly Listening[];
  readonly producers: readonly ProducerInfo[];
  readonly floor: FloorView;
}

/** What a join answers: the sitting's side and the carrier's ICE servers. */
export type JoinAnswer<R extends RtcTypes> = JoinResult<R> & JoinIce;

export interface TransportInfo<R extends RtcTypes> {
  readonly id: string;
  readonly iceParameters: R['iceParameters'];
  readonly iceCandidates: R['iceCandidate'][];
  readonly dtlsParameters: R['dtlsParameters'];
}

export interface ConsumerInfo<R extends RtcTypes> {
  readonly id: string;
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly rtpParameters: R['rtpParameters'];
  readonly producerPaused: boolean;
  readonly gain: number;
}

/** What a produce answers: the producer's id and whether the server holds it. */
export interface ProducedInfo {
  readonly id: string;
  readonly live: boolean;
  readonly held: Held | null;
}

type Nothing = Record<string, never>;

/** Each method's data (first) and answer (second). */
export interface MediaMethods<R extends RtcTypes> {
  getRouterRtpCapabilities: [Nothing, R['rtpCapabilities']];
  join: [{ readonly rtpCapabilities: R['rtpCapabilities']; readonly language: string | null; readonly sign: boolean }, JoinAnswer<R>];
  leave: [Nothing, Nothing];
  createWebRtcTransport: [{ readonly direction: 'send' | 'recv' }, TransportInfo<R>];
  connectWebRtcTransport: [{ readonly transportId: string; readonly dtlsParameters: R['dtlsParameters'] }, Nothing];
  /** With fresh TURN credentials: the restart may have to allocate a new relay. */
  restartIce: [{ readonly transportId: string }, { readonly iceParameters: R['iceParameters']; readonly iceServers: readonly IceServer[] }];
  produce: [
    {
      readonly transportId: string;
      readonly kind: MediaKind;
      readonly rtpParameters: R['rtpParameters'];
      readonly channel: Channel;
      readonly source: CapturedSource;
    },
    ProducedInfo,
  ];
  setSelfMuted: [{ readonly producerId: string; readonly muted: boolean }, Omit<ProducedInfo, 'id'>];
  closeProducer: [{ readonly producerId: string }, Nothing];
  consume: [{ readonly transportId: string; readonly producerId: string }, ConsumerInfo<R>];
  /** A listener drops a consumer it no longer shows (a floor microphone that went quiet, say). */
  closeConsumer: [{ readonly consumerId: string }, Nothing];
  resumeConsumer: [{ readonly consumerId: string }, Nothing];
  pauseConsumer: [{ readonly consumerId: string }, Nothing];
  requestConsumerKeyFrame: [{ readonly consumerId: string }, Nothing];
  setConsumerPreferredLayers: [{ readonly consumerId: string; readonly spatialLayer: number; readonly temporalLayer?: number }, Nothing];
  setChoice: [ListenerChoice, { readonly plan: readonly Listening[] }];
}

export type MediaMethod = keyof MediaMethods<RtcTypes>;

/** The data a method takes, for the methods that take any (the others ignore what they get). */
export type MediaRequestData<R extends RtcTypes> = {
  readonly [M in MediaMethod as MediaMethods<R>[M][0] extends Nothing ? never : M]: MediaMethods<R>[M][0];
};

/**
 * Why the sitting's media ended: it closed, or its worker died (rejoin to continue). For this peer
 * alone: `excluded` from the sitting by the chair (an order measure): do not rejoin; `removed` by the
 * chair's team: rejoin only once admitted again.
 */
export type MediaCloseReason = 'closed' | 'worker_died' | 'excluded' | 'removed';

/** Server → one peer, unasked: each notification's data. Delivered in order. */
export interface MediaNotifications {
  producerAdded: ProducerInfo;
  producerRemoved: { readonly producerId: string };
  /**
   * The floor state resumed or paused a producer: to its owner ("you are live") and to everyone
   * who listens to its channel.
   */
  producerLive: { readonly producerId: string; readonly live: boolean; readonly held: Held | null };
  consumerClosed: { readonly consumerId: string };
  consumerPaused: { readonly consumerId: string };
  consumerResumed: { readonly consumerId: string };
  /** What the peer listens to changed (subroom, relay, language, ducking); producers it may now consume. */
  planChanged: { readonly plan: readonly Listening[]; readonly producers: readonly ProducerInfo[] };
  activeSpeaker: { readonly peerId: string | null };
  /** The floor state changed (speakers, mute all, booths on air, subrooms), for the UI to show. */
  floorChanged: FloorView;
  /** The sitting's media ended (sitting closed, or its worker died): rejoin to continue. */
  mediaClosed: { readonly reason: MediaCloseReason };
}

export type MediaNotificationName = keyof MediaNotifications;

/** A notification frame as the socket sends it: `{ "notification": "producerAdded", "data": … }`. */
export type MediaNotification = {
  readonly [N in MediaNotificationName]: { readonly notification: N; readonly data: MediaNotifications[N] };
}[MediaNotificationName];
