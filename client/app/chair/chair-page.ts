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
import { AgendaControls } from './agenda-controls';
import { AttendancePanel } from './attendance-panel';
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
import { SpeakingTimes } from './speaking-times';
import { VotePreparation } from './vote-preparation';

/** The chair console of one sitting (route `/sittings/:id/chair`), for the chair's team. */
@Component({
  selector: 'plenum-chair-page',
  imports: [
    AgendaAmendmentDialog,
    AgendaControls,
    AttendancePanel,
    ErrorNotice,
    ElectionRounds,
    EventConsole,
    FloorControls,
    LobbyPanel,
    OpenVoteControl,
    OrderMeasuresPanel,
    PointsOfOrderQueue,
    ProtocolLinks,
    RouterLink,
    SittingControls,
    SittingStatus,
    SpeakerListEditor,
    SpeakingTimes,
    VoteHistory,
    VotePreparation,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a [routerLink]="['/sittings', id()]">{{ words().backToSitting }}</a>
    </p>
    @if (!mayChair()) {
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
          <h1 data-testid="chair-title">{{ text().consoleTitle }} · {{ procedureState.frame()?.title }}</h1>
          <plenum-sitting-status [procedure]="procedure" [live]="procedureState.live()" />
          <plenum-sitting-controls />
          <p class="chamber-link">
            <a [routerLink]="['/sittings', id(), 'chamber']">{{ text().toChamber }}</a>
          </p>
          @if (procedureState.frame(); as frame) {
            <plenum-protocol-links [sitting]="frame" />
          }
        </header>
        @if (procedureState.liveError(); as liveError) {
          <plenum-error-notice [heading]="words().liveStopped" [error]="liveError" />
        }
        <div class="procedure-columns">
          <div class="main-column">
            <section class="panel points-panel" aria-labelledby="points-heading">
              <h2 id="points-heading">{{ text().pointsOfOrder }} ({{ procedure.pointsOfOrder.length }})</h2>
              <plenum-points-of-order-queue />
              @if (procedure.phase === 'OPEN') {
                <plenum-agenda-amendment [prompt]="true" />
              }
            </section>
            <section class="panel" aria-labelledby="floor-heading">
              <h2 id="floor-heading">{{ words().floor }}</h2>
              <plenum-floor-controls />
            </section>
            <plenum-order-measures-panel />
            <section class="panel" aria-labelledby="speakers-heading">
              <h2 id="speakers-heading">{{ text().speakerList }} ({{ procedure.speakerList.requests.length }})</h2>
              <plenum-speaker-list-editor />
            </section>
            <section class="panel" aria-labelledby="agenda-heading">
              <h2 id="agenda-heading">{{ text().agenda }}</h2>
              <plenum-agenda-controls />
            </section>
          </div>
          <div class="side-column">
            <section class="panel" aria-labelledby="events-heading">
              <h2 id="events-heading">{{ text().events }}</h2>
              <plenum-event-console />
            </section>
            <section class="panel" aria-labelledby="vote-heading">
              <h2 id="vote-heading">{{ text().votes }}</h2>
              <plenum-open-vote-control />
              <plenum-election-rounds />
              <plenum-vote-preparation />
            </section>
            @if (hasResults()) {
              <section class="panel" aria-labelledby="results-heading">
                <h2 id="results-heading">{{ text().results }}</h2>
                <plenum-vote-history [votes]="procedure.votes" />
              </section>
            }
            <plenum-lobby-panel />
            <section class="panel" aria-labelledby="attendance-heading">
              <h2 id="attendance-heading">{{ text().attendance }}</h2>
              <plenum-attendance-panel />
            </section>
            <section class="panel" aria-labelledby="times-heading">
              <h2 id="times-heading">{{ text().speakingTimes }}</h2>
              <plenum-speaking-times />
            </section>
          </div>
        </div>
      } @else if (procedureState.loading()) {
        <p role="status">{{ words().loading }}</p>
      }
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    h1 {
      margin: 0 0 0.5rem;
    }
    .console-header {
      display: grid;
      gap: 0.75rem;
    }
    .chamber-link {
      margin: 0;
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
  protected readonly mayChair = computed(() => chairTeam(this.viewer.viewer()?.roles ?? []));
  protected readonly hasResults = computed(() => (this.procedureState.procedure()?.votes ?? []).some((vote) => vote.status !== 'OPEN'));

  constructor() {
    showProcedure(this.id, () => this.text().consoleTitle, {
      active: this.mayChair,
      alsoLoad: (sittingId) => void this.state.loadSetup(sittingId),
    });
  }
}
