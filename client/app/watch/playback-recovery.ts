/** An hls.js error as far as recovery cares (ErrorData: fatal, type, details). */
export interface PlaybackError {
  readonly fatal: boolean;
  /** hls.js ErrorTypes: 'networkError', 'mediaError', 'muxError', … */
  readonly type: string;
  readonly details: string;
}

/** What happened so far on one playback. */
export interface RecoveryMemory {
  /** A fragment was buffered: the broadcast was there. */
  readonly started: boolean;
  /** Network reloads since the last fragment that arrived. */
  readonly networkRetries: number;
  /** When the last media-error recovery was tried (ms), or null. */
  readonly lastMediaRecovery: number | null;
}

/**
 * What to do about an error:
 * - `ignore`: hls.js retries by itself (not fatal);
 * - `not-started`: nothing could be loaded yet, so the broadcast is not there (yet): start over later;
 * - `reload`: a network error during the broadcast: load again (`startLoad`);
 * - `recover-media` / `swap-and-recover`: a decoding error: let hls.js rebuild the media source, the
 *   second time within a few seconds with the audio codec swapped (as hls.js recommends);
 * - `restart`: nothing else helped: start over with a new player.
 */
export type RecoveryStep = 'ignore' | 'not-started' | 'reload' | 'recover-media' | 'swap-and-recover' | 'restart';

/** Network reloads tried before the player starts over. */
export const maxNetworkRetries = 3;
/** Two media errors within this many ms: swap the audio codec on the second recovery. */
export const mediaRecoveryWindowMs = 3_000;

export function recoveryStep(error: PlaybackError, memory: RecoveryMemory, now: number): RecoveryStep {
  if (!error.fatal) {
    return 'ignore';
  }
  switch (error.type) {
    case 'networkError':
      if (!memory.started) {
        return 'not-started';
      }
      return memory.networkRetries < maxNetworkRetries ? 'reload' : 'restart';
    case 'mediaError':
      return memory.lastMediaRecovery === null || now - memory.lastMediaRecovery > mediaRecoveryWindowMs ? 'recover-media' : 'swap-and-recover';
    default:
      return 'restart';
  }
}
