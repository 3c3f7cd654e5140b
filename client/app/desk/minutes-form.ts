import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { ServerClock } from '../procedure/server-clock';
import { CommandProblem } from '../shared/command-problem';
import type { MinutesNoteKind } from '../shared/graphql-schema.generated';
import { deskText } from './desk-text';
import { DeskState } from './desk-state';

const kinds: readonly MinutesNoteKind[] = ['APPLAUSE', 'INTERJECTION', 'CALL', 'OTHER'];

/**
 * A minutes note: applause, an interjection, a call, typed as a record entry with its moment. The
 * moment is taken at the first key (when it happened, not when the clerk finished typing); Enter
 * records it. One button per group present fills in "Applause from the …".
 */
@Component({
  selector: 'plenum-minutes-form',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!underway()) {
      <p class="help not-now" data-testid="notes-not-now">{{ text().notesNotNow }}</p>
    }
    <form class="note-form" (submit)="$event.preventDefault(); record()">
      <label>
        {{ text().noteKind }}
        <select #kindSelect data-testid="note-kind" [disabled]="!underway()" [value]="kind()" (change)="kind.set(asKind(kindSelect.value))">
          @for (k of kinds; track k) {
            <option [value]="k">{{ text().noteKinds[k] }}</option>
          }
        </select>
      </label>
      <label class="text">
        {{ text().noteText }}
        <input
          #noteInput
          type="text"
          autocomplete="off"
          data-testid="note-text"
          aria-describedby="note-help"
          [attr.maxlength]="limit"
          [disabled]="!underway()"
          [value]="draft()"
          (input)="typed(noteInput.value)"
        />
      </label>
      <button type="submit" data-testid="note-record" [disabled]="!underway() || !draft().trim() || state.pending('note')">{{ text().recordNote }}</button>
    </form>
    <p id="note-help" class="help">
      {{ text().noteHelp }}
      @if (moment(); as m) {
        <span data-testid="note-moment">{{ text().noteMoment(translation.formatTime(m)) }}</span>
      }
    </p>
    @if (underway() && groups().length > 0) {
      <ul class="groups">
        @for (g of groups(); track g) {
          <li>
            <button type="button" (click)="applause(g)">{{ text().applauseFrom(g) }}</button>
          </li>
        }
      </ul>
    }
    <plenum-command-problem [message]="state.problem('note')" />
  `,
  styles: `
    .note-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .note-form label {
      display: grid;
      gap: 0.25rem;
    }
    .note-form .text {
      flex: 1 1 16rem;
    }
    .help {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .not-now {
      margin: 0 0 0.5rem;
    }
    .groups {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0;
      margin: 0.5rem 0 0;
    }
  `,
})
export class MinutesForm {
  protected readonly translation = inject(TranslationState);
  protected readonly state = inject(DeskState);
  private readonly clock = inject(ServerClock);

  protected readonly text = this.translation.catalogue(deskText);
  protected readonly kinds = kinds;
  protected readonly limit = textLimits.note;
  protected readonly kind = signal<MinutesNoteKind>('APPLAUSE');
  protected readonly draft = signal('');
  /** When the clerk began the note: the moment it is about. */
  protected readonly moment = signal<string | null>(null);
  /** Notes are taken while the sitting is open or suspended (the rules refuse them before and after). */
  protected readonly underway = computed(() => {
    const phase = this.state.procedure.procedure()?.phase;
    return phase === 'OPEN' || phase === 'SUSPENDED';
  });
  /** The groups present, by the roster's spelling. */
  protected readonly groups = computed(() =>
    (this.state.procedure.procedure()?.attendance.perFaction ?? []).flatMap((f) => (f.faction && f.present > 0 ? [f.faction.shortName] : [])),
  );

  protected asKind(value: string): MinutesNoteKind {
    return kinds.find((k) => k === value) ?? 'OTHER';
  }

  protected typed(value: string): void {
    if (this.moment() === null && value.trim()) {
      this.moment.set(this.nowOnServer());
    }
    this.draft.set(value);
    if (!value.trim()) {
      this.moment.set(null);
    }
  }

  protected applause(group: string): void {
    this.kind.set('APPLAUSE');
    this.moment.set(this.nowOnServer());
    this.draft.set(this.text().applauseTemplate(group));
  }

  /** The server's time now: the record's moments are on its clock, not this browser's. */
  private nowOnServer(): string {
    return new Date(Date.now() + this.clock.offset()).toISOString();
  }

  protected async record(): Promise<void> {
    const text = this.draft().trim();
    if (!text) {
      return;
    }
    if (await this.state.noteMinutes(this.kind(), text, this.moment())) {
      this.draft.set('');
      this.moment.set(null);
    }
  }
}
