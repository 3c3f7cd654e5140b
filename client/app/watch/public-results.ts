import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { publishedOptionLabel } from '../procedure/option-label';
import type { PublicVoteResult } from './watch-state';
import { watchText } from './watch-text';
import { outcomeTone } from '../procedure/outcome-words';

/** The results published so far, newest first: the outcome as the law states it and why, who was elected, and the count per option. */
@Component({
  selector: 'plenum-public-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="results-heading">
      <h2 id="results-heading">{{ text().results }}</h2>
      <div aria-live="polite">
        @for (vote of results(); track vote.id) {
          <article class="result" data-testid="public-result" [attr.data-vote-id]="vote.id" [attr.aria-labelledby]="'result-' + vote.id">
            <h3 [id]="'result-' + vote.id">{{ vote.title }}</h3>
            @if (vote.round) {
              <p class="round" data-testid="public-election-round">{{ text().electionRound(vote.round) }}</p>
            }
            <p class="outcome" data-testid="public-outcome" [attr.data-outcome]="vote.outcome" [attr.data-tone]="vote.tone">
              @if (vote.elected) {
                <strong data-testid="public-elected">{{ text().electedNames(vote.elected) }}</strong>
              } @else {
                <strong>{{ text().outcome[vote.outcome] }}</strong>
              }
              <span class="closed">{{ text().closedAt(vote.closedAt) }}</span>
            </p>
            <p class="reason" data-testid="public-reason">{{ text().outcomeReason[vote.outcome] }} {{ text().turnout(vote.cast, vote.eligible) }}</p>
            <table>
              <caption class="visually-hidden">
                {{
                  vote.title
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ text().option }}</th>
                  <th scope="col">{{ text().votes }}</th>
                </tr>
              </thead>
              <tbody>
                @for (count of vote.counts; track $index) {
                  <tr data-testid="public-count">
                    <th scope="row">{{ count.label }}</th>
                    <td>{{ count.count }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </article>
        } @empty {
          <p class="muted">{{ ended() ? text().noVotesTaken : text().noResults }}</p>
        }
      </div>
    </section>
  `,
  styles: `
    .panel {
      margin: 0;
    }
    h3 {
      margin: 0;
      font-size: 1.05rem;
    }
    .result + .result {
      margin-top: 1rem;
      padding-top: 1rem;
      border-top: 1px solid var(--border);
    }
    .outcome {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0.25rem 0 0.5rem;
    }
    .outcome[data-tone='yes'] strong {
      color: var(--success);
    }
    .outcome[data-tone='no'] strong {
      color: var(--danger);
    }
    .outcome[data-tone='none'] strong {
      color: var(--caution);
    }
    .reason {
      margin: 0 0 0.5rem;
    }
    .round {
      margin: 0;
      color: var(--muted);
    }
    .closed,
    .muted {
      color: var(--muted);
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.125rem 1.5rem 0.125rem 0;
      border-bottom: 1px solid var(--border);
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class PublicResults {
  private readonly translation = inject(TranslationState);

  readonly votes = input.required<readonly PublicVoteResult[]>();
  /** The sitting is over: no result means none was taken, not none yet. */
  readonly ended = input(false);

  protected readonly text = this.translation.catalogue(watchText);
  protected readonly results = computed(() => {
    const language = this.translation.language();
    return this.votes().map((vote) => ({
      id: vote.id,
      title: vote.title,
      outcome: vote.outcome,
      tone: outcomeTone(vote.outcome),
      elected: vote.elected.join(', '),
      round: vote.electionRound,
      cast: vote.cast,
      eligible: vote.eligible,
      closedAt: this.translation.formatTime(vote.closedAt, false),
      counts: vote.counts.map((count) => ({ label: publishedOptionLabel(count.label, language), count: count.count })),
    }));
  });
}
