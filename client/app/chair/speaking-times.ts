import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration } from '../procedure/floor-clock';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { sortSpeakingTimes, type SpeakingTimeOrder } from './speaking-time-order';

const orders: readonly SpeakingTimeOrder[] = ['last', 'least', 'most'];

/** Speaking time per member from the record, sortable by last, least or most spoken. */
@Component({
  selector: 'plenum-speaking-times',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sort" role="group" [attr.aria-label]="text().sortBy">
      <span aria-hidden="true">{{ text().sortBy }}:</span>
      @for (candidate of orders; track candidate) {
        <button
          type="button"
          class="secondary"
          [attr.aria-pressed]="order() === candidate"
          [attr.data-testid]="'sort-' + candidate"
          (click)="order.set(candidate)"
        >
          {{ text().speakingOrder[candidate] }}
        </button>
      }
    </div>
    <table data-testid="speaking-times">
      <thead>
        <tr>
          <th scope="col">{{ text().member }}</th>
          <th scope="col">{{ text().totalTime }}</th>
          <th scope="col">{{ text().turns }}</th>
          <th scope="col">{{ text().lastSpoke }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.person.id) {
          <tr>
            <th scope="row">{{ row.person.name }}{{ row.person.faction ? ' (' + row.person.faction.shortName + ')' : '' }}</th>
            <td>{{ duration(row.seconds) }}</td>
            <td>{{ row.turns }}</td>
            <td>{{ translation.formatTime(row.lastSpokeAt, false) }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4">{{ text().nobodySpoke }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .sort {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem;
      margin-bottom: 0.5rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.125rem 0.5rem 0.125rem 0;
      border-bottom: 1px solid var(--border);
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
    tbody th {
      font-weight: 400;
    }
  `,
})
export class SpeakingTimes {
  private readonly state = inject(ChairState);
  protected readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly orders = orders;
  protected readonly duration = formatDuration;
  protected readonly order = signal<SpeakingTimeOrder>('least');
  protected readonly rows = computed(() => sortSpeakingTimes(this.state.procedure.procedure()?.speakingTimes ?? [], this.order()));
}
