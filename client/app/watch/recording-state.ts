import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import { watchClock } from './playback';
import { watchRecordingQuery, type WatchRecordingResult } from './watch.generated';

export type RecordingInfo = NonNullable<WatchRecordingResult['publicSitting']>;

/** How often a closed sitting's recording is looked for while it is being assembled, and for how long. */
export const recordingRetryMs = 4_000;
export const recordingTries = 45;

/**
 * A closed sitting's recording (one file per audio language), its chapters and its public
 * protocol, for the viewer. The recording is assembled when the sitting closes: until it is
 * listed the viewer asks again every few seconds (a sitting closed while watched).
 */
@Injectable()
export class RecordingState {
  private readonly graphql = inject(GraphqlClient);
  private readonly translation = inject(TranslationState);
  private readonly clock = inject(watchClock);

  private readonly infoSignal = signal<RecordingInfo | null>(null);
  private readonly settledSignal = signal(false);
  private sittingId: string | null = null;
  private cancel: (() => void) | null = null;
  private run = 0;

  readonly info = this.infoSignal.asReadonly();
  /** Audio files only (the captions file is a track of them). */
  readonly recordings = computed(() => (this.infoSignal()?.broadcast.recordings ?? []).filter((r) => r.language !== 'captions'));
  readonly captions = computed(() => this.infoSignal()?.broadcast.recordings.find((r) => r.language === 'captions') ?? null);
  readonly chapters = computed(() => this.infoSignal()?.recordingChapters ?? []);
  /** Asked long enough: there is no recording (the sitting was not broadcast). */
  readonly settled = this.settledSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Looks for the sitting's recording until it is listed (or the tries are used up). */
  follow(sittingId: string): void {
    if (this.sittingId === sittingId) return;
    this.stop();
    this.sittingId = sittingId;
    void this.load(++this.run, 1);
  }

  /** The protocol link follows the page's language. */
  reload(): void {
    if (this.sittingId !== null && this.cancel === null) void this.load(++this.run, recordingTries);
  }

  stop(): void {
    this.run++;
    this.cancel?.();
    this.cancel = null;
    this.sittingId = null;
    this.infoSignal.set(null);
    this.settledSignal.set(false);
  }

  private async load(run: number, attempt: number): Promise<void> {
    const id = this.sittingId;
    if (id === null) return;
    this.cancel = null;
    let info: RecordingInfo | null = null;
    try {
      const { publicSitting } = await this.graphql.request(watchRecordingQuery, { id, lang: this.translation.language() === 'en' ? 'EN' : 'DE' });
      info = publicSitting;
    } catch {
      // Asked again below, as when the recording is not listed yet.
    }
    if (run !== this.run) return;
    if (info !== null) this.infoSignal.set(info);
    const listed = (info?.broadcast.recordings ?? []).some((r) => r.language !== 'captions');
    if (listed) return;
    if (attempt >= recordingTries) {
      this.settledSignal.set(true);
      return;
    }
    this.cancel = this.clock.after(recordingRetryMs, () => void this.load(run, attempt + 1));
  }
}
