// The shapes a client sees, as the server types them: the contract (contract/media-protocol.ts)
// with mediasoup's own RTP types, and the server's notification events.
import type { types } from 'mediasoup';
import type * as Contract from '@contract/media-protocol';
import type { MediaNotificationName, MediaNotifications } from '@contract/media-protocol';
import type { Channel, MediaKind, MediaSource } from '@contract/media-channels';
import type { FloorState } from './topology';

export type { FloorView, IceServer, JoinIce, MediaCloseReason, MediaMethod, ProducerInfo } from '@contract/media-protocol';
export type { Held } from '@contract/media-channels';

/** mediasoup's (server) types for the structures the protocol carries. */
export interface ServerRtc {
  readonly rtpCapabilities: types.RtpCapabilities;
  readonly rtpParameters: types.RtpParameters;
  readonly iceParameters: types.IceParameters;
  readonly iceCandidate: types.IceCandidate;
  readonly dtlsParameters: types.DtlsParameters;
}

export type JoinResult = Contract.JoinResult<ServerRtc>;
export type JoinAnswer = Contract.JoinAnswer<ServerRtc>;
export type TransportInfo = Contract.TransportInfo<ServerRtc>;
export type ConsumerInfo = Contract.ConsumerInfo<ServerRtc>;
export type MediaMethods = Contract.MediaMethods<ServerRtc>;

/**
 * Server → one peer, as SittingMedia emits it; the socket sends it as `{ notification, data }`.
 * NOTE: clients consume floor producers while they are live and may close them after; a chamber
 * of 700 paused microphones is not for every listener to hold.
 */
export type MediaNotification = {
  readonly [N in MediaNotificationName]: { readonly method: N; readonly data: MediaNotifications[N] };
}[MediaNotificationName];

/** The frame the socket sends for a notification: `{ notification, data }` (contract/media-protocol.ts). */
export function notificationFrame<N extends MediaNotificationName>(n: {
  readonly method: N;
  readonly data: MediaNotifications[N];
}): {
  readonly notification: N;
  readonly data: MediaNotifications[N];
} {
  return { notification: n.method, data: n.data };
}

export const NO_ICE: Contract.JoinIce = Object.freeze({ iceServers: Object.freeze([]), iceTransportPolicy: 'all' });

/** What SittingMedia needs to produce; the signalling checked the rest of the request. */
export interface ProduceRequest {
  readonly kind: MediaKind;
  readonly rtpParameters: types.RtpParameters;
  readonly channel: Channel;
  readonly source: MediaSource;
}

export function floorView(floor: FloorState): Contract.FloorView {
  return { speakers: floor.speakers, mutedAll: floor.mutedAll, onAir: Object.fromEntries(floor.liveInterpreters), relays: Object.fromEntries(floor.relays) };
}
