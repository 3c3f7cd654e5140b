import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { showProcedure } from '../procedure/show-procedure';
import { SittingStatus } from '../procedure/sitting-status';
import { VoteHistory } from '../procedure/vote-history';
import { chairTeam } from '../shared/contract-roles';
import { ErrorNotice } from '../shared/error-notice';
import { ProtocolLinks } from '../sitting/protocol-links';
import { AgendaAmendmentDialog } from './agenda-amendment-dialog';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { EventConsole } from './event-console';
import { FloorControls } from './floor-controls';
import { LobbyPanel } from './lobby-panel';
import { ElectionRounds } from './election-rounds';
import { OpenVoteControl } from './open-vote-control';
import { OrderMeasuresPanel } from './order-measures-panel';
import { PointsOfOrderQueue } from './points-of-order-queue';
import { SittingControls } from './sitting-controls';
import { SpeakerListEditor } from './speaker-list-editor';
import { LockFrame } from './lock-frame';
import { PreparationTabs } from './preparation-tabs';
import { ChairSeat } from './chair-seat';
import { consoleText } from './console-text';
import { lockReason } from './console-lock';

/** The chair console of one sitting (route `/sittings/:id/chair`), for the chair's team. */
@Component({
  selector: 'plenum-chair-page',
  imports: [
    AgendaAmendmentDialog,
    ChairSeat,
    ErrorNotice,
    ElectionRounds,
    EventConsole,
    FloorControls,
    LobbyPanel,
    LockFrame,
    OpenVoteControl,
    OrderMeasuresPanel,
    PointsOfOrderQueue,
    PreparationTabs,
    ProtocolLinks,
    RouterLink,
    SittingControls,
    SittingStatus,
    SpeakerListEditor,
    VoteHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!mayChair()) {
      <p class="back">
        <a [routerLink]="['/sittings', id()]">{{ words().backToSitting }}</a>
      </p>
      <h1>{{ text().consoleTitle }}</h1>
      <p data-testid="chair-forbidden">{{ text().onlyChair }}</p>
      <p>
        <a [routerLink]="['/sittings', id(), 'chamber']">{{ text().toChamber }}</a>
      </p>
    } @else {
      @if (procedureState.error(); as error) {
        <plenum-error-notice [heading]="words().loadFailed" [error]="error" />
      }
      @if (state.setupError(); as error) {
        <plenum-error-notice [heading]="text().setupFailed" [error]="error" />
      }
      @if (procedureState.notFound()) {
        <h1>{{ words().sittingNotFound }}</h1>
        <p>{{ words().noSuchSitting(id()) }}</p>
      } @else if (procedureState.procedure(); as procedure) {
        <header class="console-header">
          <div class="title-row">
            <h1 data-testid="chair-title">{{ text().consoleTitle }} · {{ procedureState.frame()?.title }}</h1>
            <div class="links">
              <a [routerLink]="['/sittings', id()]">{{ words().backToSitting }}</a>
              <a [routerLink]="['/sittings', id(), 'chamber']">{{ text().toChamber }}</a>
              @if (procedureState.frame(); as frame) {
                <plenum-protocol-links [sitting]="frame" />
              }
            </div>
          </div>
          <div class="state-row">
            <plenum-sitting-status [procedure]="procedure" [live]="procedureState.live()" />
            <plenum-sitting-controls />
          </div>
          @if (closedReason(); as reason) {
            <p class="closed-note" role="status" data-testid="console-locked">{{ reason }}</p>
          }
        </header>
        @if (procedureState.liveError(); as liveError) {
          <plenum-error-notice [heading]="words().liveStopped" [error]="liveError" />
        }
        <!-- The essentials fit one screen of 1440×900: what the chair runs, with the own seat and the events. -->
        <div class="essentials" role="region" [attr.aria-label]="layout().essentials" data-testid="console-essentials">
          <div class="column">
            <section class="panel" aria-labelledby="floor-heading" data-testid="floor-panel">
              <h2 id="floor-heading">{{ words().floor }}</h2>
              <plenum-lock-frame [phase]="procedure.phase" needs="open"><plenum-floor-controls /></plenum-lock-frame>
            </section>
            <section class="panel" aria-labelledby="events-heading" data-testid="events-panel">
              <h2 id="events-heading">{{ text().events }}</h2>
              <plenum-event-console />
            </section>
          </div>
          <div class="column">
            <section class="panel points-panel" aria-labelledby="points-heading" data-testid="points-panel">
              <h2 id="points-heading">{{ text().pointsOfOrder }} ({{ procedure.pointsOfOrder.length }})</h2>
              <plenum-lock-frame [phase]="procedure.phase" needs="open">
                <plenum-points-of-order-queue />
                @if (procedure.phase === 'OPEN') {
                  <plenum-agenda-amendment [prompt]="true" />
                }
              </plenum-lock-frame>
            </section>
            <section class="panel" aria-labelledby="speakers-heading" data-testid="speakers-panel">
              <h2 id="speakers-heading">{{ text().speakerList }} ({{ procedure.speakerList.requests.length }})</h2>
              <plenum-lock-frame [phase]="procedure.phase" needs="notClosed"><plenum-speaker-list-editor /></plenum-lock-frame>
            </section>
          </div>
          <div class="column">
            <section class="panel vote-panel" aria-labelledby="vote-heading" data-testid="vote-essentials">
              <h2 id="vote-heading">{{ procedure.openVote || !hasResults() ? layout().openVote : layout().lastResult }}</h2>
              <plenum-lock-frame [phase]="procedure.phase" needs="notClosed">
                <plenum-open-vote-control />
                <plenum-election-rounds />
              </plenum-lock-frame>
              @if (hasResults()) {
                <!-- A named vote lists every ballot: the results scroll here, so the events below stay in sight. -->
                <div class="results" role="region" tabindex="0" [attr.aria-label]="text().results" data-testid="last-result">
                  <plenum-vote-history [votes]="procedure.votes" />
                </div>
              }
            </section>
            <plenum-lock-frame [phase]="procedure.phase" needs="notClosed"><plenum-order-measures-panel /></plenum-lock-frame>
          </div>
          <div class="column">
            <section class="panel" aria-labelledby="seat-heading" data-testid="seat-panel">
              <h2 id="seat-heading">{{ layout().ownSeat }}</h2>
              <plenum-chair-seat [sittingId]="id()" />
            </section>
            <plenum-lock-frame [phase]="procedure.phase" needs="notClosed"><plenum-lobby-panel /></plenum-lock-frame>
          </div>
        </div>
        <section class="panel preparation" aria-labelledby="preparation-heading">
          <h2 id="preparation-heading">{{ layout().preparation }}</h2>
          <plenum-preparation-tabs />
        </section>
      } @else if (procedureState.loading()) {
        <p role="status">{{ words().loading }}</p>
      }
    }
  `,
  styles: `
    /* Wider than the other pages: the console uses the screen (up to 90rem), centred on the page. */
    :host {
      display: block;
      width: min(90rem, 100vw - 3rem);
      margin-left: calc((100% - min(90rem, 100vw - 3rem)) / 2);
    }
    @media (max-width: 80rem) {
      :host {
        width: auto;
        margin-left: 0;
      }
    }
    .back {
      margin: 0 0 0.25rem;
    }
    h1 {
      margin: 0;
      font-size: 1.375rem;
    }
    .console-header {
      display: grid;
      gap: 0.375rem;
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.25rem 1.5rem;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
    }
    .links plenum-protocol-links {
      display: contents;
    }
    .state-row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: 0.5rem 1.5rem;
    }
    .closed-note {
      margin: 0;
      padding: 0.375rem 0.75rem;
      border-left: 6px solid var(--muted);
      background: var(--surface);
      font-weight: 700;
    }
    /* Four columns on a wide screen, so the essentials fit 1440×900; two, then one, on smaller ones. */
    .essentials {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 0 0.75rem;
      align-items: start;
    }
    @media (max-width: 80rem) {
      .essentials {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    @media (max-width: 50rem) {
      .essentials {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .results {
      max-height: 22rem;
      margin-top: 0.75rem;
      overflow-y: auto;
    }
    .essentials .panel {
      margin-top: 0.75rem;
      padding: 0.75rem 1rem;
    }
    .essentials h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .points-panel {
      border-color: var(--focus);
    }
  `,
})
export class ChairPage {
  private readonly viewer = inject(ViewerState);
  private readonly translation = inject(TranslationState);
  protected readonly state = inject(ChairState);
  protected readonly procedureState = this.state.procedure;

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly layout = this.translation.catalogue(consoleText);
  /** Said once at the top when the sitting is over and every control below is disabled. */
  protected readonly closedReason = computed(() => {
    const reason = lockReason(this.procedureState.procedure()?.phase, 'notClosed');
    return reason === null ? null : this.layout().lock[reason];
  });
  protected readonly mayChair = computed(() => chairTeam(this.viewer.viewer()?.roles ?? []));
  protected readonly hasResults = computed(() => (this.procedureState.procedure()?.votes ?? []).some((vote) => vote.status !== 'OPEN'));

  constructor() {
    showProcedure(this.id, () => this.text().consoleTitle, {
      active: this.mayChair,
      alsoLoad: (sittingId) => void this.state.loadSetup(sittingId),
    });
  }
}
