import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { Vote } from '../procedure/procedure-state';
import { CommandProblem } from '../shared/command-problem';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

/** A round of an election that the chair may follow with the next: its vote, the round's number and candidates' names. */
export interface NextRound {
  readonly voteId: string;
  readonly title: string;
  readonly round: number;
  readonly candidates: readonly string[];
}

/**
 * The newest election round that elected no one and that the rules let follow (or that was cancelled,
 * and is held again), unless its next round is open already; null when there is none.
 */
export function nextElectionRound(votes: readonly Vote[]): NextRound | null {
  const followed = new Set(votes.flatMap((vote) => (vote.election?.previousVoteId ? [vote.election.previousVoteId] : [])));
  const rounds = votes.filter((vote) => vote.election && !followed.has(vote.id) && vote.status !== 'OPEN');
  const newest = [...rounds].sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  for (const vote of newest) {
    const label = (id: string) => vote.options.find((option) => option.id === id)?.label ?? id;
    const next = vote.result?.election?.next;
    if (vote.status === 'CANCELLED' && vote.election) {
      const candidates = vote.options.filter((option) => option.meaning === 'YES').map((option) => option.label);
      return { voteId: vote.id, title: vote.title, round: vote.election.round, candidates };
    }
    if (next && (vote.result?.elected ?? []).length === 0) {
      return { voteId: vote.id, title: vote.title, round: next.round, candidates: next.candidates.map(label) };
    }
  }
  return null;
}

/** After a round of an election without result: "Open round n" with the candidates the rules allow, one action. */
@Component({
  selector: 'plenum-election-rounds',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (next(); as next) {
      <div class="next-round" data-testid="next-election-round">
        <p>{{ text().nextRoundOf(next.title, next.round, next.candidates.join(', ')) }}</p>
        <button type="button" data-testid="open-next-round" [disabled]="busy() || hasOpenVote()" (click)="open(next.voteId)">
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
  protected readonly next = computed(() => nextElectionRound(this.state.procedure.procedure()?.votes ?? []));
  protected readonly hasOpenVote = computed(() => (this.state.procedure.procedure()?.openVote ?? null) !== null);

  protected busy(): boolean {
    return this.state.pending('vote');
  }

  protected open(voteId: string): void {
    void this.state.openNextElectionRound(voteId);
  }
}
