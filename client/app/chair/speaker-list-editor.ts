import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration } from '../procedure/floor-clock';
import { procedureText } from '../procedure/procedure-text';
import { CommandProblem } from '../shared/command-problem';
import type { RequestKind, SittingState, Stance } from '../shared/graphql-schema.generated';
import { lockReason } from './console-lock';
import { consoleText } from './console-text';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

const kinds: readonly RequestKind[] = ['SPEECH', 'SHORT_INTERVENTION', 'INTERJECTION'];

/**
 * The speaker list of the current item in the order the policy gives: move up and down (buttons,
 * so the keyboard can do it), give the floor, remove; add anyone; close and reopen the list; the
 * speaking-time quotas per faction when time was allotted.
 */
@Component({
  selector: 'plenum-speaker-list-editor',
  imports: [CommandProblem, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure(); as procedure) {
      <p class="list-state">
        @if (procedure.speakerList.closed) {
          <strong data-testid="speaker-list-closed">{{ text().listClosed }}</strong>
          <button type="button" class="secondary" data-testid="reopen-list" [disabled]="busy()" (click)="reopenList()">
            {{ text().reopenList }}
          </button>
        } @else {
          <span>{{ text().listOpen }}</span>
          <button
            type="button"
            class="secondary"
            data-testid="close-list"
            [disabled]="busy() || !procedure.currentItem"
            [attr.aria-describedby]="procedure.currentItem ? null : 'speakers-add-blocked'"
            (click)="closeList()"
          >
            {{ text().closeList }}
          </button>
        }
      </p>
      <ol class="requests" data-testid="chair-speaker-list">
        @for (request of procedure.speakerList.requests; track request.id; let first = $first, last = $last) {
          <li data-testid="chair-speaker" [attr.data-request-id]="request.id">
            <span class="who">
              <span class="name">{{ request.person.name }}</span>
              @if (request.person.faction; as faction) {
                <span class="faction" [style.border-color]="faction.colour">{{ faction.shortName }}</span>
              }
              <span class="kind">
                {{ words().requestKind[request.kind] }}
                @if (request.stance) {
                  · {{ words().stance[request.stance] }}
                }
              </span>
              <span class="since">{{ translation.formatTime(request.requestedAt, false) }}</span>
            </span>
            <span class="actions">
              <button
                type="button"
                class="icon"
                data-move="up"
                [attr.aria-label]="text().moveUp(request.person.name)"
                [disabled]="busy() || first"
                (click)="moveSpeaker(request.id, -1)"
              >
                ↑
              </button>
              <button
                type="button"
                class="icon"
                data-move="down"
                [attr.aria-label]="text().moveDown(request.person.name)"
                [disabled]="busy() || last"
                (click)="moveSpeaker(request.id, 1)"
              >
                ↓
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="grant-floor"
                [attr.aria-label]="text().grantTo(request.person.name)"
                [disabled]="busy()"
                (click)="grantFloor(request.id)"
              >
                {{ text().grant }}
              </button>
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="text().removeNamed(request.person.name)"
                [disabled]="busy()"
                (click)="removeSpeaker(request.id)"
              >
                {{ text().remove }}
              </button>
            </span>
          </li>
        } @empty {
          <li class="empty">{{ text().noSpeakers }}</li>
        }
      </ol>
      <form class="add" (ngSubmit)="addSpeaker()">
        <label>
          {{ text().person }}
          <select name="personId" data-testid="add-speaker-person" required [(ngModel)]="personId">
            <option value="">{{ text().choosePerson }}</option>
            @for (person of state.speakers(); track person.id) {
              <option [value]="person.id">
                {{ person.name }}{{ person.faction ? ' (' + person.faction.shortName + ')' : person.title ? ' – ' + person.title : '' }}
              </option>
            }
          </select>
        </label>
        <label>
          {{ text().requestKind }}
          <select name="kind" [(ngModel)]="kind">
            @for (kind of kinds; track kind) {
              <option [value]="kind">{{ words().requestKind[kind] }}</option>
            }
          </select>
        </label>
        @if (procedure.orderPolicy === 'PRO_CONTRA') {
          <label>
            {{ text().stance }}
            <select name="stance" [(ngModel)]="stance">
              <option value="PRO">{{ words().stance.PRO }}</option>
              <option value="CONTRA">{{ words().stance.CONTRA }}</option>
            </select>
          </label>
        }
        <button
          type="submit"
          class="secondary"
          data-testid="add-speaker"
          [disabled]="busy() || personId() === '' || addBlocked(procedure) !== null"
          [attr.aria-describedby]="addBlocked(procedure) === null ? null : 'speakers-add-blocked'"
        >
          {{ text().addSpeaker }}
        </button>
      </form>
      <!-- What the state forbids is disabled with the reason, not refused after the click. -->
      @if (addBlocked(procedure); as why) {
        <p class="blocked" id="speakers-add-blocked" data-testid="add-speaker-blocked">{{ why }}</p>
      }
      <plenum-command-problem [message]="state.problem('speakers')" />
      @if (procedure.quotas; as quotas) {
        <table class="quotas">
          <caption>
            {{
              text().quotas
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ words().faction }}</th>
              <th scope="col">{{ text().allotted }}</th>
              <th scope="col">{{ text().used }}</th>
              <th scope="col">{{ text().left }}</th>
            </tr>
          </thead>
          <tbody>
            @for (quota of quotas; track quota.faction?.id ?? 'independents') {
              <tr [class.exhausted]="quota.remainingSeconds <= 0">
                <th scope="row">{{ quota.faction?.shortName ?? words().independent }}</th>
                <td>{{ duration(quota.allottedSeconds) }}</td>
                <td>{{ duration(quota.usedSeconds) }}</td>
                <td>{{ quota.remainingSeconds < 0 ? '−' : '' }}{{ duration(abs(quota.remainingSeconds)) }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styles: `
    .list-state {
      display: flex;
      align-items: center;
      gap: 1rem;
      margin: 0 0 0.5rem;
    }
    .requests {
      margin: 0;
      padding-left: 1.75rem;
    }
    .requests li {
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--border);
    }
    .requests li.empty {
      list-style: none;
      color: var(--muted);
    }
    .who,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
    }
    .actions {
      margin-top: 0.25rem;
      gap: 0.25rem;
    }
    .name {
      font-weight: 600;
    }
    .faction {
      padding: 0 0.375rem;
      border-left: 4px solid;
    }
    .kind,
    .since {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
      margin-top: 0.75rem;
    }
    label {
      display: flex;
      flex-direction: column;
      /* A flex item grows to its select's longest option (a name with a title): held to the panel on a phone. */
      min-width: 0;
      max-width: 100%;
      font-size: 0.875rem;
    }
    /* Fits a narrow console column in either language: small headings and cells, words kept whole. */
    .quotas {
      width: 100%;
      margin-top: 1rem;
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    .quotas th,
    .quotas td {
      padding-right: 0.375rem;
      overflow-wrap: break-word;
    }
    .quotas thead th {
      font-size: 0.8125rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
    th,
    td {
      padding: 0.125rem 0.5rem 0.125rem 0;
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
    .blocked {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .exhausted td {
      color: var(--danger);
      font-weight: 600;
    }
  `,
})
export class SpeakerListEditor {
  protected readonly state = inject(ChairState);
  protected readonly translation = inject(TranslationState);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly lock = this.translation.catalogue(consoleText);
  protected readonly kinds = kinds;
  protected readonly duration = formatDuration;
  protected readonly abs = Math.abs;
  protected readonly personId = signal('');
  protected readonly kind = signal<RequestKind>('SPEECH');
  protected readonly stance = signal<Stance>('PRO');
  private readonly proContra = computed(() => this.state.procedure.procedure()?.orderPolicy === 'PRO_CONTRA');

  /** Why a speaker cannot be added now (the server's requireOpen and a called item), or null. */
  protected addBlocked(procedure: { readonly phase: SittingState; readonly currentItem: unknown }): string | null {
    const locked = lockReason(procedure.phase, 'open');
    if (locked) return this.lock().lock[locked];
    return procedure.currentItem ? null : this.lock().noItemCalled;
  }

  protected busy(): boolean {
    return this.state.pending('speakers') || this.state.pending('floor');
  }

  /** Moves the request and keeps the keyboard focus on its move button (or the other one at an end). */
  protected async moveSpeaker(requestId: string, by: -1 | 1): Promise<void> {
    await this.state.moveSpeaker(requestId, by);
    setTimeout(() => {
      const row = this.host.nativeElement.querySelector(`[data-request-id="${CSS.escape(requestId)}"]`);
      const same = row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]`);
      const other = row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'down' : 'up'}"]`);
      (same && !same.disabled ? same : other)?.focus();
    });
  }

  protected grantFloor(requestId: string): void {
    void this.state.grantFloor(requestId);
  }

  protected removeSpeaker(requestId: string): void {
    void this.state.removeSpeaker(requestId);
  }

  protected closeList(): void {
    void this.state.closeSpeakerList();
  }

  protected reopenList(): void {
    void this.state.reopenSpeakerList();
  }

  protected async addSpeaker(): Promise<void> {
    const personId = this.personId();
    if (personId === '') {
      return;
    }
    const added = await this.state.addSpeaker(personId, this.kind(), this.proContra() ? this.stance() : null);
    if (added) {
      this.personId.set('');
    }
  }
}
