/** More than this many seconds behind the live position counts as "behind live". */
export const behindLiveSeconds = 3;

/** Where playback stands against the live broadcast. */
export type LiveEdge = 'unknown' | 'live' | 'behind';

/**
 * Seconds the picture is behind the live position: hls.js's live sync position (the edge less
 * the usual safety distance of a few segments), which is where playback sits when it keeps up.
 * Null when there is no live position (the stream has not loaded, or is a recording).
 */
export function secondsBehindLive(currentTime: number, liveSyncPosition: number | null | undefined): number | null {
  if (liveSyncPosition === null || liveSyncPosition === undefined || !Number.isFinite(liveSyncPosition) || !Number.isFinite(currentTime)) {
    return null;
  }
  return Math.max(0, liveSyncPosition - currentTime);
}

export function liveEdge(behind: number | null): LiveEdge {
  if (behind === null) {
    return 'unknown';
  }
  return behind > behindLiveSeconds ? 'behind' : 'live';
}
