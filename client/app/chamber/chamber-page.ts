import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState } from '../media/arrangements-state';
import { FloorView } from '../procedure/floor-view';
import { procedureText } from '../procedure/procedure-text';
import { showProcedure } from '../procedure/show-procedure';
import { SittingStatus } from '../procedure/sitting-status';
import { VoteResults } from '../procedure/vote-results';
import { CommandProblem } from '../shared/command-problem';
import { ErrorNotice } from '../shared/error-notice';
import { ChamberMedia } from './chamber-media';
import { chamberText } from './chamber-text';
import { ChamberState } from './chamber-state';
import { LobbyWait } from './lobby-wait';
import { TalkingStick } from './talking-stick';
import { LobbyDoor } from './lobby-door';
import { NamedVoteDemands } from './named-vote-demands';
import { OrderMeasureNotice } from './order-measure-notice';
import { PointDecisionNotice } from './point-decision-notice';
import { PointOfOrderForm } from './point-of-order-form';
import { SpeakingRequests } from './speaking-requests';
import { SubroomPanel } from './subroom-panel';
import { VotePanel } from './vote-panel';

/**
 * The chamber as a member sees it (route `/sittings/:id/chamber`), what a member does first: join
 * and leave, the floor with its clock, an open vote, asking to speak and points of order (and the
 * decision on one's own), the last result; then the media and subrooms; beside them the speaker
 * list. Anyone signed in may watch; only members act.
 */
@Component({
  selector: 'plenum-chamber-page',
  imports: [
    ChamberMedia,
    CommandProblem,
    ErrorNotice,
    FloorView,
    LobbyWait,
    NamedVoteDemands,
    OrderMeasureNotice,
    PointDecisionNotice,
    PointOfOrderForm,
    RouterLink,
    SittingStatus,
    SpeakingRequests,
    SubroomPanel,
    TalkingStick,
    VotePanel,
    VoteResults,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a [routerLink]="['/sittings', id()]">{{ words().backToSitting }}</a>
    </p>
    @if (procedureState.error(); as error) {
      <plenum-error-notice [heading]="words().loadFailed" [error]="error" />
    }
    @if (procedureState.notFound()) {
      <h1>{{ words().sittingNotFound }}</h1>
      <p>{{ words().noSuchSitting(id()) }}</p>
    } @else if (procedureState.procedure(); as procedure) {
      <header class="chamber-header">
        <h1 data-testid="chamber-title">{{ procedureState.frame()?.title }}</h1>
        <plenum-sitting-status [procedure]="procedure" [live]="procedureState.live()" />
        <plenum-order-measure-notice />
        @if (state.isMember()) {
          <p class="presence">
            @if (state.present()) {
              <strong data-testid="present">{{ text().youArePresent }}</strong>
              <button type="button" class="secondary" data-testid="leave-sitting" [disabled]="state.pending('presence')" (click)="leave()">
                {{ text().leave }}
              </button>
            } @else {
              <span>{{ text().youAreAbsent }}</span>
              <button type="button" data-testid="join-sitting" [disabled]="state.pending('presence')" (click)="join()">
                {{ text().join }}
              </button>
            }
          </p>
          <plenum-command-problem [message]="state.problem('presence')" />
        } @else {
          <p class="watching" data-testid="watching">{{ text().watching }}</p>
        }
        <plenum-lobby-wait />
      </header>
      @if (procedureState.liveError(); as liveError) {
        <plenum-error-notice [heading]="words().liveStopped" [error]="liveError" />
      }
      <div class="procedure-columns">
        <div class="main-column">
          <!-- What a member does comes first: the floor, an open vote, asking to speak, a point of order; then the media. -->
          @if (state.isMember()) {
            <plenum-point-decision-notice />
          }
          <section class="panel" aria-labelledby="floor-heading">
            <h2 id="floor-heading">{{ words().floor }}</h2>
            <plenum-floor-view [floor]="procedure.floor" [serverTime]="procedure.serverTime" />
            <plenum-talking-stick />
          </section>
          @if (procedure.openVote; as vote) {
            <section class="panel vote-section" aria-labelledby="vote-heading">
              <h2 id="vote-heading">{{ text().voteNow }}</h2>
              <plenum-vote-panel [vote]="vote" />
            </section>
          }
          @if (state.isMember() && state.present()) {
            <section class="panel" aria-labelledby="request-heading">
              <h2 id="request-heading">{{ text().toSpeak }}</h2>
              <plenum-speaking-requests />
            </section>
            <section class="panel" aria-labelledby="point-heading">
              <h2 id="point-heading">{{ text().pointOfOrder }}</h2>
              <plenum-point-of-order-form />
            </section>
          } @else if (state.isMember()) {
            <p class="panel hint">{{ text().joinFirst }}</p>
          }
          @if (!procedure.openVote && lastResult(); as vote) {
            <section class="panel vote-section" aria-labelledby="vote-heading">
              <h2 id="vote-heading">{{ text().lastResult }}</h2>
              <plenum-vote-panel [vote]="vote" />
            </section>
          }
          <section class="panel" aria-labelledby="media-heading">
            <h2 id="media-heading">{{ text().media }}</h2>
            <plenum-chamber-media [sittingId]="id()" [active]="mediaActive()" [present]="state.isMember() ? state.present() : null" />
          </section>
          @if (state.isMember() && mediaActive()) {
            <section class="panel" aria-labelledby="subroom-heading">
              <h2 id="subroom-heading">{{ text().subroom }}</h2>
              <plenum-subroom-panel />
            </section>
          }
        </div>
        <div class="side-column">
          <section class="panel" aria-labelledby="list-heading">
            <h2 id="list-heading">{{ text().speakerList }}</h2>
            @if (procedure.pointsOfOrder.length > 0) {
              <p class="points-waiting">{{ text().pointsWaiting(procedure.pointsOfOrder.length) }}</p>
            }
            <ol class="speakers" data-testid="speaker-list">
              @for (request of procedure.speakerList.requests; track request.id) {
                <li
                  data-testid="speaker"
                  [class.me]="request.person.id === state.me()?.id"
                  [attr.aria-current]="request.person.id === state.me()?.id ? 'true' : null"
                >
                  <span class="name">{{ request.person.name }}</span>
                  @if (request.person.faction; as faction) {
                    <span class="faction" [style.border-color]="faction.colour">{{ faction.shortName }}</span>
                  }
                  <span class="kind">
                    {{ words().requestKind[request.kind] }}
                    @if (request.stance) {
                      · {{ words().stance[request.stance] }}
                    }
                  </span>
                  @if (request.person.id === state.me()?.id) {
                    <strong>{{ text().you }}</strong>
                  }
                </li>
              } @empty {
                <li class="empty">{{ text().noSpeakers }}</li>
              }
            </ol>
            @if (procedure.speakerList.closed) {
              <p class="closed">{{ text().listClosed }}</p>
            }
          </section>
          @if (state.isMember()) {
            <section class="panel" aria-labelledby="demand-heading">
              <h2 id="demand-heading">{{ text().demandNamed }}</h2>
              <plenum-named-vote-demands />
            </section>
          }
          @if (earlierResults().length > 0) {
            <section class="panel" aria-labelledby="earlier-heading">
              <h2 id="earlier-heading">{{ text().earlierResults }}</h2>
              @for (vote of earlierResults(); track vote.id) {
                <details>
                  <summary>{{ vote.title }}</summary>
                  <plenum-vote-results [vote]="vote" />
                </details>
              }
            </section>
          }
        </div>
      </div>
    } @else if (procedureState.loading()) {
      <p role="status">{{ words().loading }}</p>
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    h1 {
      margin: 0 0 0.5rem;
    }
    .presence {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0.75rem 0 0;
    }
    .presence strong {
      color: var(--success);
    }
    .watching,
    .hint,
    .closed {
      color: var(--muted);
    }
    .vote-section {
      border-color: var(--accent);
      border-width: 2px;
    }
    .speakers {
      margin: 0;
      padding-left: 1.5rem;
    }
    .speakers li {
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--border);
    }
    .speakers li.me {
      background: var(--accent-soft);
    }
    .speakers li.empty {
      list-style: none;
      color: var(--muted);
    }
    .name {
      font-weight: 600;
      margin-right: 0.5rem;
    }
    .faction {
      padding: 0 0.375rem;
      margin-right: 0.5rem;
      border-left: 4px solid;
    }
    .kind {
      color: var(--muted);
      font-size: 0.875rem;
      margin-right: 0.5rem;
    }
    .points-waiting {
      margin: 0 0 0.5rem;
      font-weight: 600;
      color: #7a3a00;
    }
    details {
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--border);
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
})
export class ChamberPage {
  private readonly translation = inject(TranslationState);
  protected readonly state = inject(ChamberState);
  protected readonly procedureState = this.state.procedure;
  private readonly door = inject(LobbyDoor);

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly text = this.translation.catalogue(chamberText);
  protected readonly words = this.translation.catalogue(procedureText);
  /** The latest published vote. */
  protected readonly lastResult = computed(() => this.procedureState.procedure()?.votes.find((vote) => vote.status !== 'OPEN') ?? null);
  /** The open vote, or else the latest published one. */
  protected readonly voteShown = computed(() => this.procedureState.procedure()?.openVote ?? this.lastResult());
  protected readonly earlierResults = computed(() => {
    const shown = this.voteShown();
    return (this.procedureState.procedure()?.votes ?? []).filter((vote) => vote.status !== 'OPEN' && vote.id !== shown?.id);
  });

  /** The chamber's media run while the sitting is open or suspended, for whoever may be inside (the lobby's door). */
  protected readonly mediaActive = computed(() => {
    const phase = this.procedureState.procedure()?.phase;
    return (phase === 'OPEN' || phase === 'SUSPENDED') && this.door.mayEnter(this.id());
  });

  constructor() {
    showProcedure(this.id, () => this.text().chamber);
    const arrangements = inject(ArrangementsState);
    effect((onCleanup) => {
      const sittingId = this.id();
      if (this.mediaActive()) {
        untracked(() => onCleanup(arrangements.follow(sittingId)));
      }
    });
  }

  protected join(): void {
    void this.state.join();
  }

  protected leave(): void {
    void this.state.leave();
  }
}
