import { ChangeDetectionStrategy, Component, type ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ChapterList } from './chapter-list';
import { currentChapter, type RecordingChapter } from './chapters';
import { renditionLabel } from './audio-choice';
import { watchText } from './watch-text';

export interface RecordingFile {
  readonly language: string;
  readonly name: string;
  readonly url: string;
}

/**
 * A closed sitting's recording, played on demand in the viewer: the browser's own controls (they
 * seek, and are usable with the keyboard), the language of the sound (one file per language), the
 * captions, and the chapters to jump to.
 */
@Component({
  selector: 'plenum-recording-player',
  imports: [ChapterList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="player" data-testid="recording-player" [attr.aria-label]="text().recording">
      <div class="screen">
        <video
          #video
          data-testid="recording-video"
          controls
          preload="metadata"
          playsinline
          [attr.aria-label]="text().recordingVideo"
          [src]="file()?.url ?? ''"
          (timeupdate)="onTime()"
          (seeked)="onTime()"
        >
          @if (captionsUrl(); as captions) {
            <track kind="captions" [src]="captions" [attr.srclang]="captionsLang()" [label]="text().captions" />
          }
        </video>
      </div>
      <div class="controls">
        <span class="edge" data-testid="live-edge" data-edge="ended"
          ><span class="ended-badge">{{ text().ended }}</span></span
        >
        @if (files().length > 1) {
          <span class="field">
            <label for="recording-language">{{ text().recordingLanguage }}</label>
            <select id="recording-language" data-testid="recording-language" (change)="chooseFile($event)">
              @for (f of labelled(); track f.url) {
                <option [value]="$index" [selected]="$index === chosen()" [attr.lang]="f.language">{{ f.label }}</option>
              }
            </select>
          </span>
        }
      </div>
    </section>
    <plenum-chapter-list [chapters]="chapters()" [current]="current()" (jump)="jump($event)" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .player {
      display: flex;
      flex-direction: column;
      background: #000000;
      border-radius: 0.5rem;
      overflow: hidden;
    }
    .screen {
      aspect-ratio: 16 / 9;
      background: #000000;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      padding: 0.625rem 0.75rem;
      background: var(--header);
      color: #ffffff;
    }
    .ended-badge {
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      border: 1px solid #ffffff;
      font-weight: 700;
    }
    .field {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    select {
      padding: 0.25rem 0.5rem;
      font: inherit;
    }
  `,
})
export class RecordingPlayer {
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(watchText);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');

  readonly files = input.required<readonly RecordingFile[]>();
  readonly captionsUrl = input<string | null>(null);
  readonly captionsLang = input('de');
  readonly chapters = input.required<readonly RecordingChapter[]>();

  protected readonly chosen = signal(0);
  private readonly time = signal(0);
  protected readonly file = computed(() => this.files()[this.chosen()] ?? this.files()[0] ?? null);
  protected readonly labelled = computed(() =>
    this.files().map((f) => ({ ...f, label: renditionLabel({ lang: f.language, name: f.name }, this.translation.locale()) })),
  );
  protected readonly current = computed(() => currentChapter(this.chapters(), this.time()));

  /** Jumps to a place in the recording and plays from there. */
  jump(seconds: number): void {
    const video = this.video().nativeElement;
    video.currentTime = seconds;
    this.time.set(seconds);
    void video.play().catch(() => undefined);
  }

  protected onTime(): void {
    this.time.set(this.video().nativeElement.currentTime);
  }

  protected chooseFile(event: Event): void {
    // Another language: the same place in the other file.
    const video = this.video().nativeElement;
    const at = video.currentTime;
    const playing = !video.paused;
    this.chosen.set(Number((event.target as HTMLSelectElement).value));
    video.addEventListener(
      'loadedmetadata',
      () => {
        video.currentTime = at;
        if (playing) void video.play().catch(() => undefined);
      },
      { once: true },
    );
  }
}
