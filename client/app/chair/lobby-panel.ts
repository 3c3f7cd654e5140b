import { ChangeDetectionStrategy, Component, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ProcedureCommands } from '../procedure/procedure-commands';
import { CommandProblem } from '../shared/command-problem';
import type { AdmissionRole } from '../shared/graphql-schema.generated';
import { GraphqlClient } from '../shared/graphql-client';
import { ChairState } from './chair-state';
import { admitEntrantMutation, declineEntrantMutation, lobbyQuery, removeParticipantMutation, type LobbyEntryFragment } from './lobby.generated';
import { lobbyText } from './lobby-text';

type LobbyControl = 'admit' | 'decline' | 'remove';

/** The lobby's commands, each answering with the procedure (shown at once). */
@Injectable()
class LobbyCommands extends ProcedureCommands<LobbyControl> {
  admit = (entrantId: string, role: AdmissionRole, substituteForId: string | null, currentItemOnly: boolean) =>
    this.send('admit', admitEntrantMutation, { entrantId, role, substituteForId, currentItemOnly });
  decline = (entrantId: string, reason: string | null) => this.send('decline', declineEntrantMutation, { entrantId, reason });
  remove = (participantId: string, reason: string | null) => this.send('remove', removeParticipantMutation, { participantId, reason });
}

const roles: readonly AdmissionRole[] = ['GUEST', 'PRESS', 'SUBSTITUTE', 'PODIUM_GUEST'];

/**
 * The lobby on the chair console: who waits to be let in (guests, press, a substitute, someone removed
 * who asks to return), admitted with a role or declined with a reason; who was admitted; and removing
 * anyone from the sitting, which ends their media at once. Fetched again with every change of the record.
 */
@Component({
  selector: 'plenum-lobby-panel',
  imports: [CommandProblem],
  providers: [LobbyCommands],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="lobby-heading" data-testid="lobby-panel">
      <h2 id="lobby-heading">{{ text().heading }} ({{ waiting().length }})</h2>
      @if (loadFailed()) {
        <p class="problem" role="alert">{{ text().loadFailed }}</p>
      }
      <p class="visually-hidden" aria-live="polite">{{ waiting().length > 0 ? text().waiting(waiting().length) : '' }}</p>
      @for (entry of waiting(); track entry.id) {
        <form class="entry" data-testid="lobby-entry" (submit)="$event.preventDefault(); admit(entry)">
          <p class="who">
            <strong data-testid="lobby-name">{{ entry.name }}</strong>
            <span class="meta">
              @if (entry.onRoster) {
                {{ text().returning }} ·
              }
              {{ text().since(translation.formatTime(entry.since, false)) }}
            </span>
          </p>
          <div class="fields">
            <label>
              {{ text().role }}
              <select data-testid="lobby-role" [value]="roleOf(entry.id)" (change)="setRole(entry.id, $any($event.target).value)">
                @for (role of roles; track role) {
                  <option [value]="role">{{ text().roles[role] }}</option>
                }
              </select>
            </label>
            @if (roleOf(entry.id) === 'SUBSTITUTE') {
              <label>
                {{ text().substituteFor }}
                <select data-testid="lobby-substitute-for" (change)="standsFor.set($any($event.target).value)">
                  <option value="">{{ text().chooseMember }}</option>
                  @for (member of members(); track member.id) {
                    <option [value]="member.id">{{ member.name }}</option>
                  }
                </select>
              </label>
            }
            @if (roleOf(entry.id) === 'PODIUM_GUEST') {
              <label class="check">
                <input type="checkbox" data-testid="lobby-item-only" [checked]="itemOnly()" (change)="itemOnly.set($any($event.target).checked)" />
                {{ text().currentItemOnly }}
              </label>
            }
          </div>
          <div class="actions">
            <button type="submit" data-testid="lobby-admit" [attr.aria-label]="text().admitName(entry.name)" [disabled]="commands.pending('admit')">
              {{ text().admit }}
            </button>
            <label class="reason">
              <span class="visually-hidden">{{ text().reason }}</span>
              <input
                type="text"
                maxlength="500"
                [placeholder]="text().reason"
                [attr.aria-label]="text().reason"
                (input)="reason.set($any($event.target).value)"
              />
            </label>
            <button
              type="button"
              class="secondary"
              data-testid="lobby-decline"
              [attr.aria-label]="text().declineName(entry.name)"
              [disabled]="commands.pending('decline')"
              (click)="decline(entry)"
            >
              {{ text().decline }}
            </button>
          </div>
        </form>
      } @empty {
        <p class="none" data-testid="lobby-empty">{{ text().empty }}</p>
      }
      <plenum-command-problem [message]="commands.problem('admit') ?? commands.problem('decline')" />
      <p class="hint">{{ text().neverVote }}</p>

      <h3>{{ text().admitted }}</h3>
      <ul class="admitted" data-testid="lobby-admitted">
        @for (entry of admitted(); track entry.id) {
          <li>
            <span class="who">
              <strong>{{ entry.name }}</strong>
              <span class="meta">
                {{ entry.role ? text().roles[entry.role] : '' }}
                @if (entry.substituteFor) {
                  {{ text().standsFor(entry.substituteFor) }}
                }
                @if (entry.forCurrentItemOnly) {
                  · {{ text().forItem }}
                }
              </span>
            </span>
            <button type="button" class="secondary" [attr.aria-label]="text().removeName(entry.name)" (click)="asking.set({ id: entry.id, name: entry.name })">
              {{ text().remove }}
            </button>
          </li>
        } @empty {
          <li class="none">{{ text().noneAdmitted }}</li>
        }
      </ul>

      <form class="remove-present" (submit)="$event.preventDefault(); askRemovePresent()">
        <label>
          {{ text().removePerson }}
          <select data-testid="remove-person" (change)="removing.set($any($event.target).value)">
            <option value="">{{ text().choosePerson }}</option>
            @for (person of present(); track person.id) {
              <option [value]="person.id">{{ person.name }}</option>
            }
          </select>
        </label>
        <button type="submit" class="secondary" [disabled]="removing() === ''">{{ text().remove }}</button>
      </form>
      @if (asking(); as who) {
        <div class="confirm" role="alertdialog" aria-labelledby="remove-question">
          <p id="remove-question">{{ text().confirmRemove(who.name) }}</p>
          <button type="button" data-testid="confirm-remove" [disabled]="commands.pending('remove')" (click)="remove(who.id)">{{ text().confirm }}</button>
          <button type="button" class="secondary" (click)="asking.set(null)">{{ text().back }}</button>
        </div>
      }
      <plenum-command-problem [message]="commands.problem('remove')" />
    </section>
  `,
  styles: `
    .entry {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--border);
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      margin: 0 0 0.25rem;
    }
    .meta,
    .none,
    .hint {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .fields,
    .actions,
    .remove-present,
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
      margin: 0.25rem 0;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
    }
    label.check {
      flex-direction: row;
      align-items: center;
    }
    .reason input {
      min-width: 10rem;
    }
    h3 {
      margin: 0.75rem 0 0.25rem;
      font-size: 1rem;
    }
    .admitted {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .admitted li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--border);
    }
    .confirm {
      padding: 0.5rem;
      border: 2px solid var(--danger);
    }
    .confirm p {
      flex: 1 1 100%;
      margin: 0;
    }
    .problem {
      color: var(--danger);
    }
  `,
})
export class LobbyPanel {
  protected readonly translation = inject(TranslationState);
  protected readonly commands = inject(LobbyCommands);
  private readonly chair = inject(ChairState);
  private readonly graphql = inject(GraphqlClient);

  protected readonly text = this.translation.catalogue(lobbyText);
  protected readonly roles = roles;
  protected readonly waiting = signal<readonly LobbyEntryFragment[]>([]);
  protected readonly admitted = signal<readonly LobbyEntryFragment[]>([]);
  protected readonly loadFailed = signal(false);
  private readonly chosenRoles = signal<Readonly<Record<string, AdmissionRole>>>({});
  protected readonly standsFor = signal('');
  protected readonly itemOnly = signal(true);
  protected readonly reason = signal('');
  protected readonly removing = signal('');
  protected readonly asking = signal<{ readonly id: string; readonly name: string } | null>(null);
  protected readonly members = computed(() => this.chair.people().filter((person) => person.roles.includes('MEMBER')));
  protected readonly present = computed(() => this.chair.procedure.procedure()?.attendance.present ?? []);

  constructor() {
    // Again with every change of the record: someone asks, is admitted, declined, removed.
    effect(() => {
      const sittingId = this.chair.procedure.sittingId();
      this.chair.procedure.seq();
      if (sittingId !== null) {
        untracked(() => void this.load(sittingId));
      }
    });
  }

  private async load(sittingId: string): Promise<void> {
    try {
      const { sitting } = await this.graphql.request(lobbyQuery, { sittingId });
      this.waiting.set(sitting?.lobby.waiting ?? []);
      this.admitted.set(sitting?.lobby.admitted ?? []);
      this.loadFailed.set(false);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected roleOf(entrantId: string): AdmissionRole {
    return this.chosenRoles()[entrantId] ?? 'GUEST';
  }

  protected setRole(entrantId: string, role: AdmissionRole): void {
    this.chosenRoles.update((chosen) => ({ ...chosen, [entrantId]: role }));
  }

  protected async admit(entry: LobbyEntryFragment): Promise<void> {
    const role = this.roleOf(entry.id);
    const standsFor = role === 'SUBSTITUTE' ? this.standsFor() || null : null;
    await this.commands.admit(entry.id, role, standsFor, role === 'PODIUM_GUEST' && this.itemOnly());
  }

  protected async decline(entry: LobbyEntryFragment): Promise<void> {
    await this.commands.decline(entry.id, this.reason().trim() || null);
  }

  protected askRemovePresent(): void {
    const person = this.present().find((p) => p.id === this.removing());
    if (person) this.asking.set({ id: person.id, name: person.name });
  }

  protected async remove(participantId: string): Promise<void> {
    if (await this.commands.remove(participantId, this.reason().trim() || null)) {
      this.asking.set(null);
      this.removing.set('');
    }
  }
}
