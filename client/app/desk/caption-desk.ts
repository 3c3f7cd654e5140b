import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { CommandProblem } from '../shared/command-problem';
import { deskText } from './desk-text';
import { DeskState } from './desk-state';
import { insertPrefix, speakerPrefixes, type SpeakerPrefix } from './speaker-prefixes';

/**
 * Captions typed live, keyboard only: Enter sends the line to the stream (addCaption) and empties the
 * field; Alt+1…9 insert a speaker's name (the speaker on the floor, the presiding chair, the next and
 * recent speakers). The buttons do the same for the mouse and list the shortcuts.
 */
@Component({
  selector: 'plenum-caption-desk',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="field" for="caption-input">{{ text().captionLabel }}</label>
    <input
      #field
      id="caption-input"
      type="text"
      autocomplete="off"
      data-testid="caption-input"
      aria-describedby="caption-help"
      [attr.maxlength]="limit"
      [value]="draft()"
      [attr.aria-busy]="state.pending('caption')"
      [disabled]="!live()"
      (input)="typed(field.value)"
      (keydown)="key($event, field)"
    />
    <p id="caption-help" class="help">{{ live() ? text().captionHelp : text().captionsNotLive }}</p>
    <plenum-command-problem [message]="state.problem('caption')" />
    <h3 class="sub">{{ text().prefixes }}</h3>
    @if (prefixes().length === 0) {
      <p class="help">{{ text().noPrefixes }}</p>
    } @else {
      <ul class="prefixes" data-testid="speaker-prefixes">
        @for (p of prefixes(); track p.person.id) {
          <li>
            <button type="button" class="prefix" [attr.data-key]="p.key" [title]="text().insertPrefix(p.key, p.person.name)" (click)="insert(p, field)">
              <kbd>Alt+{{ p.key }}</kbd> {{ p.person.name }} <span class="role">({{ text().prefixRole[p.role] }})</span>
            </button>
          </li>
        }
      </ul>
    }
    <h3 class="sub">{{ text().captionsSent }}</h3>
    @if (state.captions().length === 0) {
      <p class="help">{{ text().noCaptionsYet }}</p>
    } @else {
      <ol class="sent" data-testid="captions-sent" aria-live="polite">
        @for (c of state.captions(); track c.at + c.text) {
          <li>
            <time [attr.datetime]="c.at">{{ translation.formatTime(c.at) }}</time> {{ c.text }}
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .field {
      display: block;
      font-weight: 600;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: 1.25rem;
      padding: 0.5rem;
    }
    .help {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .sub {
      font-size: 1rem;
      margin: 0.75rem 0 0.25rem;
    }
    .prefixes {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0;
      margin: 0;
    }
    .prefix .role {
      font-size: 0.85rem;
    }
    .sent {
      list-style: none;
      padding: 0;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .sent time {
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class CaptionDesk {
  protected readonly translation = inject(TranslationState);
  protected readonly state = inject(DeskState);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  protected readonly text = this.translation.catalogue(deskText);
  protected readonly limit = textLimits.caption;
  protected readonly draft = signal('');
  /** Captions go to the stream, which runs while the sitting is open or suspended. */
  protected readonly live = computed(() => {
    const phase = this.state.procedure.procedure()?.phase;
    return phase === 'OPEN' || phase === 'SUSPENDED';
  });
  protected readonly prefixes = computed(() => speakerPrefixes(this.state.procedure.procedure(), this.state.recent()));

  constructor() {
    // Who holds the floor joins the recent speakers, so Alt+digit still finds them after they spoke.
    effect(() => this.state.noteFloor(this.state.procedure.procedure()?.floor?.person));
  }

  protected typed(value: string): void {
    this.draft.set(value);
  }

  protected key(event: KeyboardEvent, field: HTMLInputElement): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send(field);
      return;
    }
    // Alt+digit by the key's place (Digit1…), not the character: Alt+1 types "¡" on some layouts.
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
    if (event.altKey && !event.ctrlKey && !event.metaKey && digit) {
      const prefix = this.prefixes().find((p) => p.key === Number(digit));
      event.preventDefault();
      if (prefix) {
        this.insert(prefix, field);
      }
    }
  }

  protected insert(prefix: SpeakerPrefix, field: HTMLInputElement = this.field().nativeElement): void {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const next = insertPrefix(field.value, start, end, prefix.prefix);
    field.value = next.text;
    this.draft.set(next.text);
    field.focus();
    field.setSelectionRange(next.caret, next.caret);
  }

  private async send(field: HTMLInputElement): Promise<void> {
    const line = field.value.trim();
    if (!line || this.state.pending('caption')) {
      return;
    }
    // Emptied at once, so the captioner types on; put back if the stream refused it.
    field.value = '';
    this.draft.set('');
    if (!(await this.state.addCaption(line)) && field.value === '') {
      field.value = line;
      this.draft.set(line);
    }
  }
}
