/**
 * VP8 over RTP (RFC 7741) as far as the program feed needs it: telling a key frame's first
 * packet apart (the only place a video slot may switch sources) and packetizing the slate's
 * pre-encoded frames with the minimal one-byte payload descriptor.
 */

/** Whether this VP8 RTP payload starts a key frame: S bit, partition 0, and P bit clear (§4.3). */
export function startsVp8KeyFrame(payload: Buffer): boolean {
  if (payload.length < 1) return false;
  const first = payload[0]!;
  const start = (first & 0x10) !== 0;
  const partition = first & 0x07;
  if (!start || partition !== 0) return false;
  let offset = 1;
  if (first & 0x80) {
    // X: an extension byte says which optional fields follow.
    if (payload.length < 2) return false;
    const ext = payload[1]!;
    offset = 2;
    if (ext & 0x80) offset += payload.length > offset && (payload[offset]! & 0x80) !== 0 ? 2 : 1; // I: PictureID, 7 or 15 bits
    if (ext & 0x40) offset += 1; // L: TL0PICIDX
    if (ext & 0x30) offset += 1; // T or K: TID/Y/KEYIDX
  }
  if (payload.length <= offset) return false;
  return (payload[offset]! & 0x01) === 0;
}

export interface Vp8Packet {
  readonly payload: Buffer;
  /** Last packet of the frame: carries the RTP marker bit. */
  readonly last: boolean;
}

/** One VP8 frame as RTP payloads of at most `maxPayload` bytes each. */
export function packetizeVp8(frame: Buffer, maxPayload = 1100): Vp8Packet[] {
  const chunk = maxPayload - 1;
  const packets: Vp8Packet[] = [];
  for (let offset = 0; offset < frame.length; offset += chunk) {
    const body = frame.subarray(offset, offset + chunk);
    const descriptor = Buffer.of(offset === 0 ? 0x10 : 0x00); // S on the first packet, partition 0
    packets.push({ payload: Buffer.concat([descriptor, body]), last: offset + chunk >= frame.length });
  }
  return packets;
}
