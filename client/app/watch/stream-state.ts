import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { languageStorage } from '../i18n/translation-state';
import { audioPreferenceKey, chooseAudioRendition, parseAudioPreference, type AudioRendition } from './audio-choice';
import { liveEdge, secondsBehindLive } from './live-edge';
import { broadcastProbe, playbackEngine, streamUrl, watchClock, type Playback, type PlaybackEngine, type PlaybackEvents } from './playback';

/**
 * Where the broadcast stands: `loading` the player or the playlist; `not-started` (no playlist
 * yet: asked again every few seconds); `unreachable` (no answer from the server: asked again);
 * `ready` (playing or paused); `recovering` from an error, or waiting for a broadcast that went away
 * after it played; `unsupported` by this browser.
 */
export type StreamPhase = 'idle' | 'loading' | 'not-started' | 'unreachable' | 'ready' | 'recovering' | 'unsupported';

/** How long to wait before asking again for a broadcast that is not there. */
export const retryMs = 3_000;
/** How often the distance to the live edge is measured. */
export const measureMs = 500;

const captionsKey = 'plenum.watch.captions';

/**
 * The public broadcast on one video element (provided by the player): waits for the broadcast to
 * start, plays it with hls.js, recovers from errors, and keeps what the viewer chose (the audio
 * rendition, captions) in this browser.
 */
@Injectable()
export class StreamState {
  private readonly storage = inject(languageStorage);
  private readonly loadEngine = inject(playbackEngine);
  private readonly probe = inject(broadcastProbe);
  private readonly clock = inject(watchClock);

  private readonly phaseSignal = signal<StreamPhase>('idle');
  private readonly pausedSignal = signal(true);
  private readonly bufferingSignal = signal(false);
  private readonly mutedSignal = signal(false);
  private readonly renditionsSignal = signal<readonly AudioRendition[]>([]);
  private readonly chosenSignal = signal(-1);
  private readonly heardSignal = signal(-1);
  private readonly captionsAvailableSignal = signal(false);
  private readonly captionsOnSignal = signal(this.read(captionsKey) === 'on');
  private readonly captionSignal = signal('');
  private readonly behindSignal = signal<number | null>(null);

  private video: HTMLVideoElement | null = null;
  private url = '';
  private playback: Playback | null = null;
  /** Each start (and each start over) is a run; answers of an earlier run are ignored. */
  private run = 0;
  private readonly cleanups: (() => void)[] = [];
  private cancelRetry: (() => void) | null = null;
  /** The broadcast played since start(): when it goes, it was interrupted rather than not yet started. */
  private played = false;

  readonly phase = this.phaseSignal.asReadonly();
  readonly paused = this.pausedSignal.asReadonly();
  readonly buffering = this.bufferingSignal.asReadonly();
  readonly muted = this.mutedSignal.asReadonly();
  readonly renditions = this.renditionsSignal.asReadonly();
  /** The rendition picked (the picker's value) and the one hls.js switched to (what is heard). */
  readonly chosen = this.chosenSignal.asReadonly();
  readonly heard = this.heardSignal.asReadonly();
  readonly captionsAvailable = this.captionsAvailableSignal.asReadonly();
  readonly captionsOn = this.captionsOnSignal.asReadonly();
  /** The caption to show now ('' while captions are off). */
  readonly caption = computed(() => (this.captionsOnSignal() ? this.captionSignal() : ''));
  /** Seconds behind the live position, or null while unknown. */
  readonly behind = this.behindSignal.asReadonly();
  readonly edge = computed(() => (this.phaseSignal() === 'ready' || this.phaseSignal() === 'recovering' ? liveEdge(this.behindSignal()) : 'unknown'));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Plays the sitting's broadcast on the video element, waiting for it to start if need be. */
  start(video: HTMLVideoElement, sittingId: string): void {
    this.stop();
    this.played = false;
    this.video = video;
    this.url = streamUrl(sittingId);
    this.listen(video);
    this.cleanups.push(this.clock.every(measureMs, () => this.measure()));
    void this.connect(++this.run);
  }

  stop(): void {
    this.run++;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.playback?.destroy();
    this.playback = null;
    for (const cleanup of this.cleanups.splice(0)) {
      cleanup();
    }
    this.video = null;
    this.phaseSignal.set('idle');
    this.behindSignal.set(null);
  }

  /**
   * The API says the broadcast is on air: a player still waiting for it asks at once instead of
   * at its next try. (The playlist itself stays the proof: the hint may come a moment early.)
   */
  nudge(): void {
    if (this.playback === null && this.cancelRetry !== null) {
      this.cancelRetry();
      this.cancelRetry = null;
      void this.connect(++this.run);
    }
  }

  togglePlay(): void {
    if (this.video?.paused) {
      this.play();
    } else {
      this.video?.pause();
    }
  }

  toggleMuted(): void {
    if (this.video !== null) {
      this.video.muted = !this.video.muted;
    }
  }

  /** Jumps to the live position and plays. */
  goLive(): void {
    const position = this.playback?.liveSyncPosition() ?? null;
    if (this.video !== null && position !== null) {
      this.video.currentTime = position;
      this.behindSignal.set(0);
    }
    this.play();
  }

  chooseAudio(index: number): void {
    const rendition = this.renditionsSignal()[index];
    if (rendition === undefined) {
      return;
    }
    this.chosenSignal.set(index);
    this.playback?.chooseAudio(index);
    this.write(audioPreferenceKey, JSON.stringify({ name: rendition.name, lang: rendition.lang }));
  }

  setCaptions(on: boolean): void {
    this.captionsOnSignal.set(on);
    this.playback?.setCaptions(on);
    this.write(captionsKey, on ? 'on' : 'off');
  }

  private async connect(run: number): Promise<void> {
    if (this.phaseSignal() === 'idle') {
      this.phaseSignal.set('loading');
    }
    let there: boolean | 'unreachable';
    try {
      there = await this.probe(this.url);
    } catch {
      there = 'unreachable';
    }
    if (run !== this.run) {
      return;
    }
    if (there !== true) {
      this.retry(run, there === 'unreachable' ? 'unreachable' : this.played ? 'recovering' : 'not-started');
      return;
    }
    let engine: PlaybackEngine;
    try {
      engine = await this.loadEngine();
    } catch {
      // The player's chunk did not arrive (the network): as if the server could not be reached.
      if (run === this.run) {
        this.retry(run, 'unreachable');
      }
      return;
    }
    if (run !== this.run || this.video === null) {
      return;
    }
    this.phaseSignal.set('loading');
    this.playback = engine.start(this.video, this.url, this.events(run));
    if (this.playback === null) {
      this.phaseSignal.set('unsupported');
    }
  }

  private events(run: number): PlaybackEvents {
    const current = () => run === this.run;
    return {
      ready: (renditions, captions) => {
        if (!current()) {
          return;
        }
        this.renditionsSignal.set(renditions);
        this.captionsAvailableSignal.set(captions);
        const index = chooseAudioRendition(renditions, parseAudioPreference(this.read(audioPreferenceKey)));
        this.chosenSignal.set(index);
        this.playback?.chooseAudio(index);
        this.playback?.setCaptions(this.captionsOnSignal());
        this.phaseSignal.set('ready');
        this.played = true;
        this.play();
      },
      audioSwitched: (index) => {
        if (current()) {
          this.heardSignal.set(index);
        }
      },
      caption: (text) => {
        if (current()) {
          this.captionSignal.set(text);
        }
      },
      trouble: (recovering) => {
        if (current()) {
          this.phaseSignal.set(recovering ? 'recovering' : 'ready');
        }
      },
      ended: (reason) => {
        if (current()) {
          this.playback = null;
          this.heardSignal.set(-1);
          this.captionSignal.set('');
          this.retry(run, reason === 'not-started' && !this.played ? 'not-started' : 'recovering');
        }
      },
    };
  }

  /** Asks again after a while; meanwhile the page says why nothing plays. */
  private retry(run: number, phase: StreamPhase): void {
    this.phaseSignal.set(phase);
    this.behindSignal.set(null);
    this.cancelRetry?.();
    this.cancelRetry = this.clock.after(retryMs, () => {
      this.cancelRetry = null;
      if (run === this.run) {
        void this.connect(++this.run);
      }
    });
  }

  private play(): void {
    // Browsers refuse to start sound without a click first: then it waits for the play button.
    this.video?.play().catch(() => this.pausedSignal.set(true));
  }

  private measure(): void {
    const video = this.video;
    const playing = this.phaseSignal() === 'ready' || this.phaseSignal() === 'recovering';
    const behind = video === null || !playing ? null : secondsBehindLive(video.currentTime, this.playback?.liveSyncPosition() ?? null);
    this.behindSignal.set(behind === null ? null : Math.round(behind * 10) / 10);
  }

  private listen(video: HTMLVideoElement): void {
    const on = (name: string, handler: () => void) => {
      video.addEventListener(name, handler);
      this.cleanups.push(() => video.removeEventListener(name, handler));
    };
    const state = () => {
      this.pausedSignal.set(video.paused);
      this.mutedSignal.set(video.muted);
    };
    state();
    on('play', state);
    on('pause', state);
    on('volumechange', state);
    on('playing', () => {
      state();
      this.bufferingSignal.set(false);
    });
    on('waiting', () => this.bufferingSignal.set(true));
    on('emptied', state);
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Full or forbidden storage: the choice holds for this visit.
    }
  }
}
