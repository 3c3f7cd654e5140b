import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { numberLimits } from '@contract/number-limits';
import { TranslationState } from '../i18n/translation-state';
import { optionLabel } from '../procedure/option-label';
import type { Vote } from '../procedure/procedure-state';
import { DialogFrame } from '../shared/dialog-frame';
import { ChairState } from './chair-state';
import { voteCountText } from './vote-count-text';
import { readCounts, type CountEntries } from './vote-counts';

/**
 * The counts of an open vote by show of hands: a number per option, the total beside the members
 * entitled to vote, and a confirmation before the counts close the vote. Refusals of the server
 * (too many hands, a vote no longer open) show under the open vote's panel.
 */
@Component({
  selector: 'plenum-vote-count-form',
  imports: [DialogFrame, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="counts" data-testid="vote-count-form" novalidate (ngSubmit)="ask()">
      <fieldset>
        <legend>{{ text().heading }}</legend>
        <p class="hint">{{ text().hint }}</p>
        @for (option of options(); track option.id) {
          <label class="count">
            <span class="option">{{ option.label }}</span>
            <input
              type="number"
              inputmode="numeric"
              min="0"
              step="1"
              [max]="maxCount"
              [name]="'count-' + option.id"
              [attr.data-testid]="'count-' + option.meaning.toLowerCase()"
              [attr.aria-label]="text().countFor(option.label)"
              [attr.aria-invalid]="shown() && hasProblem(option.id)"
              [ngModel]="entries()[option.id] ?? null"
              (ngModelChange)="set(option.id, $event)"
            />
          </label>
        }
        <p class="total" data-testid="count-total" [class.too-many]="tooMany()" aria-live="polite">
          {{ text().total(read().total, vote().eligibleCount) }}
          @if (tooMany()) {
            <span class="warning">— {{ text().tooMany }}</span>
          }
        </p>
        @if (shown() && read().problems.length > 0) {
          <ul class="problems" role="alert" data-testid="count-problems">
            @for (problem of read().problems; track problem.optionId) {
              <li>{{ text().problem[problem.problem](labelOf(problem.optionId)) }}</li>
            }
          </ul>
        }
        <button type="submit" data-testid="enter-counts" [disabled]="state.pending('vote')">{{ text().enter }}</button>
      </fieldset>
    </form>
    <plenum-dialog-frame #confirm [heading]="text().confirmHeading">
      <dl class="summary" data-testid="count-summary">
        @for (option of options(); track option.id) {
          <div>
            <dt>{{ option.label }}</dt>
            <dd>{{ entries()[option.id] }}</dd>
          </div>
        }
      </dl>
      <p>{{ text().total(read().total, vote().eligibleCount) }}</p>
      <p class="hint">{{ text().confirmHint }}</p>
      <div class="dialog-actions">
        <button type="button" data-testid="confirm-counts" autofocus (click)="enter()">{{ text().confirm }}</button>
        <button type="button" class="secondary" (click)="confirm.close()">{{ text().back }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styles: `
    fieldset {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin: 0.5rem 0 0;
      border: 1px solid var(--border);
      border-radius: 0.25rem;
      background: var(--surface, #fff);
    }
    legend {
      font-weight: 700;
    }
    .hint {
      margin: 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .count {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      font-size: 1.1rem;
    }
    .option {
      font-weight: 600;
    }
    .count input {
      width: 7rem;
      min-height: 2.75rem;
      font-size: 1.25rem;
      text-align: right;
    }
    .total {
      margin: 0.25rem 0 0;
      font-size: 1.1rem;
      font-weight: 700;
    }
    .too-many .warning {
      color: var(--danger);
    }
    .problems {
      margin: 0;
      color: var(--danger);
      font-weight: 600;
    }
    button[type='submit'] {
      align-self: flex-start;
      min-height: 2.75rem;
    }
    .summary {
      display: grid;
      grid-template-columns: auto auto;
      gap: 0.25rem 1.5rem;
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    .summary div {
      display: contents;
    }
    .summary dd {
      margin: 0;
      font-weight: 700;
      text-align: right;
    }
  `,
})
export class VoteCountForm {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);
  private readonly confirm = viewChild.required<DialogFrame>('confirm');

  readonly vote = input.required<Vote>();

  protected readonly text = this.translation.catalogue(voteCountText);
  /** No house has more members (contract/number-limits.ts): the number field stops there too. */
  protected readonly maxCount = numberLimits.statutoryMembers;
  protected readonly entries = signal<CountEntries>({});
  /** Problems show once the chair tried to send. */
  protected readonly shown = signal(false);
  protected readonly options = computed(() =>
    this.vote().options.map((option) => ({ id: option.id, meaning: option.meaning, label: optionLabel(option, this.translation.language()) })),
  );
  protected readonly read = computed(() => readCounts(this.vote().options, this.entries()));
  protected readonly tooMany = computed(() => this.read().total > this.vote().eligibleCount);

  protected set(optionId: string, value: number | string | null): void {
    this.entries.update((entries) => ({ ...entries, [optionId]: value }));
  }

  protected hasProblem(optionId: string): boolean {
    return this.read().problems.some((problem) => problem.optionId === optionId);
  }

  protected labelOf(optionId: string): string {
    return this.options().find((option) => option.id === optionId)?.label ?? optionId;
  }

  protected ask(): void {
    this.shown.set(true);
    if (this.read().counts !== null) {
      this.confirm().open();
    }
  }

  protected async enter(): Promise<void> {
    const counts = this.read().counts;
    this.confirm().close();
    if (counts !== null && (await this.state.enterVoteCounts(this.vote().id, counts))) {
      this.entries.set({});
      this.shown.set(false);
    }
  }
}
