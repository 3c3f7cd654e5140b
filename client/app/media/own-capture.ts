import { signal } from '@angular/core';
import { LocalCapture, type DeviceLists } from './local-capture';
import type { CaptureSource } from './own-media';

/**
 * One's microphone and camera for a page: opened once (later joins reuse the tracks), swapped when
 * another device is chosen, listed with the devices there are, and stopped when the page goes.
 * `changed(source)` tells the session to produce or swap the new track.
 */
export class OwnCapture {
  private readonly tracksSignal = signal<Readonly<Partial<Record<CaptureSource, MediaStreamTrack>>>>({});
  private readonly devicesSignal = signal<DeviceLists>({ microphone: [], camera: [] });
  private readonly chosenSignal = signal<Readonly<Record<CaptureSource, string | null>>>({ microphone: null, camera: null });
  private readonly errorSignal = signal<unknown>(null);
  private unwatch: (() => void) | null = null;

  readonly tracks = this.tracksSignal.asReadonly();
  readonly devices = this.devicesSignal.asReadonly();
  readonly chosen = this.chosenSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();

  constructor(
    private readonly capture: LocalCapture,
    private readonly changed: (source: CaptureSource) => Promise<void>,
    private readonly unnamed: (source: CaptureSource, n: number) => string,
  ) {}

  track(source: CaptureSource): MediaStreamTrack | null {
    return this.tracksSignal()[source] ?? null;
  }

  /** Opens the sources not open yet, then lists the devices (their labels need the permission). */
  async start(sources: readonly CaptureSource[]): Promise<void> {
    const missing = sources.filter((source) => this.tracksSignal()[source] === undefined);
    if (missing.length === 0) {
      return;
    }
    await Promise.all(missing.map((source) => this.open(source)));
    await this.list();
    this.unwatch ??= this.capture.watch(() => void this.list());
  }

  async choose(source: CaptureSource, deviceId: string): Promise<void> {
    this.chosenSignal.update((chosen) => ({ ...chosen, [source]: deviceId }));
    await this.open(source);
  }

  async retry(sources: readonly CaptureSource[]): Promise<void> {
    this.errorSignal.set(null);
    await Promise.all(sources.map((source) => this.open(source)));
    await this.list();
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    for (const track of Object.values(this.tracksSignal())) {
      track?.stop();
    }
    this.tracksSignal.set({});
  }

  private async open(source: CaptureSource): Promise<void> {
    try {
      const track = await this.capture.open(source, this.chosenSignal()[source]);
      const old = this.tracksSignal()[source];
      this.tracksSignal.update((tracks) => ({ ...tracks, [source]: track }));
      await this.changed(source);
      old?.stop();
    } catch (error: unknown) {
      this.errorSignal.set(error);
    }
  }

  private async list(): Promise<void> {
    try {
      this.devicesSignal.set(await this.capture.list(this.unnamed));
    } catch (error: unknown) {
      this.errorSignal.set(error);
    }
  }
}
