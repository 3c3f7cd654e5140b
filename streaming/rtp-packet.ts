/**
 * The RTP fixed header (RFC 3550 §5.1), read and written for the program feed: packets from
 * mediasoup consumers are re-stamped (SSRC, sequence number, timestamp, payload type) and sent
 * on to FFmpeg with CSRCs, header extensions and padding dropped, which FFmpeg does not need.
 */

export interface RtpHeader {
  readonly marker: boolean;
  readonly payloadType: number;
  readonly sequenceNumber: number;
  readonly timestamp: number;
  readonly ssrc: number;
}

export interface RtpPacket extends RtpHeader {
  readonly payload: Buffer;
}

const FIXED_HEADER = 12;

/** The packet's header fields and payload, or null when it is not RTP version 2 or is cut short. */
export function parseRtp(packet: Buffer): RtpPacket | null {
  if (packet.length < FIXED_HEADER || packet[0]! >> 6 !== 2) return null;
  const padding = (packet[0]! & 0x20) !== 0;
  const extension = (packet[0]! & 0x10) !== 0;
  const csrcCount = packet[0]! & 0x0f;
  let start = FIXED_HEADER + 4 * csrcCount;
  if (extension) {
    if (packet.length < start + 4) return null;
    start += 4 + 4 * packet.readUInt16BE(start + 2);
  }
  let end = packet.length;
  if (padding) end -= packet[packet.length - 1]!;
  if (start > end) return null;
  return {
    marker: (packet[1]! & 0x80) !== 0,
    payloadType: packet[1]! & 0x7f,
    sequenceNumber: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    payload: packet.subarray(start, end),
  };
}

/** A packet with a bare 12-byte header: no CSRC, no extension, no padding. */
export function buildRtp(header: RtpHeader, payload: Buffer): Buffer {
  const packet = Buffer.allocUnsafe(FIXED_HEADER + payload.length);
  packet[0] = 0x80;
  packet[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
  packet.writeUInt16BE(header.sequenceNumber & 0xffff, 2);
  packet.writeUInt32BE(header.timestamp >>> 0, 4);
  packet.writeUInt32BE(header.ssrc >>> 0, 8);
  payload.copy(packet, FIXED_HEADER);
  return packet;
}

/** a - b for 32-bit RTP timestamps, as a signed distance (wrap-around safe). */
export function timestampDelta(a: number, b: number): number {
  return ((a - b) << 0) | 0;
}
