import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

/** After a round of an election without result: "Open round n" with the candidates the rules allow, one action. */
@Component({
  selector: 'plenum-election-rounds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (next(); as next) {
      <div class="next-round" data-testid="next-election-round">
        <p>{{ text().nextRoundOf(next.title, next.round, names(next.candidates)) }}</p>
        <button type="button" data-testid="open-next-round" [disabled]="busy() || hasOpenVote()" (click)="open(next.fromVoteId)">
          {{ text().nextRound(next.round) }}
        </button>
      </div>
    }
  `,
  styles: `
    .next-round {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-left: 6px solid var(--accent);
    }
    p {
      margin: 0;
    }
  `,
})
export class ElectionRounds {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  /** The server says which round the rules allow next (SittingProcedure.nextElectionRound). */
  protected readonly next = computed(() => this.state.procedure.procedure()?.nextElectionRound ?? null);
  protected readonly hasOpenVote = computed(() => (this.state.procedure.procedure()?.openVote ?? null) !== null);

  protected names(candidates: readonly { readonly label: string }[]): string {
    return candidates.map((candidate) => candidate.label).join(', ');
  }

  protected busy(): boolean {
    return this.state.pending('vote');
  }

  protected open(voteId: string): void {
    void this.state.openNextElectionRound(voteId);
  }
}
