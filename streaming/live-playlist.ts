/**
 * One public media playlist: the DVR window of a rendition, as players read it from
 * /hls/<sitting>/<variant>/index.m3u8. Segments are hard links to the archive's files (no copy,
 * no second write); they leave the directory some time after they leave the window, so a
 * player that read the playlist just before can still fetch them.
 *
 * Node writes these lists, not FFmpeg: FFmpeg's own lists restart on every FFmpeg restart and
 * know nothing of EXT-X-DISCONTINUITY-SEQUENCE, which players need once a gap scrolls out.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatMediaPlaylist, type SegmentEntry } from './media-playlist';
import { writeFileAtomic } from './atomic-file';

export interface PublishedSegment extends SegmentEntry {
  /** The file to publish (in the archive); `uri` is its name in the public directory. */
  readonly file: string;
}

export const PLAYLIST_NAME = 'index.m3u8';

export class LivePlaylist {
  private readonly window: PublishedSegment[] = [];
  /** Segments that left the window, oldest first, until their files are removed. */
  private readonly leaving: PublishedSegment[] = [];
  private mediaSequence = 0;
  private discontinuitySequence = 0;
  private ended = false;

  constructor(
    readonly dir: string,
    private readonly windowSegments: number,
    private readonly targetDuration: number,
  ) {}

  get segments(): readonly PublishedSegment[] {
    return this.window;
  }

  get hasSegments(): boolean {
    return this.window.length > 0;
  }

  /** Goes on from what an earlier broadcast published: the same media and discontinuity sequences. */
  async resume(earlier: readonly PublishedSegment[]): Promise<void> {
    if (earlier.length === 0) return;
    await fs.mkdir(this.dir, { recursive: true });
    const gone = earlier.slice(0, Math.max(0, earlier.length - this.windowSegments));
    this.mediaSequence = gone.length;
    this.discontinuitySequence = gone.filter((s) => s.discontinuity).length;
    this.leaving.push(...gone.slice(-this.windowSegments));
    this.window.push(...earlier.slice(gone.length));
    for (const s of this.window) await linkOrCopy(s.file, path.join(this.dir, s.uri)).catch(() => undefined);
    await this.write();
  }

  async add(segment: PublishedSegment): Promise<void> {
    if (this.ended) return;
    await fs.mkdir(this.dir, { recursive: true });
    await linkOrCopy(segment.file, path.join(this.dir, segment.uri));
    this.window.push(segment);
    while (this.window.length > this.windowSegments) {
      const gone = this.window.shift()!;
      this.mediaSequence++;
      // Removing a discontinuity tag bumps the sequence (RFC 8216 §6.2.2): players keep the timelines apart.
      if (gone.discontinuity) this.discontinuitySequence++;
      this.leaving.push(gone);
    }
    await this.write();
    // A segment stays fetchable for a window's length after it left the playlist (RFC 8216 §6.2.2).
    while (this.leaving.length > this.windowSegments) {
      const old = this.leaving.shift()!;
      await fs.rm(path.join(this.dir, old.uri), { force: true });
    }
  }

  /** The sitting is over: the list ends (EXT-X-ENDLIST) and players stop reloading it. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.window.length > 0) await this.write();
  }

  private async write(): Promise<void> {
    const text = formatMediaPlaylist({
      targetDuration: this.targetDuration,
      mediaSequence: this.mediaSequence,
      discontinuitySequence: this.discontinuitySequence,
      endList: this.ended,
      independentSegments: true,
      segments: this.window.map(({ file: _file, ...entry }) => entry),
    });
    await writeFileAtomic(path.join(this.dir, PLAYLIST_NAME), text);
  }
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  await fs.rm(to, { force: true });
  try {
    await fs.link(from, to);
  } catch {
    // Another file system (EXDEV) or no hard links: a copy costs disk, not correctness.
    await fs.copyFile(from, to);
  }
}
