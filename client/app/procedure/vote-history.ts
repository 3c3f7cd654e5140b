import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { Vote } from './procedure-state';
import { procedureText } from './procedure-text';
import { VoteResults } from './vote-results';

/**
 * The sitting's published votes, newest first: the newest in full, earlier ones folded. A newly
 * published result is announced to screen readers.
 */
@Component({
  selector: 'plenum-vote-history',
  imports: [VoteResults],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="visually-hidden" aria-live="polite" data-testid="result-announcement">{{ announcement() }}</p>
    @for (vote of published(); track vote.id; let first = $first) {
      @if (first) {
        <plenum-vote-results [vote]="vote" />
      } @else {
        <details>
          <summary>{{ vote.title }}</summary>
          <plenum-vote-results [vote]="vote" />
        </details>
      }
    }
  `,
  styles: `
    details {
      margin-top: 0.75rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--border);
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
})
export class VoteHistory {
  private readonly translation = inject(TranslationState);

  /** All votes of the sitting, newest first (as the procedure lists them). */
  readonly votes = input.required<readonly Vote[]>();

  private readonly text = this.translation.catalogue(procedureText);

  protected readonly published = computed(() => this.votes().filter((vote) => vote.status !== 'OPEN'));
  protected readonly announcement = computed(() => {
    const [newest] = this.published();
    if (newest === undefined) {
      return '';
    }
    const text = this.text();
    return text.resultSummary(newest.title, text.outcome[newest.outcome ?? 'CANCELLED']);
  });
}
