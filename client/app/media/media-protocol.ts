// The media signalling protocol as the browser sees it: the WebSocket at /media?sitting=<id>
// (server/media/signalling-socket.ts), its methods (server/media/signalling.ts) and the shapes
// they answer with (server/media/media-protocol.ts). Written by hand: keep it in step with those.
import type { types } from 'mediasoup-client';
import type { MediaErrorCode as ServerMediaErrorCode } from '@contract/media-error-codes';

/** Where a producer publishes. */
export type Channel =
  | { readonly kind: 'floor' }
  | { readonly kind: 'interpretation'; readonly language: string }
  | { readonly kind: 'sign' }
  | { readonly kind: 'subroom'; readonly subroomId: string };

/** Channels as flat strings: 'floor', 'interpretation:fr', 'sign', 'subroom:<id>'. */
export type ChannelKey = 'floor' | 'sign' | `interpretation:${string}` | `subroom:${string}`;

export type MediaSource = 'microphone' | 'camera' | 'screen' | 'hall';

/** Why the server holds (pauses) a producer; `self_muted` is its owner's own mute. */
export type Held = 'not_allowed' | 'no_floor' | 'muted_all' | 'not_on_air' | 'self_muted';

/** One channel a participant consumes, and the volume the server suggests for it (0..1). */
export interface Listening {
  readonly channel: ChannelKey;
  readonly gain: number;
}

/** A producer as this participant sees it. */
export interface ProducerInfo {
  readonly producerId: string;
  /** The person's id. */
  readonly peerId: string;
  readonly kind: types.MediaKind;
  readonly channel: ChannelKey;
  readonly source: MediaSource;
  readonly gain: number;
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

export interface JoinResult {
  readonly routerRtpCapabilities: types.RtpCapabilities;
  readonly plan: readonly Listening[];
  readonly producers: readonly ProducerInfo[];
  readonly floor: FloorView;
  /** Empty when the server has no TURN relay (TURN_URLS unset). */
  readonly iceServers: readonly IceServer[];
  /** `relay` when the server says so (TURN_FORCE_RELAY): only relayed candidates are tried. */
  readonly iceTransportPolicy: 'all' | 'relay';
}

export interface TransportInfo {
  readonly id: string;
  readonly iceParameters: types.IceParameters;
  readonly iceCandidates: types.IceCandidate[];
  readonly dtlsParameters: types.DtlsParameters;
}

export interface ConsumerInfo {
  readonly id: string;
  readonly producerId: string;
  readonly kind: types.MediaKind;
  readonly rtpParameters: types.RtpParameters;
  readonly producerPaused: boolean;
  readonly gain: number;
}

/** What a participant picked to listen to: an interpretation language (null: the floor) and the sign channel. */
export interface ListenerChoice {
  readonly language: string | null;
  readonly sign: boolean;
}

/**
 * Why a request was refused (contract/media-error-codes.ts), plus the client's own
 * `media.disconnected` and `media.timeout`. `media.quota_exceeded` and `media.rate_limited` change nothing.
 */
export type MediaErrorCode = ServerMediaErrorCode | 'media.disconnected' | 'media.timeout';

/** Each method's data and answer. */
export interface MediaMethods {
  getRouterRtpCapabilities: [Record<string, never>, types.RtpCapabilities];
  join: [{ rtpCapabilities: types.RtpCapabilities; language: string | null; sign: boolean }, JoinResult];
  leave: [Record<string, never>, Record<string, never>];
  createWebRtcTransport: [{ direction: 'send' | 'recv' }, TransportInfo];
  connectWebRtcTransport: [{ transportId: string; dtlsParameters: types.DtlsParameters }, Record<string, never>];
  /** With fresh TURN credentials: the restart may have to allocate a new relay. */
  restartIce: [{ transportId: string }, { iceParameters: types.IceParameters; iceServers: readonly IceServer[] }];
  produce: [
    { transportId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters; channel: Channel; source: MediaSource },
    { id: string; live: boolean; held: Held | null },
  ];
  setSelfMuted: [{ producerId: string; muted: boolean }, { live: boolean; held: Held | null }];
  closeProducer: [{ producerId: string }, Record<string, never>];
  consume: [{ transportId: string; producerId: string }, ConsumerInfo];
  closeConsumer: [{ consumerId: string }, Record<string, never>];
  resumeConsumer: [{ consumerId: string }, Record<string, never>];
  pauseConsumer: [{ consumerId: string }, Record<string, never>];
  requestConsumerKeyFrame: [{ consumerId: string }, Record<string, never>];
  setConsumerPreferredLayers: [{ consumerId: string; spatialLayer: number; temporalLayer?: number }, Record<string, never>];
  setChoice: [ListenerChoice, { plan: readonly Listening[] }];
}

export type MediaMethod = keyof MediaMethods;

/** Server → client, unasked. */
export type MediaNotification =
  | { readonly notification: 'producerAdded'; readonly data: ProducerInfo }
  | { readonly notification: 'producerRemoved'; readonly data: { readonly producerId: string } }
  | { readonly notification: 'producerLive'; readonly data: { readonly producerId: string; readonly live: boolean; readonly held: Held | null } }
  | { readonly notification: 'consumerClosed'; readonly data: { readonly consumerId: string } }
  | { readonly notification: 'consumerPaused'; readonly data: { readonly consumerId: string } }
  | { readonly notification: 'consumerResumed'; readonly data: { readonly consumerId: string } }
  | { readonly notification: 'planChanged'; readonly data: { readonly plan: readonly Listening[]; readonly producers: readonly ProducerInfo[] } }
  | { readonly notification: 'activeSpeaker'; readonly data: { readonly peerId: string | null } }
  | { readonly notification: 'floorChanged'; readonly data: FloorView }
  | { readonly notification: 'mediaClosed'; readonly data: { readonly reason: 'closed' | 'worker_died' } };

export function channelKey(channel: Channel): ChannelKey {
  switch (channel.kind) {
    case 'floor':
    case 'sign':
      return channel.kind;
    case 'interpretation':
      return `interpretation:${channel.language}`;
    case 'subroom':
      return `subroom:${channel.subroomId}`;
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${JSON.stringify(never)}`);
    }
  }
}
