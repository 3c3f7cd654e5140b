import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { CommandProblem } from '../shared/command-problem';
import { chamberText } from './chamber-text';
import { ChamberState } from './chamber-state';

/** The longest text of a point of order (the server's limit, contract/text-limits.ts). */
const pointOfOrderTextLimit = textLimits.pointOfOrderText;

export type PointOfOrderProblem = 'category-missing' | 'category-unknown' | 'text-missing' | 'text-too-long';

/** What keeps a point of order from being raised: a known category and a text of 1 to 500 characters. */
export function pointOfOrderProblems(category: string, text: string, categories: readonly { readonly id: string }[]): PointOfOrderProblem[] {
  const problems: PointOfOrderProblem[] = [];
  if (category === '') {
    problems.push('category-missing');
  } else if (!categories.some((candidate) => candidate.id === category)) {
    problems.push('category-unknown');
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    problems.push('text-missing');
  } else if (trimmed.length > pointOfOrderTextLimit) {
    problems.push('text-too-long');
  }
  return problems;
}

/** Raise a point of order (category and a short text); my pending ones, to withdraw. */
@Component({
  selector: 'plenum-point-of-order-form',
  imports: [CommandProblem, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.myPointsOfOrder().length > 0) {
      <ul class="mine">
        @for (point of state.myPointsOfOrder(); track point.id) {
          <li data-testid="my-point-of-order">
            {{ text().pointPending(categoryLabel(point.category)) }}
            <button type="button" class="secondary" [disabled]="state.pending('point')" (click)="withdraw(point.id)">
              {{ text().withdraw }}
            </button>
          </li>
        }
      </ul>
    }
    <form (ngSubmit)="raise()" novalidate>
      <label>
        {{ text().category }}
        <select
          name="category"
          data-testid="point-category"
          required
          [attr.aria-invalid]="shown().includes('category-missing') || shown().includes('category-unknown')"
          [(ngModel)]="category"
        >
          <option value="">{{ text().chooseCategory }}</option>
          @for (option of state.procedure.categories(); track option.id) {
            <option [value]="option.id">{{ translation.pick({ de: option.labelDe, en: option.labelEn }) }}</option>
          }
        </select>
      </label>
      <label>
        {{ text().pointText }}
        <textarea
          name="text"
          rows="3"
          data-testid="point-text"
          required
          [attr.maxlength]="limit"
          [attr.aria-invalid]="shown().includes('text-missing') || shown().includes('text-too-long')"
          aria-describedby="point-text-count"
          [(ngModel)]="pointText"
        ></textarea>
      </label>
      <p id="point-text-count" class="count" [class.over]="remaining() < 0">{{ text().charactersLeft(remaining()) }}</p>
      @if (shown().length > 0) {
        <ul class="problems" role="alert" data-testid="point-problems">
          @for (problem of shown(); track problem) {
            <li>{{ text().pointProblem[problem] }}</li>
          }
        </ul>
      }
      <button type="submit" data-testid="raise-point" [disabled]="state.pending('point')">{{ text().raisePoint }}</button>
      <plenum-command-problem [message]="state.problem('point')" />
    </form>
  `,
  styles: `
    form {
      display: grid;
      gap: 0.5rem;
      max-width: 36rem;
    }
    label {
      display: flex;
      flex-direction: column;
      font-size: 0.875rem;
    }
    .count {
      margin: -0.25rem 0 0;
      color: var(--muted);
      font-size: 0.8125rem;
    }
    .count.over,
    .problems {
      color: var(--danger);
      font-weight: 600;
    }
    .problems {
      margin: 0;
    }
    button[type='submit'] {
      justify-self: start;
    }
    .mine {
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }
    .mine li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
  `,
})
export class PointOfOrderForm {
  protected readonly state = inject(ChamberState);
  protected readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chamberText);
  protected readonly limit = pointOfOrderTextLimit;
  protected readonly category = signal('');
  protected readonly pointText = signal('');
  /** Problems are shown once the member has tried to send. */
  private readonly tried = signal(false);

  protected readonly problems = computed(() => pointOfOrderProblems(this.category(), this.pointText(), this.state.procedure.categories()));
  protected readonly shown = computed(() => (this.tried() ? this.problems() : []));
  protected readonly remaining = computed(() => pointOfOrderTextLimit - this.pointText().trim().length);

  protected categoryLabel(categoryId: string): string {
    const category = this.state.procedure.categories().find((candidate) => candidate.id === categoryId);
    return category ? this.translation.pick({ de: category.labelDe, en: category.labelEn }) : categoryId;
  }

  protected async raise(): Promise<void> {
    this.tried.set(true);
    if (this.problems().length > 0) {
      return;
    }
    if (await this.state.raisePointOfOrder(this.category(), this.pointText().trim())) {
      this.tried.set(false);
      this.category.set('');
      this.pointText.set('');
    }
  }

  protected withdraw(pointId: string): void {
    void this.state.withdrawPointOfOrder(pointId);
  }
}
