/**
 * The presentation timestamp a MPEG-TS segment starts at: the 90 kHz clock WebVTT's
 * X-TIMESTAMP-MAP refers to, and how segments of one FFmpeg run are placed on the wall clock.
 */
import fs from 'node:fs/promises';

const PACKET = 188;

/** PTS (90 kHz, 33 bits) of the first PES packet in `data` that carries one, or null. */
export function firstPts(data: Buffer): number | null {
  for (let offset = 0; offset + PACKET <= data.length; offset += PACKET) {
    if (data[offset] !== 0x47) return null; // lost sync: not a segment FFmpeg wrote
    const payloadStart = (data[offset + 1]! & 0x40) !== 0;
    const adaptation = (data[offset + 3]! >> 4) & 0x3;
    if (!payloadStart || (adaptation & 0x1) === 0) continue;
    let p = offset + 4;
    if (adaptation & 0x2) p += 1 + data[p]!;
    const end = offset + PACKET;
    // PES: 00 00 01, stream id, length, flags, PTS_DTS_flags, header length, then the PTS.
    if (p + 14 > end || data[p] !== 0 || data[p + 1] !== 0 || data[p + 2] !== 1) continue;
    if ((data[p + 7]! & 0x80) === 0) continue;
    const b = data.subarray(p + 9, p + 14);
    return ((b[0]! >> 1) & 0x07) * 2 ** 30 + ((b[1]! << 22) | ((b[2]! >> 1) << 15) | (b[3]! << 7) | (b[4]! >> 1));
  }
  return null;
}

/** First PTS of a segment file; reads only its head. */
export async function segmentStartPts(file: string): Promise<number | null> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(PACKET * 64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return firstPts(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** b − a for 33-bit PTS values, wrap-around safe, in seconds. */
export function ptsSeconds(a: number, b: number): number {
  const wrap = 2 ** 33;
  let d = (b - a) % wrap;
  if (d > wrap / 2) d -= wrap;
  if (d < -wrap / 2) d += wrap;
  return d / 90_000;
}
