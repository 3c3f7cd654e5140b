import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { minutesNoteKindNames, parenthesised } from '@contract/minutes-words';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { CommandProblem } from '../shared/command-problem';
import { deskText } from './desk-text';
import { DeskState } from './desk-state';
import type { ProtocolText } from './record-texts';

/**
 * The texts of the protocol a correction may replace (notes, points of order, notes on decisions),
 * newest first, as corrected so far. "Correct" opens the text for editing in place; saving appends a
 * correction naming the entry (seq and hash).
 */
@Component({
  selector: 'plenum-protocol-texts',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="help">{{ text().protocolHelp }}</p>
    @if (state.texts().length === 0) {
      <p class="help">{{ text().noTexts }}</p>
    } @else {
      <ol class="texts" data-testid="protocol-texts">
        @for (t of state.texts(); track t.seq) {
          <li data-testid="protocol-text" [attr.data-seq]="t.seq">
            <p class="head">
              <time [attr.datetime]="t.moment">{{ translation.formatTime(t.moment) }}</time>
              <span class="what">{{ text().what[t.what] }}{{ t.noteKind ? ' · ' + kindName(t) : '' }}</span>
              @if (t.corrections > 0) {
                <span class="corrected" data-testid="text-corrected">{{ text().corrected(t.corrections) }}</span>
              }
            </p>
            @if (editing() === t.seq) {
              <form class="correction" (submit)="$event.preventDefault(); save(t, correction.value)">
                <label>
                  {{ text().correctLabel(t.seq) }}
                  <input #correction type="text" data-testid="correction-text" [attr.maxlength]="limit" [value]="t.text" />
                </label>
                <button type="submit" data-testid="correction-save" [disabled]="state.pending('correction')">{{ text().saveCorrection }}</button>
                <button type="button" (click)="editing.set(null)">{{ text().cancel }}</button>
              </form>
            } @else {
              <p class="body">
                <span [class.note]="t.what === 'minutes_note'">{{ t.what === 'minutes_note' ? parenthesised(t.text) : t.text }}</span>
                <button type="button" class="correct" data-testid="correct" (click)="editing.set(t.seq)">{{ text().correct }}</button>
              </p>
            }
          </li>
        }
      </ol>
    }
    <plenum-command-problem [message]="state.problem('correction')" />
  `,
  styles: `
    .help {
      margin: 0 0 0.5rem;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .texts {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .head {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .body {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
      overflow-wrap: anywhere;
    }
    .note {
      font-style: italic;
    }
    .correction {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .correction label {
      display: grid;
      flex: 1 1 14rem;
    }
  `,
})
export class ProtocolTexts {
  protected readonly translation = inject(TranslationState);
  protected readonly state = inject(DeskState);

  protected readonly text = this.translation.catalogue(deskText);
  protected readonly limit = textLimits.note;
  protected readonly parenthesised = parenthesised;
  protected readonly editing = signal<number | null>(null);
  private readonly language = computed(() => this.translation.language());

  protected kindName(t: ProtocolText): string {
    const kind = t.noteKind?.toLowerCase();
    const names = minutesNoteKindNames[this.language()];
    return kind === 'applause' || kind === 'interjection' || kind === 'call' || kind === 'other' ? names[kind] : '';
  }

  protected async save(t: ProtocolText, value: string): Promise<void> {
    if (await this.state.correct(t.seq, t.hash, value)) {
      this.editing.set(null);
    }
  }
}
