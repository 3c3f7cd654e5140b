import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState, type Subroom } from '../media/arrangements-state';
import { CommandProblem } from '../shared/command-problem';
import { chamberText } from './chamber-text';

/**
 * Faction consultations for a member: invitations to accept or decline; the subroom one is in,
 * with who is there, more invitations, leaving and closing; or a form to open one for one's
 * faction and invite its members.
 */
@Component({
  selector: 'plenum-subroom-panel',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let chamber = arrangements.chamber();
    @for (room of chamber?.myInvitations ?? []; track room.id) {
      <p class="invitation" data-testid="subroom-invitation" [attr.data-subroom]="room.id">
        <span>{{ text().invitation(room.name, room.openedBy?.name ?? text().someone) }}</span>
        <button
          type="button"
          data-testid="accept-invitation"
          [attr.aria-label]="text().acceptNamed(room.name)"
          [disabled]="arrangements.pending('invitation')"
          (click)="accept(room)"
        >
          {{ text().acceptInvitation }}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="decline-invitation"
          [attr.aria-label]="text().declineNamed(room.name)"
          [disabled]="arrangements.pending('invitation')"
          (click)="decline(room)"
        >
          {{ text().declineInvitation }}
        </button>
      </p>
    }
    <plenum-command-problem [message]="arrangements.problem('invitation')" />

    @if (chamber?.mySubroom; as room) {
      <p class="in-subroom" data-testid="in-subroom" [attr.data-subroom]="room.id">{{ text().inSubroom(room.name) }}</p>
      <p class="hint">{{ text().subroomHint }}</p>
      <h3>{{ text().inTheSubroom }}</h3>
      <ul class="people">
        @for (person of room.members; track person.id) {
          <li>{{ person.name }}</li>
        }
      </ul>
      @if (room.invited.length > 0) {
        <h3>{{ text().invitedToIt }}</h3>
        <ul class="people">
          @for (person of room.invited; track person.id) {
            <li>{{ person.name }}</li>
          }
        </ul>
      }
    } @else {
      <h3>{{ text().openSubroom }}</h3>
      <label class="name">
        {{ text().subroomName }}
        <input type="text" [attr.maxlength]="nameLimit" data-testid="subroom-name" [value]="name() ?? defaultName()" (input)="setName($event)" />
      </label>
    }

    <fieldset class="invitees">
      <legend>{{ text().invite }}</legend>
      @for (person of candidates(); track person.id) {
        <label>
          <input type="checkbox" [attr.data-testid]="'invite-' + person.id" [checked]="chosen().has(person.id)" (change)="toggle(person.id)" />
          {{ person.name }}
        </label>
      } @empty {
        <p class="hint">{{ text().nobodyToInvite }}</p>
      }
    </fieldset>

    <div class="actions">
      @if (chamber?.mySubroom; as room) {
        <button type="button" data-testid="invite-to-subroom" [disabled]="busy() || chosen().size === 0" (click)="invite(room)">
          {{ text().sendInvitations }}
        </button>
        <button type="button" class="secondary" data-testid="leave-subroom" [disabled]="busy()" (click)="leave(room)">{{ text().leaveSubroom }}</button>
        @if (room.openedBy?.id === arrangements.me()?.id) {
          <button type="button" class="danger" data-testid="close-subroom" [disabled]="busy()" (click)="close(room)">{{ text().closeSubroom }}</button>
        }
      } @else {
        <button type="button" data-testid="open-subroom" [disabled]="busy() || roomName() === ''" (click)="open()">{{ text().openSubroomButton }}</button>
      }
    </div>
    <plenum-command-problem [message]="arrangements.problem('subroom')" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .invitation,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
    }
    .in-subroom {
      margin: 0;
      font-weight: 600;
      color: var(--accent);
    }
    .hint {
      margin: 0;
      color: var(--muted);
    }
    h3 {
      margin: 0.5rem 0 0;
      font-size: 1rem;
    }
    .people {
      margin: 0;
      padding-left: 1.25rem;
    }
    .name {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .invitees {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      max-height: 12rem;
      overflow-y: auto;
      margin: 0;
      border: 1px solid var(--border);
      border-radius: 4px;
    }
  `,
})
export class SubroomPanel {
  protected readonly arrangements = inject(ArrangementsState);
  protected readonly text = inject(TranslationState).catalogue(chamberText);

  protected readonly name = signal<string | null>(null);
  /** The server's limit on a consultation's name (contract/text-limits.ts). */
  protected readonly nameLimit = textLimits.subroomName;
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());

  /** The name typed, or the default one from the faction. */
  protected readonly defaultName = computed(() => this.text().defaultSubroomName(this.arrangements.me()?.faction?.shortName ?? ''));
  protected readonly roomName = computed(() => (this.name() ?? this.defaultName()).trim());
  /** Faction members not yet in or invited to my subroom. */
  protected readonly candidates = computed(() => {
    const room = this.arrangements.chamber()?.mySubroom;
    const taken = new Set([...(room?.members ?? []), ...(room?.invited ?? [])].map((person) => person.id));
    return this.arrangements.invitable().filter((person) => !taken.has(person.id));
  });
  protected readonly busy = computed(() => this.arrangements.pending('subroom'));

  protected setName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
  }

  protected toggle(personId: string): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (!next.delete(personId)) {
        next.add(personId);
      }
      return next;
    });
  }

  protected async open(): Promise<void> {
    if (await this.arrangements.openSubroom(this.roomName(), [...this.chosen()])) {
      this.chosen.set(new Set());
    }
  }

  protected async invite(room: Subroom): Promise<void> {
    if (await this.arrangements.invite(room.id, [...this.chosen()])) {
      this.chosen.set(new Set());
    }
  }

  protected accept(room: Subroom): void {
    void this.arrangements.accept(room.id);
  }

  protected decline(room: Subroom): void {
    void this.arrangements.decline(room.id);
  }

  protected leave(room: Subroom): void {
    void this.arrangements.leaveSubroom(room.id);
  }

  protected close(room: Subroom): void {
    void this.arrangements.closeSubroom(room.id);
  }
}
