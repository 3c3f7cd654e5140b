import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, InjectionToken, computed, effect, inject, signal, untracked } from '@angular/core';
import { ViewerState } from '../auth/viewer-state';
import { AudioMix } from './audio-mix';
import { defaultDuckLevel, mixGains } from './listening';
import { LocalCapture } from './local-capture';
import { mediaAvailable } from './media-availability';
import { MediaConnection, type ConnectionStatus } from './media-connection';
import type { ListenerChoice, Listening } from '@contract/media-channels';
import type { FloorView, MediaNotification } from '@contract/media-protocol';
import { MediaRequestError, mediaSocketUrl, type MediaSignalling, type SignallingSocket } from './media-signalling';
import { MediaSession } from './media-session';
import { OwnCapture } from './own-capture';
import { captureSources, type CaptureSource, type MediaWho, type OwnKey } from './own-media';
import type { OwnState } from './own-producers';
import type { RemoteMedia } from './remote-consumers';
import { ownFloorPicture, stageLayout, videoWants } from './stage-layout';

/** Opens the media WebSocket; specs hand in a stand-in. */
export const mediaSocketFactory = new InjectionToken<(url: string) => SignallingSocket>('media socket factory', {
  providedIn: 'root',
  factory: () => (url) => new WebSocket(url),
});

/** Where the chamber's media stand, as the page says it. */
export type MediaStatus = Exclude<ConnectionStatus, 'open'> | 'joining' | 'joined' | 'ended' | 'unavailable';

/** How many thumbnails the stage shows; further videos are paused at the server. */
export const thumbnailLimit = 8;

/**
 * The chamber's media for one page (provided by the chamber's media panel and the booth): the
 * connection with its reconnects, one session per join, one's own capture, the received tracks,
 * the audio mix and the stage. What the person chose (language, sign, ducking, pinned speaker,
 * self-mute, devices) lives here, so every rejoin restores it.
 */
@Injectable()
export class MediaState {
  private readonly document = inject(DOCUMENT);
  private readonly viewer = inject(ViewerState);
  private readonly createSocket = inject(mediaSocketFactory);
  private readonly available = inject(mediaAvailable);
  private readonly capture = new OwnCapture(
    new LocalCapture(this.document.defaultView?.navigator.mediaDevices),
    (source) => this.session?.trackChanged(source) ?? Promise.resolve(),
    (source, n) => this.unnamedDevice(source, n),
  );
  private readonly mix = new AudioMix(undefined, (running) => this.soundOnSignal.set(running));

  private readonly statusSignal = signal<MediaStatus>('idle');
  private readonly floorSignal = signal<FloorView | null>(null);
  private readonly planSignal = signal<readonly Listening[]>([]);
  private readonly activeSpeakerSignal = signal<string | null>(null);
  private readonly remotesSignal = signal<readonly RemoteMedia[]>([]);
  private readonly ownSignal = signal<Readonly<Partial<Record<OwnKey, OwnState>>>>({});
  private readonly choiceSignal = signal<ListenerChoice>({ language: null, sign: false });
  private readonly duckLevelSignal = signal(defaultDuckLevel);
  private readonly pinnedSignal = signal<string | null>(null);
  private readonly selfMutedSignal = signal<Readonly<Record<CaptureSource, boolean>>>({ microphone: false, camera: false });
  private readonly errorSignal = signal<unknown>(null);
  private readonly soundOnSignal = signal(false);

  private connection: MediaConnection | null = null;
  /** Only the latest start() counts (the availability check is asynchronous). */
  private startRequest = 0;
  private session: MediaSession | null = null;
  /** Labels for devices without one (before permission); set by the page in its language. */
  unnamedDevice: (source: CaptureSource, n: number) => string = (source, n) => `${source} ${n}`;

  readonly status = this.statusSignal.asReadonly();
  readonly floor = this.floorSignal.asReadonly();
  readonly plan = this.planSignal.asReadonly();
  readonly activeSpeaker = this.activeSpeakerSignal.asReadonly();
  readonly remotes = this.remotesSignal.asReadonly();
  readonly own = this.ownSignal.asReadonly();
  readonly choice = this.choiceSignal.asReadonly();
  readonly duckLevel = this.duckLevelSignal.asReadonly();
  readonly pinned = this.pinnedSignal.asReadonly();
  readonly selfMuted = this.selfMutedSignal.asReadonly();
  readonly tracks = this.capture.tracks;
  readonly devices = this.capture.devices;
  readonly chosenDevice = this.capture.chosen;
  readonly captureError = this.capture.error;
  readonly error = this.errorSignal.asReadonly();
  readonly soundOn = this.soundOnSignal.asReadonly();

  readonly who = computed<MediaWho>(() => {
    const viewer = this.viewer.viewer();
    return { roles: viewer?.roles ?? [], booth: viewer?.person?.booth ?? null };
  });
  /** The sources this person captures (none for those who only listen). */
  readonly sources = computed(() => captureSources(this.who()));
  readonly audio = computed(() => this.remotesSignal().filter((remote) => remote.kind === 'audio'));
  readonly stage = computed(() =>
    stageLayout({
      videos: this.remotesSignal().filter((remote) => remote.kind === 'video'),
      floorSpeakers: this.floorSignal()?.speakers ?? [],
      activeSpeaker: this.activeSpeakerSignal(),
      pinned: this.pinnedSignal(),
      thumbnailLimit,
    }),
  );
  /** One's own camera while one holds the floor, for the stage (rather than "Nobody is on camera"). */
  readonly ownOnFloor = computed(() =>
    ownFloorPicture(
      this.viewer.viewer()?.person?.id ?? null,
      this.floorSignal()?.speakers ?? [],
      this.capture.tracks().camera ?? null,
      this.selfMutedSignal().camera,
    ),
  );
  /** The volume each received audio track plays at. */
  readonly gains = computed(() => mixGains(this.audio(), this.planSignal(), this.duckLevelSignal()));

  constructor() {
    effect(() => {
      const gains = this.gains();
      const inputs = this.audio().map((remote) => ({ id: remote.consumerId, track: remote.track, gain: gains.get(remote.consumerId) ?? 0 }));
      untracked(() => this.mix.sync(inputs));
    });
    effect(() => {
      const wants = videoWants(this.stage());
      untracked(() => this.session?.applyVideo(wants));
    });
    // Browsers start sound only after a gesture: any click or key on the page turns it on.
    const wake = () => this.mix.wake();
    this.document.addEventListener('pointerdown', wake, true);
    this.document.addEventListener('keydown', wake, true);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('pointerdown', wake, true);
      this.document.removeEventListener('keydown', wake, true);
      this.destroy();
    });
  }

  /** Connects to the sitting's media and keeps connected until `stop()`. */
  async start(sittingId: string): Promise<void> {
    this.connection?.stop();
    this.connection = null;
    const request = ++this.startRequest;
    this.statusSignal.set('connecting');
    const available = await this.available(sittingId);
    if (request !== this.startRequest) {
      return;
    }
    if (!available) {
      this.statusSignal.set('unavailable');
      return;
    }
    const location = this.document.location;
    this.connection = new MediaConnection(mediaSocketUrl(location, sittingId), this.createSocket, {
      opened: (signalling) => void this.join(signalling),
      notified: (notification) => this.notified(notification),
      lost: () => this.endSession(),
      status: (status) => {
        if (status !== 'open') {
          this.statusSignal.set(status);
        }
      },
    });
    this.connection.start();
  }

  stop(): void {
    this.startRequest++;
    const session = this.session;
    this.session = null;
    void session?.leave();
    this.connection?.stop();
    this.connection = null;
    this.clearReceived();
  }

  setLanguage(language: string | null): void {
    this.choose({ ...this.choiceSignal(), language });
  }

  setSign(sign: boolean): void {
    this.choose({ ...this.choiceSignal(), sign });
  }

  setDuckLevel(level: number): void {
    this.duckLevelSignal.set(Math.min(1, Math.max(0, level)));
  }

  pin(peerId: string | null): void {
    this.pinnedSignal.set(peerId);
  }

  setSelfMuted(source: CaptureSource, muted: boolean): void {
    this.selfMutedSignal.update((selfMuted) => ({ ...selfMuted, [source]: muted }));
    this.session?.setSelfMuted(source, muted).catch((error: unknown) => this.errorSignal.set(error));
  }

  /** Opens another microphone or camera and swaps it in. */
  chooseDevice(source: CaptureSource, deviceId: string): Promise<void> {
    return this.capture.choose(source, deviceId);
  }

  /** Starts the sound (browsers want a click first). */
  async turnOnSound(): Promise<void> {
    await this.mix.resume().catch((error: unknown) => this.errorSignal.set(error));
  }

  /** Tries the camera and microphone again after they failed to open. */
  retryCapture(): Promise<void> {
    return this.capture.retry(this.sources());
  }

  private choose(choice: ListenerChoice): void {
    this.choiceSignal.set(choice);
    this.session?.setChoice(choice).catch((error: unknown) => this.errorSignal.set(error));
  }

  private async join(signalling: MediaSignalling): Promise<void> {
    this.endSession();
    this.statusSignal.set('joining');
    const session = new MediaSession(signalling, this.wishes(), {
      joined: (plan, floor) => {
        this.planSignal.set(plan);
        this.floorSignal.set(floor);
      },
      plan: (plan) => this.planSignal.set(plan),
      floor: (floor) => this.floorSignal.set(floor),
      activeSpeaker: (peerId) => this.activeSpeakerSignal.set(peerId),
      remotes: (remotes) => this.remotesSignal.set(remotes),
      own: (own) => this.ownSignal.set(own),
      failed: (error) => this.errorSignal.set(error),
      closed: (reason) => this.mediaClosed(signalling, reason),
    });
    this.session = session;
    try {
      await session.join();
      if (this.session !== session) {
        return;
      }
      this.connection?.healthy();
      this.statusSignal.set('joined');
      this.errorSignal.set(null);
      void this.capture.start(this.sources());
    } catch (error: unknown) {
      if (this.session === session) {
        // Try again on a fresh socket, after the backoff (the attempts keep growing until a join works).
        // A socket that closed under the join says so in the status already.
        if (!(error instanceof MediaRequestError && error.code === 'media.disconnected')) {
          this.errorSignal.set(error);
        }
        this.endSession();
        this.connection?.reconnect();
      }
    }
  }

  private wishes() {
    return {
      who: this.who(),
      choice: () => this.choiceSignal(),
      selfMuted: (source: CaptureSource) => this.selfMutedSignal()[source],
      track: (source: CaptureSource) => this.capture.track(source),
    };
  }

  private notified(notification: MediaNotification): void {
    this.session?.notify(notification);
  }

  /** The server ended the sitting's media: rejoin on the same socket when a worker died; else the sitting is over. */
  private mediaClosed(signalling: MediaSignalling, reason: 'closed' | 'worker_died' | 'excluded' | 'removed'): void {
    this.endSession();
    if (reason === 'worker_died') {
      void this.join(signalling);
      return;
    }
    this.connection?.stop();
    this.connection = null;
    // Excluded or removed by the chair: the chamber is closed to this person (no retry), not ended for all.
    this.statusSignal.set(reason === 'excluded' || reason === 'removed' ? 'refused' : 'ended');
  }

  private endSession(): void {
    this.session?.dispose();
    this.session = null;
    this.clearReceived();
  }

  private clearReceived(): void {
    this.remotesSignal.set([]);
    this.ownSignal.set({});
    this.activeSpeakerSignal.set(null);
  }

  private destroy(): void {
    this.stop();
    this.mix.close();
    this.capture.stop();
  }
}
