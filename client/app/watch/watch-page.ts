import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { LanguageSwitch } from '../i18n/language-switch';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { RouterLink } from '@angular/router';
import { PublicResults } from './public-results';
import { RecordingPlayer } from './recording-player';
import { RecordingState } from './recording-state';
import { SittingNow } from './sitting-now';
import { StreamPlayer } from './stream-player';
import { WatchState } from './watch-state';
import { watchText } from './watch-text';

/**
 * The public viewer at /watch/<sitting>, for anyone, without signing in: the broadcast, the agenda
 * item and the speaker now, and the vote results as they are published. No chamber media here
 * (mediasoup-client stays out of this page's chunk); hls.js is loaded when the player starts.
 */
@Component({
  selector: 'plenum-watch-page',
  imports: [ErrorNotice, LanguageSwitch, PublicResults, RecordingPlayer, RouterLink, SittingNow, StreamPlayer],
  providers: [WatchState, RecordingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page watch">
      <header class="watch-header">
        <div class="heading">
          <p class="kicker">
            <a class="to-front" routerLink="/">{{ text().toFront }}</a> ·
            <span [class.live-kicker]="!closed()">{{ closed() ? text().recording : text().broadcast }}</span>
          </p>
          <h1 data-testid="watch-title">{{ state.sitting()?.title ?? text().broadcast }}</h1>
          @if (state.sitting(); as sitting) {
            <p class="facts">
              {{ text().sittingNumber(sitting.number) }} ·
              <span class="state" data-testid="public-phase" [attr.data-state]="sitting.phase">{{ text().phase[sitting.phase] }}</span>
            </p>
          }
        </div>
        <plenum-language-switch />
      </header>
      @if (state.error(); as error) {
        <plenum-error-notice [heading]="text().loadFailed" [error]="error" />
      }
      @if (state.notFound()) {
        <p role="status" data-testid="watch-not-found">{{ text().notFound }}</p>
      } @else {
        <div class="watch-columns">
          <div class="main-column">
            @if (closed() && recording.recordings().length > 0) {
              <plenum-recording-player
                [files]="recording.recordings()"
                [captionsUrl]="recording.captions()?.url ?? null"
                [captionsLang]="translation.language()"
                [chapters]="recording.chapters()"
              />
            } @else {
              <plenum-stream-player [sittingId]="id()" [sittingPhase]="sittingPhase()" [broadcastLive]="broadcastLive()" [suspension]="suspension()" />
              @if (closed() && !recording.settled()) {
                <p class="live muted" role="status" data-testid="recording-pending">{{ text().recordingPending }}</p>
              } @else if (closed()) {
                <p class="live muted">{{ text().noRecording }}</p>
              }
            }
            @if (!closed()) {
              <p class="live muted" [attr.data-live]="state.live()">{{ text().live[state.live()] }}</p>
            }
            @if (recording.info()?.protocolUrl; as url) {
              <p class="protocol">
                <a data-testid="protocol-link" [href]="url">{{ text().protocol }}</a>
              </p>
            }
          </div>
          <div class="side-column">
            @if (state.sitting(); as sitting) {
              @if (!closed()) {
                <!-- After the close nothing is "now in the chamber": the recording's chapters say what happened. -->
                <plenum-sitting-now [sitting]="sitting" />
              }
              <plenum-public-results [votes]="sitting.closedVotes" [ended]="sitting.phase === 'CLOSED'" />
            } @else if (state.error() === null) {
              <p role="status">{{ text().loadingSitting }}</p>
            }
          </div>
        </div>
      }
    </main>
  `,
  styles: `
    .watch-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
    .kicker {
      margin: 0;
      color: var(--muted);
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      font-size: 0.875rem;
    }
    .live-kicker {
      color: var(--danger);
    }
    .to-front {
      text-transform: none;
      letter-spacing: normal;
    }
    .protocol {
      margin: 0.75rem 0 0;
    }
    h1 {
      margin: 0.125rem 0 0.25rem;
    }
    .facts {
      margin: 0;
      color: var(--muted);
    }
    .watch-columns {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 1.5rem;
      align-items: start;
    }
    .side-column {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .side-column > * {
      display: block;
    }
    .live {
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    .muted {
      color: var(--muted);
    }
    @media (max-width: 60rem) {
      .watch-columns {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class WatchPage {
  protected readonly state = inject(WatchState);
  protected readonly recording = inject(RecordingState);
  private readonly title = inject(Title);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(watchText);

  /** The sitting's id, from the route. */
  readonly id = input.required<string>();

  protected readonly sittingPhase = computed(() => this.state.sitting()?.phase ?? null);
  protected readonly closed = computed(() => this.sittingPhase() === 'CLOSED');
  protected readonly suspension = computed(() => this.state.sitting()?.suspension ?? null);
  protected readonly broadcastLive = computed(() => this.state.sitting()?.broadcast.live ?? false);
  private readonly pageTitle = computed(() => {
    const sitting = this.state.sitting();
    return sitting === null ? null : `${this.text().pageTitle(sitting.title)} · Plenum`;
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      untracked(() => onCleanup(this.state.follow(id)));
    });
    // A closed sitting: its recording (and protocol), looked for until it is assembled.
    effect(() => {
      const id = this.id();
      if (this.closed()) untracked(() => this.recording.follow(id));
    });
    effect(() => {
      this.translation.language();
      untracked(() => this.recording.reload());
    });
    effect(() => {
      const title = this.pageTitle();
      if (title !== null) {
        this.title.setTitle(title);
      }
    });
  }
}
