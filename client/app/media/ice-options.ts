import type { IceServer, JoinIce } from '@contract/media-protocol';

/** What a mediasoup-client transport needs of the join's TURN servers: RTCPeerConnection's ICE options. */
export interface IceOptions {
  readonly iceServers: RTCIceServer[];
  readonly iceTransportPolicy: RTCIceTransportPolicy;
}

/**
 * The ICE options of one join, for both its transports. The credentials expire (TURN_TTL_S); a
 * rejoin (reconnect) brings fresh ones, so they are never kept beyond the session they came with.
 */
export function iceOptions(joined: JoinIce): IceOptions {
  return {
    iceServers: rtcIceServers(joined.iceServers),
    // Relay-only without a relay would never connect: then the browser's default stands.
    iceTransportPolicy: joined.iceTransportPolicy === 'relay' && joined.iceServers.length > 0 ? 'relay' : 'all',
  };
}

/** The server's ICE servers as RTCPeerConnection takes them (mutable copies). */
export function rtcIceServers(servers: readonly IceServer[]): RTCIceServer[] {
  return servers.map(({ urls, username, credential }) => ({ urls: [...urls], username, credential }));
}
