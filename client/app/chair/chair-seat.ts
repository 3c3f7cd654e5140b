import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState } from '../media/arrangements-state';
import { ChamberMedia } from '../chamber/chamber-media';
import { chamberText } from '../chamber/chamber-text';
import { ChamberState } from '../chamber/chamber-state';
import { VotePanel } from '../chamber/vote-panel';
import { CommandProblem } from '../shared/command-problem';
import { ChairState } from './chair-state';
import { consoleText } from './console-text';
import { LockFrame } from './lock-frame';

/**
 * The chair's own seat on the console: joining the sitting (counted present, entitled to vote as a
 * member), the own ballot while a vote is open, the own camera and microphone and the chamber's pictures, the same parts as the member
 * view (chamber/), so no second tab is needed. The server lets the chair's team publish on the
 * floor at any time and a member of the chair's team vote once present.
 */
@Component({
  selector: 'plenum-chair-seat',
  imports: [ChamberMedia, CommandProblem, LockFrame, VotePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <plenum-lock-frame [phase]="phase()" needs="notClosed">
      @if (seat.isMember()) {
        <p class="presence">
          @if (seat.present()) {
            <strong data-testid="chair-present">{{ text().youArePresent }}</strong>
            <button type="button" class="secondary" data-testid="chair-leave" [disabled]="seat.pending('presence')" (click)="leave()">
              {{ text().leave }}
            </button>
          } @else {
            <span>{{ text().youAreAbsent }}</span>
            <button type="button" data-testid="chair-join" [disabled]="seat.pending('presence')" (click)="join()">{{ text().join }}</button>
          }
        </p>
        <plenum-command-problem [message]="seat.problem('presence')" />
      }
      @if (openVote(); as vote) {
        @if (seat.present()) {
          <h3>{{ layout().yourBallot }}</h3>
          <plenum-vote-panel [vote]="vote" />
        }
      }
      <plenum-chamber-media [sittingId]="sittingId()" [active]="mediaActive()" [present]="seat.isMember() ? seat.present() : null" [compact]="true" />
    </plenum-lock-frame>
  `,
  styles: `
    :host {
      display: block;
    }
    plenum-chamber-media {
      margin-top: 0.5rem;
    }
    .presence {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0 0 0.5rem;
    }
    .presence strong {
      color: var(--success);
    }
    h3 {
      margin: 0.5rem 0 0;
      font-size: 1rem;
    }
  `,
})
export class ChairSeat {
  protected readonly seat = inject(ChamberState);
  private readonly chair = inject(ChairState);
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(chamberText);
  protected readonly layout = this.translation.catalogue(consoleText);

  readonly sittingId = input.required<string>();

  protected readonly phase = computed(() => this.chair.procedure.procedure()?.phase);
  protected readonly openVote = computed(() => this.chair.procedure.procedure()?.openVote ?? null);
  /** The chamber's media run while the sitting is open or suspended. */
  protected readonly mediaActive = computed(() => this.phase() === 'OPEN' || this.phase() === 'SUSPENDED');

  constructor() {
    const arrangements = inject(ArrangementsState);
    effect((onCleanup) => {
      const sittingId = this.sittingId();
      if (this.mediaActive()) {
        untracked(() => onCleanup(arrangements.follow(sittingId)));
      }
    });
  }

  protected join(): void {
    void this.seat.join();
  }

  protected leave(): void {
    void this.seat.leave();
  }
}
