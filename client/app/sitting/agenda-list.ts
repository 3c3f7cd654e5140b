import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { AgendaItem } from './sitting-state';
import { sittingText } from './sitting-text';

/** The agenda in the order given, each item with its number, kind and description. */
@Component({
  selector: 'plenum-agenda-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0) {
      <ol class="agenda">
        @for (item of items(); track item.id) {
          <li class="agenda-item" data-testid="agenda-item" [attr.value]="item.position">
            <span class="agenda-position" aria-hidden="true">{{ item.position }}</span>
            <div class="agenda-body">
              <h3 class="agenda-title">{{ item.title }}</h3>
              <p class="agenda-kind">{{ text().agendaItemKind[item.kind] }}</p>
              @if (item.debateMinutes !== null) {
                <p class="agenda-debate">{{ text().debateMinutes(item.debateMinutes) }}</p>
              }
              @if (item.description) {
                <p class="agenda-description">{{ item.description }}</p>
              }
              @if (item.documentLinks.length > 0) {
                <ul class="agenda-documents" [attr.aria-label]="text().documents">
                  @for (link of item.documentLinks; track $index) {
                    <li>
                      <a [href]="link" rel="noopener noreferrer" target="_blank">{{ link }}</a>
                    </li>
                  }
                </ul>
              }
            </div>
          </li>
        }
      </ol>
    } @else {
      <p>{{ text().emptyAgenda }}</p>
    }
  `,
  styles: `
    .agenda {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .agenda-item {
      display: flex;
      gap: 1rem;
      padding: 0.75rem 0;
      border-top: 1px solid var(--border);
    }
    .agenda-item:first-child {
      border-top: none;
    }
    .agenda-position {
      flex: none;
      width: 2.25rem;
      height: 2.25rem;
      border-radius: 50%;
      background: var(--accent);
      color: #ffffff;
      font-weight: 700;
      line-height: 2.25rem;
      text-align: center;
    }
    .agenda-title {
      margin: 0;
      font-size: 1.05rem;
    }
    .agenda-kind {
      margin: 0.125rem 0 0;
      color: var(--muted);
      font-size: 0.875rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .agenda-description,
    .agenda-debate {
      margin: 0.375rem 0 0;
    }
    .agenda-documents {
      margin: 0.375rem 0 0;
      padding-left: 1.25rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class AgendaList {
  readonly items = input.required<readonly AgendaItem[]>();

  protected readonly text = inject(TranslationState).catalogue(sittingText);
}
