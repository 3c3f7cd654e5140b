import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslationState } from '../../i18n/translation-state';
import { ruleText } from '../../procedure/rule-text';
import { DialogFrame } from '../../shared/dialog-frame';
import { ErrorNotice } from '../../shared/error-notice';
import { GraphqlClient } from '../../shared/graphql-client';
import {
  addAgendaItemMutation,
  adminAgendaQuery,
  moveAgendaItemMutation,
  removeAgendaItemMutation,
  updateAgendaItemMutation,
  type AdminAgendaItemFieldsFragment,
  type AdminAgendaResult,
} from './admin-sittings.generated';
import { AgendaItemForm } from './agenda-item-form';
import { agendaItemInput, agendaItemTypedOf, arrangeable, editable, refusalOf, type AgendaItemTyped, type Refusal } from './sittings-logic';
import { sittingsText } from './sittings-text';
import { browserTimeZone, formatInZone } from './zoned-time';

type Item = AdminAgendaItemFieldsFragment;

/**
 * /admin/sittings/:id: a sitting's agenda, to add, correct, reorder and remove items. Before the
 * sitting opens it changes freely; while it runs, items are corrected and added at the end only
 * (reordering and removing is the chair's, through procedure); closed or cancelled, it is read only.
 * Reordering is by buttons, each move said to screen readers, the keyboard staying on the item.
 */
@Component({
  selector: 'plenum-admin-agenda-page',
  imports: [AgendaItemForm, DialogFrame, ErrorNotice, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a routerLink="..">{{ text().allSittings }}</a>
    </p>
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">{{ announcement() }}</p>
    @if (loadError(); as error) {
      <plenum-error-notice [heading]="text().agendaLoadFailed" [error]="error" />
    }
    @if (data(); as d) {
      @if (d.sitting; as s) {
        <h1>{{ text().agendaHeading(s.number, s.title) }}</h1>
        <p class="facts">
          <time [attr.datetime]="s.startsAt">{{ when(s.startsAt) }}</time> ·
          <span class="state" [attr.data-state]="s.state">{{ text().state_[s.state] }}</span>
        </p>
        <p class="notice" [attr.data-state]="s.state" data-testid="state-note">{{ text().stateNote[s.state] }}</p>

        <h2 id="items-heading">{{ text().items }}</h2>
        @if (items().length > 0) {
          <ol class="items" aria-labelledby="items-heading">
            @for (item of items(); track item.id; let first = $first, last = $last) {
              <li class="item" data-testid="agenda-item" [attr.data-item]="item.id">
                @if (editing()?.item?.id === item.id) {
                  <plenum-agenda-item-form
                    [heading]="text().editItemHeading(item.position)"
                    [submitLabel]="text().saveItem"
                    [discardLabel]="text().discardItem"
                    [idPrefix]="'edit-' + item.id"
                    [initial]="editing()!.initial"
                    [send]="editing()!.send"
                    (discarded)="stopEditing(item)"
                  />
                } @else {
                  <span class="position" aria-hidden="true">{{ item.position }}</span>
                  <div class="item-body">
                    <h3 class="item-title">
                      <span class="visually-hidden">{{ item.position }}. </span>{{ item.title }}
                    </h3>
                    <p class="item-kind">
                      {{ text().kind[item.kind] }}
                      @if (item.debateMinutes !== null) {
                        · {{ text().debate(item.debateMinutes) }}
                      }
                    </p>
                    @if (item.description) {
                      <p class="item-description">{{ item.description }}</p>
                    }
                    @if (item.documentLinks.length > 0) {
                      <ul class="item-links" [attr.aria-label]="text().documents">
                        @for (link of item.documentLinks; track $index) {
                          <li>
                            <a [href]="link" rel="noopener noreferrer" target="_blank">{{ link }}</a>
                          </li>
                        }
                      </ul>
                    }
                  </div>
                  @if (mayEdit()) {
                    <div class="item-actions">
                      @if (mayArrange()) {
                        <button
                          type="button"
                          class="secondary icon"
                          data-move="up"
                          [attr.data-item]="item.id"
                          [disabled]="first || busy()"
                          [attr.aria-label]="text().forItem(text().moveUp, item.position, item.title)"
                          [title]="text().moveUp"
                          (click)="move(item, -1)"
                        >
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button
                          type="button"
                          class="secondary icon"
                          data-move="down"
                          [attr.data-item]="item.id"
                          [disabled]="last || busy()"
                          [attr.aria-label]="text().forItem(text().moveDown, item.position, item.title)"
                          [title]="text().moveDown"
                          (click)="move(item, 1)"
                        >
                          <span aria-hidden="true">↓</span>
                        </button>
                      }
                      <button
                        type="button"
                        class="secondary"
                        data-testid="edit-item"
                        [attr.data-item]="item.id"
                        [disabled]="busy()"
                        [attr.aria-label]="text().forItem(text().editItem, item.position, item.title)"
                        (click)="startEditing(item)"
                      >
                        {{ text().editItem }}
                      </button>
                      @if (mayArrange()) {
                        <button
                          type="button"
                          class="secondary danger-text"
                          data-testid="remove-item"
                          [attr.data-item]="item.id"
                          [disabled]="busy()"
                          [attr.aria-label]="text().forItem(text().removeItem, item.position, item.title)"
                          (click)="openRemove(item)"
                        >
                          {{ text().removeItem }}
                        </button>
                      }
                    </div>
                  }
                }
              </li>
            }
          </ol>
        } @else {
          <p class="muted">{{ mayEdit() ? text().emptyAgendaAdd : text().emptyAgenda }}</p>
        }
        @if (moveRefusal(); as refusal) {
          <p class="refusal" role="alert">{{ text().refused }} {{ refusal }}</p>
        }

        @if (mayEdit()) {
          <plenum-agenda-item-form class="new-item" [heading]="text().newItem" [submitLabel]="text().addItem" idPrefix="new-item" [send]="addItem" />
        }
      } @else {
        <h1>{{ text().notFound }}</h1>
      }
    } @else if (loadError() === null) {
      <p role="status">{{ text().loadingAgenda }}</p>
    }

    <plenum-dialog-frame #removeDialog [heading]="removing() ? text().removeHeading(removing()!.position) : ''">
      @if (removing(); as item) {
        <p>{{ text().removeIntro(item.title) }}</p>
      }
      @if (removeRefusal(); as refusal) {
        <p class="refusal" role="alert">{{ text().refused }} {{ refusal }}</p>
      }
      <div class="dialog-actions">
        <button type="button" class="danger" data-testid="confirm-remove" [disabled]="busy()" (click)="remove()">
          {{ busy() ? text().working : text().removeSubmit }}
        </button>
        <button type="button" class="secondary" autofocus (click)="removeDialog.close()">{{ text().keepItem }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styleUrl: './sittings.css',
})
export class AgendaPage {
  private readonly graphql = inject(GraphqlClient);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(sittingsText);
  private readonly rules = this.translation.catalogue(ruleText);
  private readonly removeDialog = viewChild.required<DialogFrame>('removeDialog');

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly data = signal<AdminAgendaResult | null>(null);
  protected readonly loadError = signal<unknown>(null);
  protected readonly busy = signal(false);
  protected readonly announcement = signal('');
  /** The item edited in place, the fields it started with and how it is saved (fixed while it is edited). */
  protected readonly editing = signal<{ item: Item; initial: AgendaItemTyped; send: (typed: AgendaItemTyped) => Promise<Refusal | null> } | null>(null);
  protected readonly removing = signal<Item | null>(null);
  protected readonly removeRefusal = signal<string | null>(null);
  protected readonly moveRefusal = signal<string | null>(null);

  protected readonly items = computed<readonly Item[]>(() => [...(this.data()?.sitting?.agenda ?? [])].sort((a, b) => a.position - b.position));
  protected readonly state = computed(() => this.data()?.sitting?.state ?? 'CLOSED');
  protected readonly mayEdit = computed(() => editable(this.state()));
  protected readonly mayArrange = computed(() => arrangeable(this.state()));
  private readonly zone = computed(() => this.data()?.parliament?.timeZone ?? browserTimeZone());

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.data.set(null);
        void this.load(id);
      });
    });
  }

  async load(id = this.id()): Promise<void> {
    try {
      const result = await this.graphql.request(adminAgendaQuery, { id });
      if (id !== this.id()) return;
      this.data.set(result);
      this.loadError.set(null);
    } catch (error: unknown) {
      this.loadError.set(error);
    }
  }

  protected when(instant: string): string {
    return formatInZone(instant, this.zone(), this.translation.locale());
  }

  /** Adds at the end; the form is emptied when it is saved. */
  protected readonly addItem = async (typed: AgendaItemTyped): Promise<Refusal | null> => {
    const sittingId = this.id();
    const { addAgendaItem: r } = await this.graphql.request(addAgendaItemMutation, { sittingId, input: agendaItemInput(typed) });
    if (r.__typename !== 'MutationAddAgendaItemSuccess') return refusalOf(r, this.rules());
    this.announcement.set(this.text().added(r.data.title, r.data.position));
    await this.load();
    return null;
  };

  /** The whole item is sent: a field left empty is cleared. */
  private saveItem(item: Item): (typed: AgendaItemTyped) => Promise<Refusal | null> {
    return async (typed) => {
      const { updateAgendaItem: r } = await this.graphql.request(updateAgendaItemMutation, { id: item.id, input: agendaItemInput(typed) });
      if (r.__typename !== 'MutationUpdateAgendaItemSuccess') return refusalOf(r, this.rules());
      this.announcement.set(this.text().saved(r.data.title));
      this.editing.set(null);
      await this.load();
      this.focusItemButton(item.id, ['edit']);
      return null;
    };
  }

  protected startEditing(item: Item): void {
    this.editing.set({ item, initial: agendaItemTypedOf(item), send: this.saveItem(item) });
    setTimeout(() => document.getElementById(`edit-${item.id}-title`)?.focus());
  }

  protected stopEditing(item: Item): void {
    this.editing.set(null);
    this.focusItemButton(item.id, ['edit']);
  }

  async move(item: Item, by: -1 | 1): Promise<void> {
    const position = item.position + by;
    this.moveRefusal.set(null);
    this.busy.set(true);
    try {
      const { moveAgendaItem: r } = await this.graphql.request(moveAgendaItemMutation, { id: item.id, position });
      if (r.__typename !== 'MutationMoveAgendaItemSuccess') {
        this.moveRefusal.set(refusalOf(r, this.rules()).general ?? r.message);
        return;
      }
      await this.load();
      this.announcement.set(this.text().moved(item.title, r.data.position, this.items().length));
    } catch (error: unknown) {
      this.moveRefusal.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy.set(false);
    }
    // The item's row moved: the keyboard stays with it, on the same arrow while it can go further.
    this.focusItemButton(item.id, by < 0 ? ['up', 'down'] : ['down', 'up']);
  }

  protected openRemove(item: Item): void {
    this.removing.set(item);
    this.removeRefusal.set(null);
    this.removeDialog().open();
  }

  async remove(): Promise<void> {
    const item = this.removing();
    if (!item) return;
    const next = this.items()[item.position] ?? this.items()[item.position - 2];
    this.busy.set(true);
    try {
      const { removeAgendaItem: r } = await this.graphql.request(removeAgendaItemMutation, { id: item.id });
      if (r.__typename !== 'MutationRemoveAgendaItemSuccess') {
        this.removeRefusal.set(refusalOf(r, this.rules()).general ?? r.message);
        return;
      }
      this.removeDialog().close();
      this.announcement.set(this.text().removed(item.title));
      await this.load();
      // The dialog would give the keyboard back to the removed item's button: take it to a neighbour.
      if (next) this.focusItemButton(next.id, ['edit']);
    } catch (error: unknown) {
      this.removeRefusal.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Focuses the first of these buttons of an item that can take it, once the list has been drawn again. */
  private focusItemButton(itemId: string, which: readonly ('up' | 'down' | 'edit')[]): void {
    setTimeout(() => {
      for (const w of which) {
        const selector = w === 'edit' ? `[data-testid="edit-item"][data-item="${itemId}"]` : `[data-move="${w}"][data-item="${itemId}"]`;
        const button = document.querySelector<HTMLButtonElement>(selector);
        if (button && !button.disabled) {
          button.focus();
          return;
        }
      }
    });
  }
}
