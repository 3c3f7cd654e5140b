import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { numberLimits } from '@contract/number-limits';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { CommandProblem } from '../shared/command-problem';
import { DialogFrame } from '../shared/dialog-frame';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

/** Open, suspend (with a break of some minutes), resume and close the sitting. */
@Component({
  selector: 'plenum-sitting-controls',
  imports: [CommandProblem, DialogFrame, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure(); as procedure) {
      <div class="controls">
        @switch (procedure.phase) {
          @case ('SCHEDULED') {
            <button type="button" data-testid="open-sitting" [disabled]="busy()" (click)="openSitting()">
              {{ text().openSitting }}
            </button>
          }
          @case ('OPEN') {
            <form class="suspend" (ngSubmit)="suspendSitting()">
              <label>
                {{ text().breakMinutes }}
                <input
                  type="number"
                  name="breakMinutes"
                  min="1"
                  [max]="breakMinutesLimit"
                  inputmode="numeric"
                  data-testid="break-minutes"
                  [(ngModel)]="breakMinutes"
                />
              </label>
              <label>
                {{ text().suspendReason }}
                <input type="text" name="reason" [maxlength]="reasonLimit" [(ngModel)]="reason" />
              </label>
              <button type="submit" data-testid="suspend-sitting" [disabled]="busy()">{{ text().suspendSitting }}</button>
            </form>
          }
          @case ('SUSPENDED') {
            <button type="button" data-testid="resume-sitting" [disabled]="busy()" (click)="resumeSitting()">
              {{ text().resumeSitting }}
            </button>
          }
        }
        @if (procedure.phase === 'OPEN' || procedure.phase === 'SUSPENDED') {
          <button type="button" class="danger" data-testid="close-sitting" [disabled]="busy()" (click)="confirmClose.open()">
            {{ text().closeSitting }}
          </button>
        }
      </div>
      <plenum-command-problem [message]="state.problem('sitting')" />
    }
    <plenum-dialog-frame #confirmClose [heading]="text().closeSittingHeading">
      <p>{{ text().closeSittingQuestion }}</p>
      <div class="dialog-actions">
        <button type="button" class="danger" data-testid="confirm-close-sitting" (click)="closeSitting()">
          {{ text().closeSitting }}
        </button>
        <button type="button" class="secondary" autofocus (click)="confirmClose.close()">{{ text().keepOpen }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styles: `
    .controls,
    .suspend {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
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
export class SittingControls {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);
  private readonly confirmClose = viewChild.required<DialogFrame>('confirmClose');

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly breakMinutes = signal<number | null>(15);
  // The server's bounds (contract/): a longer break or reason would only be refused there.
  protected readonly breakMinutesLimit = numberLimits.breakMinutes;
  protected readonly reasonLimit = textLimits.reason;
  protected readonly reason = signal('');

  protected busy(): boolean {
    return this.state.pending('sitting');
  }

  protected openSitting(): void {
    void this.state.openSitting();
  }

  protected suspendSitting(): void {
    const minutes = this.breakMinutes();
    const reason = this.reason().trim();
    void this.state.suspendSitting(minutes !== null && minutes > 0 ? Math.round(minutes) : null, reason === '' ? null : reason);
  }

  protected resumeSitting(): void {
    void this.state.resumeSitting();
  }

  protected closeSitting(): void {
    this.confirmClose().close();
    void this.state.closeSitting();
  }
}
