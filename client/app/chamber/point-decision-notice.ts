import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ChamberState } from './chamber-state';
import { decisionToTell, pointDecisionText } from './point-decision';

/**
 * Tells a member the chair's decision on their point of order (which leaves the queue without a
 * word otherwise): the newest one, until dismissed. The live region stays in the page, so the
 * decision is announced when it arrives.
 */
@Component({
  selector: 'plenum-point-decision-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-live="polite">
      @if (point(); as point) {
        <div class="notice" data-testid="point-decision" [attr.data-decision]="point.decision">
          <p class="heading">{{ text().heading }}</p>
          <p data-testid="point-decision-text">{{ text().decision[point.decision](categoryLabel(point.category)) }}</p>
          <p class="quote">{{ text().yourText }} “{{ point.text }}”</p>
          @if (point.note) {
            <p class="quote">{{ text().note }} {{ point.note }}</p>
          }
          <button type="button" class="secondary" data-testid="dismiss-point-decision" (click)="dismiss(point.id)">{{ text().dismiss }}</button>
        </div>
      }
    </div>
  `,
  styles: `
    .notice {
      padding: 0.5rem 0.75rem;
      border-left: 6px solid var(--accent);
      background: var(--accent-soft);
    }
    p {
      margin: 0 0 0.375rem;
    }
    .heading {
      font-weight: 700;
    }
    .quote {
      color: var(--muted);
      overflow-wrap: anywhere;
    }
  `,
})
export class PointDecisionNotice {
  private readonly state = inject(ChamberState);
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(pointDecisionText);
  private readonly dismissed = signal<ReadonlySet<string>>(new Set());

  protected readonly point = computed(() =>
    decisionToTell(this.state.procedure.procedure()?.decidedPoints ?? [], this.state.me()?.id ?? null, this.dismissed()),
  );

  protected categoryLabel(categoryId: string): string {
    const category = this.state.procedure.categories().find((candidate) => candidate.id === categoryId);
    return category ? this.translation.pick({ de: category.labelDe, en: category.labelEn }) : categoryId;
  }

  protected dismiss(pointId: string): void {
    this.dismissed.update((ids) => new Set([...ids, pointId]));
  }
}
