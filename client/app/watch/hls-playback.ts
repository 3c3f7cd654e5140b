// The only module that imports hls.js: loaded on demand by the public viewer, so that its page
// shows at once and hls.js arrives in a chunk of its own.
import Hls, { type ErrorData, type MediaPlaylist } from 'hls.js';
import type { AudioRendition } from './audio-choice';
import { CaptionBook, type CaptionCue } from './caption-cues';
import type { Playback, PlaybackEngine, PlaybackEvents } from './playback';
import { recoveryStep, type RecoveryMemory } from './playback-recovery';

/** Wait before loading again after a network error. */
const reloadDelayMs = 1_000;

function renditions(tracks: readonly MediaPlaylist[]): AudioRendition[] {
  return tracks.map((track) => ({ name: track.name, lang: track.lang ?? '', default: track.default }));
}

/** hls.js on Media Source Extensions: renditions, captions, and recovery from errors. */
class HlsPlayback implements Playback {
  private readonly hls: Hls;
  private memory: RecoveryMemory = { started: false, networkRetries: 0, lastMediaRecovery: null };
  private captionsOn = false;
  private recovering = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly captions = new CaptionBook();
  private caption = '';

  constructor(
    private readonly video: HTMLVideoElement,
    url: string,
    private readonly events: PlaybackEvents,
  ) {
    this.hls = new Hls({
      // Three one-second segments behind the edge: the usual live distance.
      liveSyncDurationCount: 3,
      // hls.js hands over the cues and the page draws them (see CaptionBook).
      renderTextTracksNatively: false,
      enableCEA708Captions: false,
      capLevelToPlayerSize: true,
      backBufferLength: 30,
    });
    this.hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
      events.ready(renditions(data.audioTracks), data.subtitleTracks.length > 0);
    });
    this.hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, (_event, data) => events.audioSwitched(data.id));
    this.hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, () => this.applyCaptions());
    this.hls.on(Hls.Events.SUBTITLE_TRACK_SWITCH, () => this.captions.clear());
    this.hls.on(Hls.Events.CUES_PARSED, (_event, data) => {
      if (data.type === 'subtitles') {
        // hls.js types the parsed cues as `any`; they are VTTCues (CaptionCue is the part we read).
        this.captions.add(data.cues as Iterable<CaptionCue>);
        this.showCaption();
      }
    });
    this.hls.on(Hls.Events.FRAG_BUFFERED, () => this.fragmentArrived());
    this.hls.on(Hls.Events.ERROR, (_event, data) => this.failed(data));
    video.addEventListener('timeupdate', this.showCaption);
    video.addEventListener('seeked', this.showCaption);
    this.hls.attachMedia(video);
    this.hls.loadSource(url);
  }

  chooseAudio(index: number): void {
    if (index >= 0 && index < this.hls.audioTracks.length && this.hls.audioTrack !== index) {
      this.hls.audioTrack = index;
    }
  }

  setCaptions(on: boolean): void {
    this.captionsOn = on;
    this.applyCaptions();
  }

  liveSyncPosition(): number | null {
    return this.hls.liveSyncPosition;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.reloadTimer);
    this.video.removeEventListener('timeupdate', this.showCaption);
    this.video.removeEventListener('seeked', this.showCaption);
    this.hls.destroy();
  }

  private applyCaptions(): void {
    const tracks = this.hls.subtitleTracks;
    const wanted =
      this.captionsOn && tracks.length > 0
        ? Math.max(
            0,
            tracks.findIndex((track) => track.default),
          )
        : -1;
    if (this.hls.subtitleTrack !== wanted) {
      this.hls.subtitleTrack = wanted;
    }
    if (wanted < 0) {
      this.captions.clear();
    }
    this.showCaption();
  }

  private readonly showCaption = (): void => {
    const text = this.captionsOn ? this.captions.textAt(this.video.currentTime) : '';
    if (text !== this.caption) {
      this.caption = text;
      this.events.caption(text);
    }
  };

  private fragmentArrived(): void {
    this.memory = { ...this.memory, started: true, networkRetries: 0 };
    if (this.recovering) {
      this.recovering = false;
      this.events.trouble(false);
    }
  }

  private failed(error: ErrorData): void {
    if (this.destroyed) {
      return;
    }
    const now = Date.now();
    const step = recoveryStep(error, this.memory, now);
    switch (step) {
      case 'ignore':
        return;
      case 'reload':
        this.memory = { ...this.memory, networkRetries: this.memory.networkRetries + 1 };
        this.troubled();
        this.reloadTimer = setTimeout(() => this.hls.startLoad(), reloadDelayMs);
        return;
      case 'recover-media':
      case 'swap-and-recover':
        this.memory = { ...this.memory, lastMediaRecovery: now };
        this.troubled();
        if (step === 'swap-and-recover') {
          this.hls.swapAudioCodec();
        }
        this.hls.recoverMediaError();
        return;
      case 'not-started':
      case 'restart':
        this.destroy();
        this.events.ended(step === 'not-started' ? 'not-started' : 'failed');
        return;
      default: {
        const never: never = step;
        return never;
      }
    }
  }

  private troubled(): void {
    if (!this.recovering) {
      this.recovering = true;
      this.events.trouble(true);
    }
  }
}

/** The browser plays HLS itself (Safari): one rendition, the browser's own controls for the rest. */
class NativePlayback implements Playback {
  private destroyed = false;

  constructor(
    private readonly video: HTMLVideoElement,
    url: string,
    events: PlaybackEvents,
  ) {
    video.src = url;
    video.addEventListener('loadedmetadata', () => this.destroyed || events.ready([], false), { once: true });
    video.addEventListener('error', () => this.destroyed || events.ended('failed'), { once: true });
  }

  chooseAudio(): void {
    // Not offered: the browser has its own menu.
  }

  setCaptions(): void {
    // Not offered: the browser has its own menu.
  }

  liveSyncPosition(): number | null {
    const seekable = this.video.seekable;
    return seekable.length > 0 ? Math.max(seekable.start(0), seekable.end(seekable.length - 1) - 3) : null;
  }

  destroy(): void {
    this.destroyed = true;
    this.video.removeAttribute('src');
    this.video.load();
  }
}

export const hlsPlayback: PlaybackEngine = {
  start(video, url, events) {
    if (Hls.isSupported()) {
      return new HlsPlayback(video, url, events);
    }
    if (video.canPlayType('application/vnd.apple.mpegurl') !== '') {
      return new NativePlayback(video, url, events);
    }
    return null;
  },
};
