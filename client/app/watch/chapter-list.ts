import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { formatOffset, type RecordingChapter } from './chapters';
import { watchText } from './watch-text';

/** The recording's chapters: an agenda item, and the speeches under it; each a button that jumps there. */
@Component({
  selector: 'plenum-chapter-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="chapters" [attr.aria-label]="text().chapters" data-testid="chapters">
      <h2>{{ text().chapters }}</h2>
      @if (chapters().length > 0) {
        <p class="hint">{{ text().chaptersHint }}</p>
        <ol>
          @for (c of chapters(); track $index) {
            <li [class.item]="c.kind === 'ITEM'" [class.speech]="c.kind === 'SPEECH'">
              <button
                type="button"
                data-testid="chapter"
                [attr.data-kind]="c.kind"
                [attr.data-offset]="c.offsetSeconds"
                [attr.aria-current]="$index === current() ? 'true' : null"
                (click)="jump.emit(c.offsetSeconds)"
              >
                <span class="time">{{ offset(c.offsetSeconds) }}</span>
                <span class="title">{{ label(c) }}</span>
              </button>
            </li>
          }
        </ol>
      } @else {
        <p class="hint">{{ text().noChapters }}</p>
      }
    </nav>
  `,
  styles: `
    .chapters {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 0.5rem;
      padding: 0.75rem 1rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    .hint {
      margin: 0 0 0.5rem;
      color: var(--muted);
      font-size: 0.875rem;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 28rem;
      overflow-y: auto;
    }
    li.speech {
      padding-left: 1rem;
    }
    button {
      display: flex;
      gap: 0.75rem;
      width: 100%;
      padding: 0.375rem 0.5rem;
      border: 0;
      border-radius: 0.25rem;
      background: transparent;
      color: inherit;
      text-align: left;
      font: inherit;
      cursor: pointer;
    }
    li.item button {
      font-weight: 700;
    }
    button:hover {
      background: var(--accent-soft);
    }
    button[aria-current='true'] {
      background: var(--accent-soft);
      box-shadow: inset 3px 0 0 var(--accent);
    }
    .time {
      min-width: 3.5rem;
      font-variant-numeric: tabular-nums;
      color: var(--muted);
    }
  `,
})
export class ChapterList {
  protected readonly text = inject(TranslationState).catalogue(watchText);

  readonly chapters = input.required<readonly RecordingChapter[]>();
  /** The chapter playing now (-1: none). */
  readonly current = input(-1);
  /** Seconds into the recording the visitor asked to jump to. */
  readonly jump = output<number>();

  protected offset(seconds: number): string {
    return formatOffset(seconds);
  }

  protected label(c: RecordingChapter): string {
    if (c.kind === 'ITEM') return this.text().chapterItem(c.agendaPosition, c.title);
    return c.factionShortName ? `${c.title} (${c.factionShortName})` : c.title;
  }
}
