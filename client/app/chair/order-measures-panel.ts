import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { orderMeasuresText } from '../procedure/order-measures-text';
import { OrderMeasuresState, type OrderMeasures } from '../procedure/order-measures-state';
import { CommandProblem } from '../shared/command-problem';
import { DialogFrame } from '../shared/dialog-frame';
import { ChairState } from './chair-state';
import { OrderMeasureCommands } from './order-measure-commands';

type Exclusion = OrderMeasures['exclusions'][number];

/**
 * The chair's order measures (issue 15): calls to the point and to order, withdrawal of the floor (as the
 * rules allow, shown with the calls counted), an individual mute, exclusion for sitting days and the
 * objection to it with its decision. Withdrawal and exclusion ask for confirmation first.
 */
@Component({
  selector: 'plenum-order-measures-panel',
  imports: [CommandProblem, DialogFrame],
  providers: [OrderMeasureCommands],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="order-measures-heading" data-testid="order-measures">
      <h2 id="order-measures-heading">{{ text().heading }}</h2>
      @if (measures(); as m) {
        @if (floorHolder(); as holder) {
          <p class="floor-calls" data-testid="floor-calls">
            {{
              m.callsCountedPerSpeech
                ? text().floorCalls(holder.name, m.floorCalls ?? 0, m.withdrawAfterCalls)
                : text().floorCallsSitting(holder.name, m.floorCalls ?? 0, m.withdrawAfterCalls)
            }}
          </p>
          <button type="button" class="danger" data-testid="withdraw-floor" [disabled]="busy() || !m.mayWithdrawFloor" (click)="askWithdraw()">
            {{ text().withdrawFloor }}
          </button>
          @if (!m.mayWithdrawFloor) {
            <p class="hint" data-testid="withdraw-hint">{{ text().withdrawNeedsCalls }}</p>
          }
        }
        <div class="form">
          <label>
            {{ text().member }}
            <select data-testid="measure-member" [value]="target()" (change)="selected.set($any($event.target).value)">
              <option value="">{{ text().chooseMember }}</option>
              @for (person of members(); track person.id) {
                <option [value]="person.id">{{ person.name }}</option>
              }
            </select>
          </label>
          <label>
            {{ text().reason }}
            <input type="text" data-testid="measure-reason" maxlength="500" [value]="reason()" (input)="reason.set($any($event.target).value)" />
          </label>
        </div>
        <div class="controls">
          @if (m.callToPointAllowed) {
            <button type="button" class="secondary" data-testid="call-to-point" [disabled]="busy() || !target()" (click)="callToPoint()">
              {{ text().callToPoint }}
            </button>
          }
          <button type="button" class="secondary" data-testid="call-to-order" [disabled]="busy() || !target()" (click)="callToOrder()">
            {{ text().callToOrder }}
          </button>
          @if (isMuted(target())) {
            <button type="button" class="secondary" data-testid="unmute-member" [attr.aria-pressed]="true" [disabled]="busy()" (click)="unmute()">
              {{ text().unmute }}
            </button>
          } @else {
            <button type="button" class="secondary" data-testid="mute-member" [disabled]="busy() || !target()" (click)="mute()">{{ text().mute }}</button>
          }
          <button type="button" class="danger" data-testid="exclude-member" [disabled]="busy() || !target()" (click)="askExclude()">
            {{ text().exclude }}
          </button>
        </div>
        <plenum-command-problem [message]="commands.problem('order')" />

        @if (m.calls.length > 0) {
          <h3>{{ text().calls }}</h3>
          <ul class="list" data-testid="order-calls">
            @for (c of m.calls; track c.person.id) {
              <li>{{ c.person.name }}: {{ text().callCounts(c.toPoint, c.toOrder) }}</li>
            }
          </ul>
        }
        @if (m.muted.length > 0) {
          <h3>{{ text().muted }}</h3>
          <ul class="list" data-testid="muted-members">
            @for (p of m.muted; track p.id) {
              <li>{{ p.name }}</li>
            }
          </ul>
        }
        @if (m.exclusions.length > 0) {
          <h3>{{ text().exclusions }}</h3>
          <ul class="list" data-testid="exclusions">
            @for (x of m.exclusions; track x.id) {
              <li data-testid="exclusion">
                <span>
                  <strong>{{ x.person.name }}</strong>: {{ text().exclusionLine(x.sittingDays, x.remaining, x.carried) }}{{ x.reason ? ' — ' + x.reason : '' }}
                  @if (x.lifted) {
                    ({{ text().lifted }})
                  }
                </span>
                @if (m.objectionAllowed) {
                  @if (x.objection; as o) {
                    @if (!o.decided) {
                      <span>{{ text().objectionPending }}</span>
                      <button type="button" class="secondary" [disabled]="busy()" (click)="decide(x, true)">{{ text().uphold }}</button>
                      <button type="button" class="secondary" [disabled]="busy()" (click)="decide(x, false)">{{ text().reject }}</button>
                    } @else {
                      <span>{{ o.upheld ? text().upheld : text().rejected }}</span>
                    }
                  } @else if (!x.lifted) {
                    <label class="visually-hidden" [attr.for]="'objection-' + x.id">{{ text().objectionText }}</label>
                    <input type="text" maxlength="500" [id]="'objection-' + x.id" [placeholder]="text().objectionText" #objection />
                    <button type="button" class="secondary" [disabled]="busy()" (click)="recordObjection(x, objection.value)">
                      {{ text().recordObjection }}
                    </button>
                  }
                }
              </li>
            }
          </ul>
          <plenum-command-problem [message]="commands.problem('exclusions')" />
        }
      }
    </section>

    <plenum-dialog-frame #withdrawDialog [heading]="text().confirmWithdrawHeading">
      <p>{{ text().confirmWithdraw(floorHolder()?.name ?? '') }}</p>
      <div class="dialog-actions">
        <button type="button" class="danger" data-testid="confirm-withdraw" autofocus (click)="withdraw()">{{ text().confirm }}</button>
        <button type="button" class="secondary" (click)="withdrawDialog.close()">{{ text().back }}</button>
      </div>
    </plenum-dialog-frame>
    <plenum-dialog-frame #excludeDialog [heading]="text().confirmExcludeHeading">
      <label>
        {{ text().sittingDays }} ({{ text().maxDays(measures()?.maxExclusionSittingDays ?? 1) }})
        <input
          type="number"
          data-testid="exclusion-days"
          min="1"
          [max]="measures()?.maxExclusionSittingDays ?? 1"
          [value]="days()"
          (input)="days.set(+$any($event.target).value)"
        />
      </label>
      <p>{{ text().confirmExclude(targetName(), days()) }}</p>
      <div class="dialog-actions">
        <button type="button" class="danger" data-testid="confirm-exclude" (click)="exclude()">{{ text().confirm }}</button>
        <button type="button" class="secondary" (click)="excludeDialog.close()">{{ text().back }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styles: `
    .form,
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
      margin-top: 0.5rem;
    }
    .form label {
      display: grid;
      gap: 0.25rem;
    }
    .floor-calls {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--muted);
    }
    h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding: 0.25rem 0;
    }
  `,
})
export class OrderMeasuresPanel {
  private readonly chair = inject(ChairState);
  protected readonly commands = inject(OrderMeasureCommands);
  private readonly state = inject(OrderMeasuresState);
  private readonly withdrawDialog = viewChild.required<DialogFrame>('withdrawDialog');
  private readonly excludeDialog = viewChild.required<DialogFrame>('excludeDialog');

  protected readonly text = inject(TranslationState).catalogue(orderMeasuresText);
  protected readonly measures = this.state.measures;
  protected readonly selected = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly days = signal(1);

  protected readonly floorHolder = computed(() => this.commands.procedure.procedure()?.floor?.person ?? null);
  /** Members and podium guests; the chair's team keeps order and receives none. */
  protected readonly members = computed(() => this.chair.speakers().filter((person) => !person.roles.includes('CHAIR') && !person.roles.includes('MODERATOR')));
  /** The member chosen, else the one holding the floor; else nobody: a measure never falls on whoever is first in the list. */
  protected readonly target = computed(() => this.selected() ?? this.floorHolder()?.id ?? '');
  protected readonly targetName = computed(() => this.members().find((person) => person.id === this.target())?.name ?? '');

  protected busy(): boolean {
    return this.commands.pending('order') || this.commands.pending('exclusions');
  }

  protected isMuted(personId: string): boolean {
    return (this.measures()?.muted ?? []).some((person) => person.id === personId);
  }

  private takeReason(): string | null {
    const reason = this.reason().trim();
    return reason === '' ? null : reason;
  }

  private async done(sent: Promise<boolean>): Promise<void> {
    if (await sent) this.reason.set('');
  }

  protected callToPoint(): void {
    void this.done(this.commands.callToPoint(this.target(), this.takeReason()));
  }

  protected callToOrder(): void {
    void this.done(this.commands.callToOrder(this.target(), this.takeReason()));
  }

  protected mute(): void {
    void this.commands.mute(this.target());
  }

  protected unmute(): void {
    void this.commands.unmute(this.target());
  }

  protected askWithdraw(): void {
    this.withdrawDialog().open();
  }

  protected withdraw(): void {
    this.withdrawDialog().close();
    void this.done(this.commands.withdrawFloor(this.takeReason()));
  }

  protected askExclude(): void {
    this.days.set(1);
    this.excludeDialog().open();
  }

  protected exclude(): void {
    this.excludeDialog().close();
    void this.done(this.commands.exclude(this.target(), this.days(), this.takeReason()));
  }

  protected recordObjection(exclusion: Exclusion, text: string): void {
    void this.commands.recordObjection(exclusion.id, text.trim() === '' ? null : text.trim());
  }

  protected decide(exclusion: Exclusion, upheld: boolean): void {
    void this.commands.decideObjection(exclusion.id, upheld, null);
  }
}
