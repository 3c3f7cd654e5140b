import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { AgendaAmendment } from '../procedure/procedure-state';
import { procedureText } from '../procedure/procedure-text';
import type { RequestKind } from '../shared/graphql-schema.generated';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { eventEntries, type EventEntry } from './event-entries';

/** Points of order, then hands, then joins; newest first within each (see eventEntries). */
@Component({
  selector: 'plenum-event-console',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Focusable: the list scrolls, and keyboard users scroll it too. -->
    <ol class="events" data-testid="event-console" tabindex="0" [attr.aria-label]="text().events" aria-live="polite" aria-relevant="additions">
      @for (entry of entries(); track entry.key) {
        <li [attr.data-kind]="entry.kind" data-testid="event-entry">
          <span class="badge">{{ text().eventKind[entry.kind] }}</span>
          @if (entry.amendment; as amendment) {
            <span class="who">{{ summary(amendment) }}</span>
            <span class="detail"
              >{{ text().amendmentOn[amendment.authorityKind](amendment.authorityReference) }}{{ entry.person ? ' · ' + entry.person.name : '' }}</span
            >
          } @else {
            <span class="who">{{ entry.person?.name }}{{ entry.person?.faction ? ' (' + entry.person?.faction?.shortName + ')' : '' }}</span>
            <span class="detail">{{ detail(entry) }}</span>
          }
          <time [attr.datetime]="entry.at">{{ translation.formatTime(entry.at) }}</time>
        </li>
      } @empty {
        <li class="empty">{{ text().noEvents }}</li>
      }
    </ol>
  `,
  styles: `
    .events {
      max-height: 20rem;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      list-style: none;
    }
    /* Badge and time on the first line, who and what below: fits a narrow console column. */
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0 0.5rem;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--border);
    }
    li.empty {
      display: block;
      color: var(--muted);
    }
    .badge {
      grid-column: 1;
      grid-row: 1;
      justify-self: start;
      align-self: start;
      padding: 0 0.375rem;
      border-radius: 0.25rem;
      font-size: 0.8125rem;
      font-weight: 700;
      text-align: center;
    }
    [data-kind='point-of-order'] .badge {
      background: #7a3a00;
      color: #ffffff;
    }
    [data-kind='hand'] .badge {
      background: var(--accent);
      color: #ffffff;
    }
    [data-kind='agenda'] .badge {
      background: #3d3d8f;
      color: #ffffff;
    }
    [data-kind='join'] .badge {
      background: #e6e8eb;
      color: var(--text);
    }
    .who {
      grid-column: 1 / -1;
      font-weight: 600;
    }
    .detail {
      grid-column: 1 / -1;
      color: var(--muted);
      font-size: 0.875rem;
    }
    time {
      grid-column: 2;
      grid-row: 1;
      color: var(--muted);
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class EventConsole {
  private readonly state = inject(ChairState);
  protected readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  private readonly words = this.translation.catalogue(procedureText);

  protected readonly entries = computed(() => {
    const procedure = this.state.procedure.procedure();
    if (procedure === null) {
      return [];
    }
    const questions = (procedure.floor?.pendingInterjections ?? [])
      .filter((question) => !question.accepted)
      .map((question) => ({ ...question, id: question.requestId, kind: 'INTERJECTION' as const }));
    const hands = [...procedure.speakerList.requests, ...questions];
    return eventEntries(procedure.pointsOfOrder, hands, this.state.procedure.joins(), procedure.agendaAmendments);
  });

  /** "Item 3 “…” moved to position 2", in the interface language. */
  protected summary(amendment: AgendaAmendment): string {
    return this.text().amendmentSummary[amendment.kind](amendment.title, amendment.position, amendment.fromPosition ?? null);
  }

  protected detail(entry: EventEntry): string {
    if (entry.kind === 'point-of-order' && entry.detail !== null) {
      const category = this.state.procedure.categories().find((candidate) => candidate.id === entry.detail);
      return category ? this.translation.pick({ de: category.labelDe, en: category.labelEn }) : entry.detail;
    }
    if (entry.kind === 'hand' && entry.detail !== null) {
      return this.words().requestKind[entry.detail as RequestKind] ?? entry.detail;
    }
    return this.text().joined;
  }
}
