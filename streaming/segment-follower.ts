/**
 * Finds the segments FFmpeg finished: it reads FFmpeg's own short playlists (one per variant)
 * and reports every segment it has not reported before, in order. FFmpeg numbers segments on
 * across restarts (-start_number), so a number identifies a segment for the whole sitting.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseMediaPlaylist } from './media-playlist';

export interface FinishedSegment {
  readonly variant: string;
  /** FFmpeg's number, from the file name seg_<n>.ts. */
  readonly number: number;
  /** The segment file (in the archive, where FFmpeg writes it). */
  readonly file: string;
  readonly duration: number;
}

const SEGMENT_NAME = /^seg_(\d+)\.ts$/;

export class SegmentFollower {
  /** Highest number reported, by variant. */
  private readonly last = new Map<string, number>();

  constructor(
    /** Where FFmpeg writes its playlists, <variant>.m3u8. */
    private readonly playlistDir: string,
    /** Where FFmpeg writes segments, <variant>/seg_<n>.ts. */
    private readonly segmentDir: string,
    private readonly variants: readonly string[],
  ) {}

  /** The number the next FFmpeg run starts counting at: after every segment seen so far. */
  get nextNumber(): number {
    return Math.max(-1, ...this.last.values()) + 1;
  }

  /** Numbers an earlier broadcast of the sitting used: the next run counts on from them. */
  seed(variant: string, uris: readonly string[]): void {
    for (const uri of uris) {
      const number = Number(SEGMENT_NAME.exec(path.basename(uri))?.[1] ?? NaN);
      if (Number.isInteger(number) && number > (this.last.get(variant) ?? -1)) this.last.set(variant, number);
    }
  }

  /** Segments finished since the last poll, variant by variant in the order given. */
  async poll(): Promise<FinishedSegment[]> {
    const found: FinishedSegment[] = [];
    for (const variant of this.variants) {
      let text: string;
      try {
        text = await fs.readFile(path.join(this.playlistDir, `${variant}.m3u8`), 'utf8');
      } catch {
        continue; // not written yet in this run
      }
      const last = this.last.get(variant) ?? -1;
      for (const s of parseMediaPlaylist(text).segments) {
        const number = Number(SEGMENT_NAME.exec(path.basename(s.uri))?.[1] ?? NaN);
        if (!Number.isInteger(number) || number <= last) continue;
        found.push({ variant, number, file: path.join(this.segmentDir, variant, `seg_${number}.ts`), duration: s.duration });
        this.last.set(variant, number);
      }
    }
    return found;
  }

  /** Before a new FFmpeg run: its playlists start empty, so nothing stale is read as new. */
  async clearPlaylists(): Promise<void> {
    await Promise.all(this.variants.map((v) => fs.rm(path.join(this.playlistDir, `${v}.m3u8`), { force: true })));
  }
}
