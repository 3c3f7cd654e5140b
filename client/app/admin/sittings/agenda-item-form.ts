import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { agendaItemForm } from '@contract/forms/sitting-forms';
import { TranslationState } from '../../i18n/translation-state';
import { maxLengthOf } from '../../shared/form-check';
import type { AgendaItemKind } from '../../shared/graphql-schema.generated';
import { FieldProblem } from './field-problem';
import { agendaItemProblems, emptyAgendaItem, noRefusal, type AgendaItemTyped, type Refusal } from './sittings-logic';
import { sittingsText } from './sittings-text';

/** The order the kinds are offered in: the usual first. */
const kinds: readonly AgendaItemKind[] = ['DEBATE', 'VOTE', 'ELECTION', 'QUESTION_TIME', 'PROCEDURE', 'OTHER'];

/**
 * One agenda item's fields, for a new item or an existing one (edited in place). Checked with the
 * server's rules before `send` is called; what the server then refuses is shown at the field.
 */
@Component({
  selector: 'plenum-agenda-item-form',
  imports: [FieldProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate (submit)="$event.preventDefault(); submit()" [attr.data-testid]="idPrefix() + '-form'">
      <fieldset>
        <legend>{{ heading() }}</legend>
        <div class="field">
          <label [for]="id('title')">{{ text().itemTitle }}</label>
          <input
            [id]="id('title')"
            required
            [attr.maxlength]="titleMax"
            [value]="typed().title"
            (input)="set({ title: value($event) })"
            [attr.aria-invalid]="problem('title') ? true : null"
            [attr.aria-describedby]="problem('title') ? id('title-problem') : null"
          />
          <plenum-field-problem [id]="id('title-problem')" [message]="problem('title')" />
        </div>
        <div class="row">
          <div class="field">
            <label [for]="id('kind')">{{ text().itemKind }}</label>
            <select [id]="id('kind')" [value]="typed().kind" (change)="set({ kind: kindOf($event) })" [attr.aria-invalid]="problem('kind') ? true : null">
              @for (k of kinds; track k) {
                <option [value]="k" [selected]="k === typed().kind">{{ text().kind[k] }}</option>
              }
            </select>
            <plenum-field-problem [message]="problem('kind')" />
          </div>
          <div class="field">
            <label [for]="id('minutes')">{{ text().debateMinutes }}</label>
            <input
              [id]="id('minutes')"
              type="number"
              inputmode="numeric"
              min="1"
              [max]="minutesMax"
              step="1"
              [value]="typed().debateMinutes"
              (input)="set({ debateMinutes: value($event) })"
              [attr.aria-invalid]="problem('debateMinutes') ? true : null"
              [attr.aria-describedby]="problem('debateMinutes') ? id('minutes-hint') + ' ' + id('minutes-problem') : id('minutes-hint')"
            />
            <p class="hint" [id]="id('minutes-hint')">{{ text().debateMinutesHint }}</p>
            <plenum-field-problem [id]="id('minutes-problem')" [message]="problem('debateMinutes')" />
          </div>
        </div>
        <div class="field">
          <label [for]="id('description')">{{ text().description }}</label>
          <textarea
            [id]="id('description')"
            rows="3"
            [attr.maxlength]="descriptionMax"
            [value]="typed().description"
            (input)="set({ description: value($event) })"
            [attr.aria-invalid]="problem('description') ? true : null"
            [attr.aria-describedby]="problem('description') ? id('description-problem') : null"
          ></textarea>
          <plenum-field-problem [id]="id('description-problem')" [message]="problem('description')" />
        </div>
        <div class="field">
          <label [for]="id('links')">{{ text().documentLinks }}</label>
          <textarea
            [id]="id('links')"
            rows="3"
            spellcheck="false"
            autocapitalize="off"
            inputmode="url"
            [value]="typed().documentLinks"
            (input)="set({ documentLinks: value($event) })"
            [attr.aria-invalid]="problem('documentLinks') ? true : null"
            [attr.aria-describedby]="problem('documentLinks') ? id('links-hint') + ' ' + id('links-problem') : id('links-hint')"
          ></textarea>
          <p class="hint" [id]="id('links-hint')">{{ text().documentLinksHint }}</p>
          <plenum-field-problem [id]="id('links-problem')" [message]="problem('documentLinks')" />
        </div>
        @if (refusal().general; as general) {
          <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
        }
        <div class="form-actions">
          <button type="submit" [attr.data-testid]="idPrefix() + '-submit'" [disabled]="busy()">{{ busy() ? text().working : submitLabel() }}</button>
          @if (discardLabel(); as discard) {
            <button type="button" class="secondary" (click)="discarded.emit()">{{ discard }}</button>
          }
        </div>
      </fieldset>
    </form>
  `,
  styleUrl: './sittings.css',
  host: { class: 'agenda-item-form' },
})
export class AgendaItemForm {
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(sittingsText);
  protected readonly kinds = kinds;
  protected readonly titleMax = maxLengthOf(agendaItemForm.title);
  protected readonly descriptionMax = maxLengthOf(agendaItemForm.description);
  protected readonly minutesMax = agendaItemForm.debateMinutes.max;

  readonly heading = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** A button to leave the form without saving (editing); none when null (the form for a new item). */
  readonly discardLabel = input<string | null>(null);
  /** Makes the ids of this form's fields unique on the page. */
  readonly idPrefix = input.required<string>();
  /** The fields as the form opens; a new value starts the form over. */
  readonly initial = input<AgendaItemTyped>(emptyAgendaItem);
  /** Sends the checked fields; resolves to the server's refusal, or null when saved. */
  readonly send = input.required<(typed: AgendaItemTyped) => Promise<Refusal | null>>();
  readonly discarded = output<void>();

  protected readonly typed = signal<AgendaItemTyped>(emptyAgendaItem);
  protected readonly checked = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly refusal = signal<Refusal>(noRefusal);
  protected readonly busy = signal(false);
  protected readonly problemCount = computed(() => this.checked().size + this.refusal().fields.size);

  constructor() {
    effect(() => {
      const initial = this.initial();
      untracked(() => this.reset(initial));
    });
  }

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected kindOf(event: Event): AgendaItemKind {
    const value = (event.target as HTMLSelectElement).value;
    return kinds.find((k) => k === value) ?? 'OTHER';
  }

  protected problem(field: string): string | null {
    return this.checked().get(field) ?? this.refusal().fields.get(field) ?? null;
  }

  protected set(change: Partial<AgendaItemTyped>): void {
    this.typed.update((t) => ({ ...t, ...change }));
    this.checked.set(new Map());
    this.refusal.set(noRefusal);
  }

  private reset(to: AgendaItemTyped): void {
    this.typed.set(to);
    this.checked.set(new Map());
    this.refusal.set(noRefusal);
  }

  async submit(): Promise<void> {
    const typed = this.typed();
    const problems = agendaItemProblems(typed, this.translation.language());
    this.checked.set(problems);
    this.refusal.set(noRefusal);
    if (problems.size > 0) {
      this.focusField([...problems.keys()][0]!);
      return;
    }
    this.busy.set(true);
    try {
      const refusal = await this.send()(typed);
      if (refusal) {
        this.refusal.set(refusal);
        const first = [...refusal.fields.keys()][0];
        if (first) this.focusField(first);
      } else {
        this.reset(this.initial());
      }
    } catch (error: unknown) {
      this.refusal.set({ fields: new Map(), general: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy.set(false);
    }
  }

  private focusField(field: string): void {
    const ids: Record<string, string> = { title: 'title', kind: 'kind', debateMinutes: 'minutes', description: 'description', documentLinks: 'links' };
    setTimeout(() => document.getElementById(this.id(ids[field] ?? field))?.focus());
  }
}
