import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { orderMeasuresText } from '../procedure/order-measures-text';
import { OrderMeasuresState } from '../procedure/order-measures-state';
import { ChamberState } from './chamber-state';

/** Tells members of the order measures that concern them: calls, a mute, a withdrawn floor, an exclusion. */
@Component({
  selector: 'plenum-order-measure-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-live="polite">
      @if (lines().length > 0) {
        <div class="notice" data-testid="order-notice">
          <strong>{{ text().noticeHeading }}</strong>
          <ul>
            @for (line of lines(); track line) {
              <li>{{ line }}</li>
            }
          </ul>
        </div>
      }
    </div>
  `,
  styles: `
    .notice {
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--danger);
      border-radius: 0.375rem;
    }
    ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class OrderMeasureNotice {
  private readonly chamber = inject(ChamberState);
  private readonly state = inject(OrderMeasuresState);
  protected readonly text = inject(TranslationState).catalogue(orderMeasuresText);

  protected readonly lines = computed<string[]>(() => {
    const me = this.chamber.me()?.id;
    const m = this.state.measures();
    if (!me || !m) return [];
    const t = this.text();
    const lines: string[] = [];
    const exclusion = m.exclusions.find((x) => x.person.id === me && !x.lifted);
    if (exclusion) lines.push(t.youExcluded(exclusion.remaining));
    if (m.floorWithdrawnFrom.includes(me)) lines.push(t.youFloorWithdrawn);
    if (m.muted.some((p) => p.id === me)) lines.push(t.youMuted);
    const calls = m.calls.find((c) => c.person.id === me);
    if (calls && calls.toPoint + calls.toOrder > 0) lines.push(t.youCalled(calls.toPoint, calls.toOrder));
    return lines;
  });
}
