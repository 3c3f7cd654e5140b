/**
 * HLS media playlists (RFC 8216 §4.3.3), the subset this pipeline writes and reads: FFmpeg's
 * own rolling lists, the public DVR-window lists and the archive's EVENT lists.
 */

export interface SegmentEntry {
  readonly uri: string;
  /** EXTINF, seconds. */
  readonly duration: number;
  /** First segment after a gap (an FFmpeg restart): EXT-X-DISCONTINUITY before it. */
  readonly discontinuity: boolean;
  /** Wall-clock time of the segment's first sample, ms since the epoch. */
  readonly programDateTime?: number;
}

export interface MediaPlaylist {
  readonly targetDuration: number;
  readonly mediaSequence: number;
  readonly discontinuitySequence: number;
  readonly playlistType?: 'EVENT' | 'VOD';
  readonly endList: boolean;
  readonly independentSegments: boolean;
  readonly segments: readonly SegmentEntry[];
}

export function formatMediaPlaylist(p: MediaPlaylist, headers: readonly string[] = []): string {
  // EXTINF durations may round up past the target; the target must cover every one of them.
  const target = Math.max(p.targetDuration, ...p.segments.map((s) => Math.round(s.duration)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${target}`, `#EXT-X-MEDIA-SEQUENCE:${p.mediaSequence}`];
  if (p.discontinuitySequence > 0) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${p.discontinuitySequence}`);
  if (p.playlistType) lines.push(`#EXT-X-PLAYLIST-TYPE:${p.playlistType}`);
  if (p.independentSegments) lines.push('#EXT-X-INDEPENDENT-SEGMENTS');
  lines.push(...headers);
  for (const s of p.segments) lines.push(...segmentLines(s));
  if (p.endList) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** The lines of one segment, for playlists that are appended to (the archive). */
export function segmentLines(s: SegmentEntry): string[] {
  const lines: string[] = [];
  if (s.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
  if (s.programDateTime !== undefined) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateTime).toISOString()}`);
  lines.push(`#EXTINF:${s.duration.toFixed(6)},`, s.uri);
  return lines;
}

/** Reads a media playlist; tags it does not know are skipped. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('not an HLS playlist (no #EXTM3U)');
  let targetDuration = 0;
  let mediaSequence = 0;
  let discontinuitySequence = 0;
  let playlistType: 'EVENT' | 'VOD' | undefined;
  let endList = false;
  let independentSegments = false;
  const segments: SegmentEntry[] = [];
  let duration: number | null = null;
  let discontinuity = false;
  let programDateTime: number | undefined;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const [tag, value = ''] = splitTag(line);
    switch (tag) {
      case '#EXT-X-TARGETDURATION':
        targetDuration = Number(value);
        break;
      case '#EXT-X-MEDIA-SEQUENCE':
        mediaSequence = Number(value);
        break;
      case '#EXT-X-DISCONTINUITY-SEQUENCE':
        discontinuitySequence = Number(value);
        break;
      case '#EXT-X-PLAYLIST-TYPE':
        if (value === 'EVENT' || value === 'VOD') playlistType = value;
        break;
      case '#EXT-X-ENDLIST':
        endList = true;
        break;
      case '#EXT-X-INDEPENDENT-SEGMENTS':
        independentSegments = true;
        break;
      case '#EXT-X-DISCONTINUITY':
        discontinuity = true;
        break;
      case '#EXT-X-PROGRAM-DATE-TIME':
        programDateTime = Date.parse(value);
        break;
      case '#EXTINF':
        duration = parseFloat(value);
        break;
      default:
        if (line.startsWith('#') || duration === null) break;
        segments.push({ uri: line, duration, discontinuity, ...(programDateTime !== undefined && !Number.isNaN(programDateTime) ? { programDateTime } : {}) });
        duration = null;
        discontinuity = false;
        programDateTime = undefined;
    }
  }
  return { targetDuration, mediaSequence, discontinuitySequence, ...(playlistType ? { playlistType } : {}), endList, independentSegments, segments };
}

function splitTag(line: string): [string, string?] {
  if (!line.startsWith('#')) return [line];
  const colon = line.indexOf(':');
  return colon < 0 ? [line] : [line.slice(0, colon), line.slice(colon + 1)];
}
