import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { numberLimits } from '@contract/number-limits';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { CommandProblem } from '../shared/command-problem';
import type { OrderPolicy } from '../shared/graphql-schema.generated';
import { AgendaAmendmentDialog } from './agenda-amendment-dialog';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

const policies: readonly OrderPolicy[] = ['FIRST_COME', 'ALTERNATE_FACTIONS', 'PRO_CONTRA', 'QUOTA'];

/**
 * The agenda with "call" per item; in the open sitting "Change the agenda" (carrying out a decision
 * of the house); for the current item the order policy and the debate time.
 */
@Component({
  selector: 'plenum-agenda-controls',
  imports: [AgendaAmendmentDialog, CommandProblem, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure()?.phase === 'OPEN') {
      <plenum-agenda-amendment />
    }
    <ol class="agenda">
      @for (item of state.procedure.agenda(); track item.id) {
        <li [attr.aria-current]="item.id === currentId() ? 'step' : null" data-testid="chair-agenda-item">
          <span class="position">{{ item.position }}</span>
          <span class="title">{{ item.title }}</span>
          @if (item.id === currentId()) {
            <strong class="current">{{ text().current }}</strong>
          } @else {
            <button
              type="button"
              class="secondary"
              [attr.data-testid]="'call-item-' + item.position"
              [attr.aria-label]="text().callItemNamed(item.position, item.title)"
              [disabled]="busy()"
              (click)="callItem(item.id)"
            >
              {{ text().callItem }}
            </button>
          }
        </li>
      }
    </ol>
    @if (currentId(); as itemId) {
      <div class="item-settings">
        <label>
          {{ text().orderPolicy }}
          <select
            data-testid="order-policy"
            [ngModel]="state.procedure.procedure()?.orderPolicy"
            (ngModelChange)="setOrderPolicy(itemId, $event)"
            [disabled]="busy()"
          >
            @for (policy of policies; track policy) {
              <option [value]="policy">{{ words().orderPolicy[policy] }}</option>
            }
          </select>
        </label>
        <form class="allot" (ngSubmit)="allotSpeakingTime(itemId)">
          <label>
            {{ text().debateMinutes }}
            <input type="number" name="debateMinutes" min="1" [max]="debateMinutesLimit" data-testid="debate-minutes" [(ngModel)]="debateMinutes" />
          </label>
          <button type="submit" class="secondary" data-testid="allot-time" [disabled]="busy()">{{ text().allotTime }}</button>
        </form>
      </div>
    }
    <plenum-command-problem [message]="state.problem('agenda')" />
  `,
  styles: `
    .agenda {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--border);
    }
    li:first-child {
      border-top: none;
    }
    li[aria-current] {
      background: var(--accent-soft);
    }
    .position {
      flex: none;
      width: 1.75rem;
      font-weight: 700;
      text-align: right;
    }
    .title {
      flex: 1;
    }
    .current {
      color: var(--accent-strong);
      padding-right: 0.5rem;
    }
    .item-settings,
    .allot {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
      margin-top: 0.75rem;
    }
    label {
      display: flex;
      flex-direction: column;
      font-size: 0.875rem;
    }
    input[type='number'] {
      width: 6rem;
    }
  `,
})
export class AgendaControls {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly policies = policies;
  protected readonly debateMinutes = signal<number | null>(60);
  /** The server's bound (contract/number-limits.ts). */
  protected readonly debateMinutesLimit = numberLimits.debateMinutes;
  protected readonly currentId = computed(() => this.state.procedure.procedure()?.currentItem?.id ?? null);

  protected busy(): boolean {
    return this.state.pending('agenda');
  }

  protected callItem(agendaItemId: string): void {
    void this.state.callItem(agendaItemId);
  }

  protected setOrderPolicy(agendaItemId: string, policy: OrderPolicy): void {
    void this.state.setOrderPolicy(agendaItemId, policy);
  }

  protected allotSpeakingTime(agendaItemId: string): void {
    const minutes = this.debateMinutes();
    if (minutes !== null && minutes > 0) {
      void this.state.allotSpeakingTime(agendaItemId, Math.round(minutes));
    }
  }
}
