// The shapes a client sees: request results and server-pushed notifications.
import type { types } from 'mediasoup';
import type { MediaSource } from './peer';
import type { Channel, ChannelKey, FloorState, HoldReason, Listening } from './topology';
import type { IceServer } from './turn-credentials';

/** Why a producer does not flow: the procedure holds it, or its owner muted it. */
export type Held = HoldReason | 'self_muted';

/** A producer as a peer sees it: whose, which channel, at what volume for that peer. */
export interface ProducerInfo {
  readonly producerId: string;
  readonly peerId: string;
  readonly kind: types.MediaKind;
  readonly channel: ChannelKey;
  readonly source: MediaSource;
  /** The volume this peer plays it at (client-side ducking). */
  readonly gain: number;
  /** False while the procedure holds it (member without the floor, booth partner not live). */
  readonly live: boolean;
  readonly held: Held | null;
}

/** Server → one peer. The signalling transport delivers them in order. */
export type MediaNotification =
  | { readonly method: 'producerAdded'; readonly data: ProducerInfo }
  | { readonly method: 'producerRemoved'; readonly data: { readonly producerId: string } }
  /**
   * The floor state resumed or paused a producer: to its owner ("you are live") and to everyone
   * who listens to its channel. NOTE: clients consume floor producers while they are live and
   * may close them after; a chamber of 700 paused microphones is not for every listener to hold.
   */
  | { readonly method: 'producerLive'; readonly data: { readonly producerId: string; readonly live: boolean; readonly held: Held | null } }
  | { readonly method: 'consumerClosed'; readonly data: { readonly consumerId: string } }
  | { readonly method: 'consumerPaused'; readonly data: { readonly consumerId: string } }
  | { readonly method: 'consumerResumed'; readonly data: { readonly consumerId: string } }
  /** What the peer listens to changed (subroom, relay, language, ducking); producers it may now consume. */
  | { readonly method: 'planChanged'; readonly data: { readonly plan: readonly Listening[]; readonly producers: readonly ProducerInfo[] } }
  | { readonly method: 'activeSpeaker'; readonly data: { readonly peerId: string | null } }
  /** The floor state changed (speakers, mute all, booths on air, subrooms), for the UI to show. */
  | { readonly method: 'floorChanged'; readonly data: FloorView }
  /** The sitting's media ended (sitting closed, or its worker died): rejoin to continue. */
  | { readonly method: 'mediaClosed'; readonly data: { readonly reason: MediaCloseReason } };

export type MediaCloseReason = 'closed' | 'worker_died';

export interface JoinResult {
  readonly routerRtpCapabilities: types.RtpCapabilities;
  readonly plan: readonly Listening[];
  readonly producers: readonly ProducerInfo[];
  readonly floor: FloorView;
}

/** How browsers reach the media: TURN servers with credentials minted for this join, and whether they must relay. */
export interface JoinIce {
  /** Empty without TURN (TURN_URLS unset). */
  readonly iceServers: readonly IceServer[];
  /** `relay` with TURN_FORCE_RELAY: browsers try only relayed candidates. */
  readonly iceTransportPolicy: 'all' | 'relay';
}

/** What a join answers: the sitting's side and the carrier's ICE servers. */
export type JoinAnswer = JoinResult & JoinIce;

export const NO_ICE: JoinIce = Object.freeze({ iceServers: Object.freeze([]), iceTransportPolicy: 'all' });

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

export interface ProduceRequest {
  readonly kind: types.MediaKind;
  readonly rtpParameters: types.RtpParameters;
  readonly channel: Channel;
  readonly source: MediaSource;
}

/** The floor state as JSON for clients. */
export interface FloorView {
  readonly speakers: readonly string[];
  readonly mutedAll: boolean;
  /** booth id → person on air */
  readonly onAir: Readonly<Record<string, string>>;
  /** booth id → relay language */
  readonly relays: Readonly<Record<string, string>>;
}

export function floorView(floor: FloorState): FloorView {
  return { speakers: floor.speakers, mutedAll: floor.mutedAll, onAir: Object.fromEntries(floor.liveInterpreters), relays: Object.fromEntries(floor.relays) };
}
