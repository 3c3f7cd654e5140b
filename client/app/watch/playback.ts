import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import type { AudioRendition } from './audio-choice';

/** Where a playback reports what happens. */
export interface PlaybackEvents {
  /** The master playlist is read: its audio renditions, and whether it has captions. */
  ready(renditions: readonly AudioRendition[], captions: boolean): void;
  /** The rendition now heard. */
  audioSwitched(index: number): void;
  /** What the captions say now ('' for nothing, and while they are off). */
  caption(text: string): void;
  /** Fragments stopped coming (the network, a decoding error) and the player is on it; or they come again. */
  trouble(recovering: boolean): void;
  /** The playback gave up: the broadcast was never there, or went and could not be got back. */
  ended(reason: 'not-started' | 'failed'): void;
}

/** One playback of one stream on one video element. */
export interface Playback {
  chooseAudio(index: number): void;
  setCaptions(on: boolean): void;
  /** Where playback sits when it keeps up with the broadcast (seconds of media time), or null. */
  liveSyncPosition(): number | null;
  destroy(): void;
}

/** Plays HLS on a video element: hls.js over Media Source Extensions, or the browser's own HLS. */
export interface PlaybackEngine {
  /** Null when this browser cannot play HLS at all. */
  start(video: HTMLVideoElement, url: string, events: PlaybackEvents): Playback | null;
}

/** Loads the player (hls.js comes in a chunk of its own); specs hand in a stand-in. */
export const playbackEngine = new InjectionToken<() => Promise<PlaybackEngine>>('playback engine', {
  providedIn: 'root',
  factory: () => () => import('./hls-playback').then((m) => m.hlsPlayback),
});

/** Whether the broadcast's master playlist is there (false: not yet); throws when the server cannot be reached. */
export const broadcastProbe = new InjectionToken<(url: string) => Promise<boolean>>('broadcast probe', {
  providedIn: 'root',
  factory: () => {
    const view = inject(DOCUMENT).defaultView;
    return async (url) => view !== null && (await view.fetch(url, { method: 'HEAD', cache: 'no-store' })).ok;
  },
});

/** Timers of the viewer; specs hand in a manual clock. Each returns the function that cancels it. */
export interface WatchClock {
  after(ms: number, run: () => void): () => void;
  every(ms: number, run: () => void): () => void;
}

export const watchClock = new InjectionToken<WatchClock>('watch clock', {
  providedIn: 'root',
  factory: () => ({
    after: (ms, run) => {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    },
    every: (ms, run) => {
      const handle = setInterval(run, ms);
      return () => clearInterval(handle);
    },
  }),
});

/** The broadcast of a sitting: the master playlist the server publishes under /hls/. */
export function streamUrl(sittingId: string): string {
  return `/hls/${encodeURIComponent(sittingId)}/master.m3u8`;
}
