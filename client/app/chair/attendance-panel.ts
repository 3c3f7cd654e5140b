import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

/** Quorum (present of required) and who is present per faction. */
@Component({
  selector: 'plenum-attendance-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure()?.attendance; as attendance) {
      <p class="quorum" data-testid="quorum" [attr.data-quorate]="attendance.quorum.quorate">
        <strong>{{ attendance.quorum.quorate ? text().quorate : text().notQuorate }}</strong>
        {{ text().quorumCount(attendance.quorum.present, attendance.quorum.required) }}
      </p>
      <table>
        <caption class="visually-hidden">
          {{
            text().attendance
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ words().faction }}</th>
            <th scope="col">{{ text().present }}</th>
            <th scope="col">{{ text().seats }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of attendance.perFaction; track row.faction?.id ?? 'independents') {
            <tr>
              <th scope="row">
                <span class="swatch" [style.background-color]="row.faction?.colour ?? '#8a8f98'"></span>
                {{ row.faction?.shortName ?? words().independent }}
              </th>
              <td>{{ row.present }}</td>
              <td>{{ row.seats }}</td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{{ text().total }}</th>
            <td data-testid="present-count">{{ attendance.presentCount }}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>
    }
  `,
  styles: `
    .quorum {
      margin: 0 0 0.5rem;
    }
    .quorum[data-quorate='true'] strong {
      color: var(--success);
    }
    .quorum[data-quorate='false'] strong {
      color: var(--danger);
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.125rem 1rem 0.125rem 0;
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
    tfoot th,
    tfoot td {
      border-top: 1px solid var(--border);
      font-weight: 700;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: 0.25rem;
      border-radius: 0.125rem;
    }
  `,
})
export class AttendancePanel {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
}
