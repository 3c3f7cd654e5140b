import { ChangeDetectionStrategy, Component, type ElementRef, computed, effect, inject, input, untracked, viewChild } from '@angular/core';
import { suspensionReasonText } from '@contract/vote-outcomes';
import { TranslationState } from '../i18n/translation-state';
import type { SittingState } from '../shared/graphql-schema.generated';
import { renditionLabel } from './audio-choice';
import { streamNotice } from './stream-notice';
import { StreamState } from './stream-state';
import { watchText } from './watch-text';

/**
 * The broadcast: the picture with the captions drawn over it, and the controls (play, sound, the
 * language, captions, live or behind, full screen). Everything is a native control, reachable
 * and usable with the keyboard.
 */
@Component({
  selector: 'plenum-stream-player',
  providers: [StreamState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="player" #frame data-testid="stream-player" [attr.data-phase]="stream.phase()" [attr.aria-label]="text().player">
      <div class="screen">
        <video #video data-testid="broadcast-video" playsinline [attr.aria-label]="text().video" (dblclick)="toggleFullscreen()"></video>
        @if (suspension(); as suspension) {
          <div class="notice slate" role="status" data-testid="suspension-slate">
            <p class="slate-title">
              {{ suspension.resumesAt ? text().suspendedUntil(translation.formatTime(suspension.resumesAt, false)) : text().suspended }}
            </p>
            @if (suspension.reason) {
              <p class="slate-reason">{{ text().suspensionReason(reasonText(suspension.reason)) }}</p>
            }
          </div>
        } @else if (notice(); as notice) {
          <p class="notice" role="status" data-testid="stream-notice" [attr.data-notice]="notice">{{ text().notice[notice] }}</p>
        } @else if (stream.buffering() && !stream.paused()) {
          <p class="notice buffering" role="status">{{ text().buffering }}</p>
        }
        @if (stream.caption(); as caption) {
          <p class="caption" data-testid="caption-text">{{ caption }}</p>
        }
      </div>
      <div class="controls">
        <button type="button" data-testid="play-pause" [attr.data-playing]="!stream.paused()" [disabled]="!ready()" (click)="togglePlay()">
          {{ stream.paused() ? text().play : text().pause }}
        </button>
        <button type="button" class="secondary" data-testid="mute" [attr.aria-pressed]="stream.muted()" [disabled]="!ready()" (click)="toggleMuted()">
          {{ text().mute }}
        </button>
        <span class="edge" data-testid="live-edge" [attr.data-edge]="edge()">
          @switch (edge()) {
            @case ('ended') {
              <span class="ended-badge">{{ text().ended }}</span>
            }
            @case ('live') {
              <span class="live-badge">{{ text().liveEdge }}</span>
            }
            @case ('behind') {
              <span class="behind">{{ text().behindLive(stream.behind() ?? 0) }}</span>
              <button type="button" class="secondary" data-testid="go-live" (click)="goLive()">{{ text().goLive }}</button>
            }
          }
        </span>
        @if (stream.renditions().length > 1) {
          <span class="field">
            <label for="audio-language">{{ text().audioLanguage }}</label>
            <select id="audio-language" data-testid="audio-language" [attr.data-heard]="heardLanguage()" (change)="chooseAudio($event)">
              @for (rendition of renditions(); track $index) {
                <option [value]="$index" [selected]="$index === stream.chosen()" [attr.lang]="rendition.lang || null">{{ rendition.label }}</option>
              }
            </select>
          </span>
        }
        @if (stream.captionsAvailable()) {
          <button type="button" class="secondary" data-testid="captions-toggle" [attr.aria-pressed]="stream.captionsOn()" (click)="toggleCaptions()">
            {{ text().captions }}
          </button>
        }
        <button type="button" class="secondary fullscreen" data-testid="fullscreen" (click)="toggleFullscreen()">{{ text().fullscreen }}</button>
      </div>
    </section>
  `,
  styles: `
    .player {
      display: flex;
      flex-direction: column;
      background: #000000;
      border-radius: 0.5rem;
      overflow: hidden;
    }
    .screen {
      position: relative;
      aspect-ratio: 16 / 9;
      background: #000000;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
    }
    .notice {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      margin: 0;
      padding: 1rem 2rem;
      color: #ffffff;
      background: #1b1f24;
      text-align: center;
      font-size: 1.1rem;
    }
    .notice.buffering {
      inset: auto 0 0 auto;
      padding: 0.25rem 0.75rem;
      font-size: 0.875rem;
    }
    .caption {
      position: absolute;
      left: 50%;
      bottom: 1rem;
      transform: translateX(-50%);
      max-width: 90%;
      margin: 0;
      padding: 0.25rem 0.75rem;
      background: #000000;
      color: #ffffff;
      font-size: clamp(1rem, 2.6vw, 1.5rem);
      line-height: 1.35;
      text-align: center;
      white-space: pre-line;
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
    .controls button {
      padding: 0.375rem 0.875rem;
      border: 1px solid #ffffff;
      background: #ffffff;
      color: var(--header);
    }
    .controls button.secondary {
      background: transparent;
      color: #ffffff;
    }
    .controls button[aria-pressed='true'] {
      background: #ffffff;
      color: var(--header);
    }
    .controls .fullscreen {
      margin-left: auto;
    }
    .controls button:disabled {
      opacity: 0.7;
      cursor: default;
    }
    .edge {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
    }
    .live-badge {
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      background: var(--danger);
      color: #ffffff;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .ended-badge {
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      border: 1px solid #ffffff;
      font-weight: 700;
    }
    .slate {
      flex-direction: column;
      gap: 0.5rem;
      background: #1b1f24;
    }
    .slate p {
      margin: 0;
    }
    .slate-title {
      font-size: clamp(1.1rem, 3vw, 1.75rem);
      font-weight: 700;
    }
    .behind {
      color: #ffe6a8;
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
    :host-context(:fullscreen) .player,
    .player:fullscreen {
      justify-content: center;
      border-radius: 0;
    }
  `,
})
export class StreamPlayer {
  protected readonly stream = inject(StreamState);
  protected readonly translation = inject(TranslationState);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly frame = viewChild.required<ElementRef<HTMLElement>>('frame');

  readonly sittingId = input.required<string>();
  /** The sitting's phase, to tell a broadcast still to come from one that will not. */
  readonly sittingPhase = input<SittingState | null>(null);
  /** Whether the API says the broadcast is on air (a hint to look for it at once). */
  readonly broadcastLive = input(false);
  /** While the sitting is suspended: why, and until when (shown over the picture). */
  readonly suspension = input<{ readonly reason: string | null; readonly resumesAt: string | null } | null>(null);

  protected readonly text = this.translation.catalogue(watchText);

  protected reasonText(reason: string): string {
    return suspensionReasonText(reason, this.translation.language());
  }
  protected readonly notice = computed(() => streamNotice(this.stream.phase(), this.sittingPhase()));
  /** After the close the broadcast has ended: no live edge to be at or behind. */
  protected readonly edge = computed(() => (this.sittingPhase() === 'CLOSED' ? 'ended' : this.stream.edge()));
  protected readonly ready = computed(() => this.stream.phase() === 'ready' || this.stream.phase() === 'recovering');
  protected readonly renditions = computed(() =>
    this.stream.renditions().map((rendition) => ({ lang: rendition.lang, label: renditionLabel(rendition, this.translation.locale()) })),
  );
  protected readonly heardLanguage = computed(() => this.stream.renditions()[this.stream.heard()]?.lang ?? null);

  constructor() {
    effect(() => {
      const sittingId = this.sittingId();
      const video = this.video().nativeElement;
      untracked(() => this.stream.start(video, sittingId));
    });
    effect(() => {
      if (this.broadcastLive()) {
        untracked(() => this.stream.nudge());
      }
    });
  }

  protected togglePlay(): void {
    this.stream.togglePlay();
  }

  protected toggleMuted(): void {
    this.stream.toggleMuted();
  }

  protected goLive(): void {
    this.stream.goLive();
  }

  protected chooseAudio(event: Event): void {
    this.stream.chooseAudio(Number((event.target as HTMLSelectElement).value));
  }

  protected toggleCaptions(): void {
    this.stream.setCaptions(!this.stream.captionsOn());
  }

  protected toggleFullscreen(): void {
    const document = this.frame().nativeElement.ownerDocument;
    if (document.fullscreenElement) {
      void document.exitFullscreen();
    } else {
      void this.frame()
        .nativeElement.requestFullscreen?.()
        .catch(() => undefined);
    }
  }
}
