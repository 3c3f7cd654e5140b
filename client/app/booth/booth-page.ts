import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState } from '../media/arrangements-state';
import { AudioSinks } from '../media/audio-sinks';
import { ListeningControls } from '../media/listening-controls';
import { MediaStage } from '../media/media-stage';
import { MediaState } from '../media/media-state';
import { MediaStatusLine } from '../media/media-status';
import { mediaText } from '../media/media-text';
import { OwnMediaControls } from '../media/own-media-controls';
import { ProcedureState } from '../procedure/procedure-state';
import { procedureText } from '../procedure/procedure-text';
import { showProcedure } from '../procedure/show-procedure';
import { CommandProblem } from '../shared/command-problem';
import { ErrorNotice } from '../shared/error-notice';
import { BoothSource } from './booth-source';
import { handOverAction, partnersIn } from './booth-air';
import { boothText } from './booth-text';

/**
 * An interpreter's booth (route `/sittings/:id/booth`): on air or not, the one hand-over button,
 * the partner's state, what the booth interprets from (the floor or a relay), one's microphone and
 * why it is held, and the floor to interpret.
 */
@Component({
  selector: 'plenum-booth-page',
  imports: [AudioSinks, BoothSource, CommandProblem, ErrorNotice, ListeningControls, MediaStage, MediaStatusLine, OwnMediaControls, RouterLink],
  providers: [MediaState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a [routerLink]="['/sittings', id()]">{{ text().backToSitting }}</a>
    </p>
    @if (arrangements.error(); as error) {
      <plenum-error-notice [heading]="words().loadFailed" [error]="error" />
    }
    @if (booth(); as booth) {
      <header class="booth-header">
        <h1 data-testid="booth-title">{{ text().boothOf(booth.booth.name) }}</h1>
        <p class="badge" data-testid="on-air" [attr.data-on-air]="onAir()" role="status">
          {{ onAir() ? text().onAirBadge : text().offAirBadge }}
        </p>
      </header>
      @if (!active()) {
        <p class="hint">{{ text().notOpen }}</p>
      }
      <plenum-media-status />
      <div class="columns">
        <section class="panel" aria-labelledby="air-heading">
          <h2 id="air-heading">{{ airLine() }}</h2>
          <button
            type="button"
            data-testid="hand-over"
            [disabled]="!active() || action().kind === 'alone' || arrangements.pending('booth')"
            (click)="handOver()"
          >
            {{ actionLabel() }}
          </button>
          <h3>{{ text().partners }}</h3>
          <ul class="partners">
            @for (partner of partners(); track partner.id) {
              <li data-testid="partner" [attr.data-connected]="connected().has(partner.id)" [attr.data-on-air]="booth.onAir?.id === partner.id">
                {{ partner.name }} —
                {{ connected().has(partner.id) ? text().connected : text().notConnected }}
                @if (booth.onAir?.id === partner.id) {
                  · <strong>{{ text().onAir }}</strong>
                }
              </li>
            } @empty {
              <li>{{ text().noPartner }}</li>
            }
          </ul>
          <plenum-booth-source [booth]="booth" [booths]="arrangements.spokenBooths()" [disabled]="!active()" />
          <plenum-command-problem [message]="arrangements.problem('booth')" />
          <h3>{{ text().yourMicrophone }}</h3>
          <plenum-own-media-controls />
        </section>
        <section class="panel" aria-labelledby="floor-heading">
          <h2 id="floor-heading">{{ text().floor }}</h2>
          <plenum-media-stage [names]="arrangements.names()" />
          <plenum-audio-sinks />
          <plenum-listening-controls [allBooths]="[]" [pickLanguage]="false" />
        </section>
      </div>
    } @else if (arrangements.chamber() !== null) {
      <h1>{{ text().booth }}</h1>
      <p data-testid="not-interpreter">{{ text().notInterpreter }}</p>
    } @else {
      <p role="status">{{ words().loading }}</p>
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .booth-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    h1 {
      margin: 0;
    }
    .badge {
      margin: 0;
      padding: 0.25rem 0.75rem;
      border-radius: 999px;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      background: var(--border);
      color: var(--text);
    }
    .badge[data-on-air='true'] {
      background: var(--danger);
      color: #fff;
    }
    .hint {
      color: var(--muted);
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      gap: 1rem;
      margin-top: 1rem;
    }
    h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    .partners {
      margin: 0;
      padding-left: 1.25rem;
    }
  `,
})
export class BoothPage {
  protected readonly arrangements = inject(ArrangementsState);
  private readonly media = inject(MediaState);
  private readonly procedure = inject(ProcedureState);
  private readonly translation = inject(TranslationState);

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly text = this.translation.catalogue(boothText);
  protected readonly words = this.translation.catalogue(procedureText);
  private readonly mediaWords = this.translation.catalogue(mediaText);

  protected readonly booth = this.arrangements.myBooth;
  private readonly meId = computed(() => this.arrangements.me()?.id ?? '');
  /** The booth is live while the sitting is open or suspended. */
  protected readonly active = computed(() => {
    const phase = this.procedure.procedure()?.phase;
    return phase === 'OPEN' || phase === 'SUSPENDED';
  });
  protected readonly onAir = computed(() => this.booth()?.onAir?.id === this.meId() && this.meId() !== '');
  protected readonly partners = computed(() => {
    const booth = this.booth();
    return booth === null ? [] : partnersIn(booth, this.meId());
  });
  /** Partners whose media reach this booth (their producer in the booth's channel). */
  protected readonly connected = computed(() => new Set(this.media.remotes().map((remote) => remote.peerId)));
  protected readonly action = computed(() => {
    const booth = this.booth();
    return booth === null ? ({ kind: 'alone' } as const) : handOverAction(booth, this.meId());
  });
  protected readonly actionLabel = computed(() => {
    const action = this.action();
    const text = this.text();
    switch (action.kind) {
      case 'hand-over':
        return text.handOverTo(action.to.name);
      case 'take-over':
        return text.takeOverFrom(action.from.name);
      case 'go-on-air':
      case 'alone':
        return text.goOnAir;
    }
  });
  protected readonly airLine = computed(() => {
    const booth = this.booth();
    const onAir = booth?.onAir?.id ?? null;
    const text = this.text();
    if (onAir === null) {
      return text.nobodyOnAir;
    }
    if (onAir === this.meId()) {
      return text.youAreOnAir;
    }
    return text.partnerOnAir(this.partners().find((partner) => partner.id === onAir)?.name ?? onAir);
  });

  constructor() {
    showProcedure(this.id, () => this.text().booth);
    this.media.unnamedDevice = (source, n) => this.mediaWords().unnamedDevice(source, n);
    effect((onCleanup) => {
      const sittingId = this.id();
      if (this.active()) {
        untracked(() => {
          const stopFollowing = this.arrangements.follow(sittingId);
          void this.media.start(sittingId);
          onCleanup(() => {
            stopFollowing();
            this.media.stop();
          });
        });
      } else {
        untracked(() => void this.arrangements.load(sittingId));
      }
    });
  }

  protected handOver(): void {
    void this.arrangements.handOver();
  }
}
