/**
 * The IVF container (a 32-byte file header, then a 12-byte header before each frame): how
 * FFmpeg hands us the slate's pre-encoded VP8 frames.
 */

export interface IvfVideo {
  readonly fourcc: string;
  readonly width: number;
  readonly height: number;
  readonly frames: readonly Buffer[];
}

export function parseIvf(file: Buffer): IvfVideo {
  if (file.length < 32 || file.toString('latin1', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const headerSize = file.readUInt16LE(6);
  const frames: Buffer[] = [];
  for (let offset = headerSize; offset + 12 <= file.length;) {
    const size = file.readUInt32LE(offset);
    const start = offset + 12;
    if (start + size > file.length) break; // a cut-off last frame is dropped
    frames.push(file.subarray(start, start + size));
    offset = start + size;
  }
  return { fourcc: file.toString('latin1', 8, 12), width: file.readUInt16LE(12), height: file.readUInt16LE(14), frames };
}
