import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, Injector, signal, viewChild, type OnInit } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { TranslationState } from '../../i18n/translation-state';
import { refusalText, ruleText } from '../../procedure/rule-text';
import { ErrorNotice } from '../../shared/error-notice';
import { GraphqlClient } from '../../shared/graphql-client';
import {
  boothInputOf,
  boothPatchOf,
  candidatesFor,
  defaultFloorLanguage,
  fieldProblems,
  languageName,
  sortBooths,
  staffNote,
  typedOf,
  type BoothTyped,
} from './booth-editing';
import { BoothForm } from './booth-form';
import {
  assignInterpreterMutation,
  boothsAdminQuery,
  createBoothMutation,
  removeBoothMutation,
  updateBoothMutation,
  type BoothFieldsFragment,
  type BoothPersonFragment,
  type BoothRefusalFragment,
  type BoothsAdminResult,
} from './booths.generated';
import { boothsText } from './booths-text';

/** Which form a refusal belongs to: the new booth's, or a booth's being changed. */
type FormKey = 'new' | `edit:${string}`;

/**
 * Parliament IT's booths (/admin/booths): each booth with its language, name and kind, changed in
 * place, removed after a confirmation; its interpreters, added from those with the interpreter role
 * whose membership has not ended and taken off one by one; a new booth below. Each result is shown
 * where the action was and announced once in a live region; refusals in words, by field or by the
 * rule that refused.
 */
@Component({
  selector: 'plenum-booths-page',
  imports: [BoothForm, ErrorNotice, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().heading }}</h1>
    <p class="intro">{{ text().intro }}</p>
    <!-- Screen readers hear each result here once; it is shown where the action was (message below). -->
    <p class="visually-hidden" role="status" data-testid="status">{{ said()?.kind === 'status' ? said()?.text : '' }}</p>
    <p class="visually-hidden" role="alert" data-testid="refusal">{{ said()?.kind === 'refusal' ? said()?.text : '' }}</p>
    <ng-template #message let-where>
      @if (said(); as m) {
        @if (m.where === where) {
          <p class="message" [class.refusal]="m.kind === 'refusal'" [attr.data-testid]="'message-' + m.kind">{{ m.text }}</p>
        }
      }
    </ng-template>
    @if (loadError(); as e) {
      <plenum-error-notice [heading]="text().loadFailed" [error]="e" />
      <button type="button" (click)="load()">{{ text().retry }}</button>
    }
    @if (requestError(); as e) {
      <plenum-error-notice [heading]="text().failed" [error]="e" />
    }
    @if (data(); as d) {
      <ng-container *ngTemplateOutlet="message; context: { $implicit: 'page' }" />
      <p class="hint" data-testid="floor-language">{{ text().floorLanguage(floorLanguageShown()) }}</p>
      <section aria-labelledby="booths-heading">
        <h2 id="booths-heading" tabindex="-1">{{ text().boothsHeading }}</h2>
        @if (booths().length === 0) {
          <p data-testid="no-booths">{{ text().noBooths }}</p>
        }
        <ul class="booths">
          @for (booth of booths(); track booth.id) {
            <li class="booth" [attr.data-booth]="booth.id">
              @if (editing() === booth.id) {
                <h3 [id]="'booth-' + booth.id + '-name'">{{ text().editBooth(booth.name) }}</h3>
                <plenum-booth-form
                  [idPrefix]="'edit-' + booth.id"
                  [initial]="typedOf(booth)"
                  [submitLabel]="text().save"
                  [busy]="busy()"
                  [cancellable]="true"
                  [focusFirst]="true"
                  [serverProblems]="problemsOf(editKey(booth.id))"
                  (submitted)="save(booth, $event)"
                  (cancelled)="stopEditing(booth.id)"
                />
              } @else {
                <div class="booth-head">
                  <div>
                    <h3 [id]="'booth-' + booth.id + '-name'">{{ booth.name }}</h3>
                    <p class="facts">
                      <span class="tag">{{ booth.language }}</span>
                      @if (nameOf(booth.language); as n) {
                        <span>{{ n }}</span>
                      }
                      <span aria-hidden="true">·</span>
                      <span>{{ text().kinds[booth.kind] }}</span>
                    </p>
                  </div>
                  <div class="actions">
                    <button
                      type="button"
                      class="secondary"
                      [id]="'edit-' + booth.id"
                      [disabled]="busy()"
                      [attr.aria-label]="text().editLabel(booth.name)"
                      (click)="startEditing(booth.id)"
                    >
                      {{ text().edit }}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      [id]="'remove-' + booth.id"
                      [disabled]="busy()"
                      [attr.aria-label]="text().removeLabel(booth.name)"
                      [attr.aria-expanded]="confirming() === booth.id"
                      (click)="confirmRemoval(booth.id)"
                    >
                      {{ text().remove }}
                    </button>
                  </div>
                </div>
                @if (confirming() === booth.id) {
                  <div class="confirm" role="group" [attr.aria-labelledby]="'confirm-' + booth.id">
                    <p [id]="'confirm-' + booth.id">{{ text().confirmRemove(booth.name) }}</p>
                    <div class="actions">
                      <button
                        type="button"
                        class="danger"
                        [id]="'confirm-remove-' + booth.id"
                        data-testid="confirm-remove"
                        [disabled]="busy()"
                        (click)="remove(booth)"
                      >
                        {{ text().confirmRemoveButton }}
                      </button>
                      <button type="button" class="secondary" [disabled]="busy()" (click)="keep(booth.id)">{{ text().keep }}</button>
                    </div>
                  </div>
                }
              }
              <ng-container *ngTemplateOutlet="message; context: { $implicit: booth.id }" />
              <h4 [id]="'staff-' + booth.id" tabindex="-1">{{ text().interpreters }}</h4>
              <ul class="staff" [attr.aria-labelledby]="'staff-' + booth.id">
                @for (person of booth.interpreters; track person.id) {
                  <li data-testid="interpreter">
                    <span class="person">
                      {{ person.name }}
                      @if (noteOf(person); as note) {
                        <span class="note">({{ text()[note] }})</span>
                      }
                    </span>
                    <button
                      type="button"
                      class="secondary small"
                      [disabled]="busy()"
                      [attr.aria-label]="text().takeOffLabel(person.name, booth.name)"
                      (click)="takeOff(person, booth)"
                    >
                      {{ text().takeOff }}
                    </button>
                  </li>
                } @empty {
                  <li class="muted">{{ text().noInterpreters }}</li>
                }
              </ul>
              @if (candidates(booth); as list) {
                @if (list.length > 0) {
                  <form class="add" (submit)="$event.preventDefault(); add(booth)">
                    <label [for]="'add-' + booth.id">{{ text().addInterpreter }}</label>
                    <div class="add-row">
                      <select
                        [id]="'add-' + booth.id"
                        [attr.aria-describedby]="'booth-' + booth.id + '-name'"
                        [value]="picked()[booth.id] ?? ''"
                        (change)="pick(booth.id, $any($event.target).value)"
                      >
                        <option value="">{{ text().choose }}</option>
                        @for (c of list; track c.id) {
                          <option [value]="c.id">{{ c.name }}{{ c.from ? ' — ' + text().movesFrom(c.from) : '' }}</option>
                        }
                      </select>
                      <button type="submit" [disabled]="busy() || !picked()[booth.id]">{{ text().add }}</button>
                    </div>
                  </form>
                } @else {
                  <p class="muted">{{ d.assignableInterpreters.length === 0 ? text().noneAssignable : text().noCandidates }}</p>
                }
              }
            </li>
          }
        </ul>
        @if (booths().length > 0) {
          <p class="hint">{{ text().reloadHint }}</p>
        }
      </section>
      <section aria-labelledby="new-booth-heading" class="new-booth">
        <h2 id="new-booth-heading">{{ text().newBooth }}</h2>
        <plenum-booth-form
          #newForm
          idPrefix="new-booth"
          [submitLabel]="text().create"
          [busy]="busy()"
          [serverProblems]="problemsOf('new')"
          (submitted)="create($event)"
        />
        <ng-container *ngTemplateOutlet="message; context: { $implicit: 'new' }" />
      </section>
    } @else if (!loadError()) {
      <p role="status">{{ text().loading }}</p>
    }
  `,
  styles: `
    .intro {
      max-width: 60rem;
    }
    .message {
      margin: 0.75rem 0 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--success, var(--border));
      background: var(--bg, transparent);
      font-weight: 600;
    }
    .message.refusal {
      border-left-color: var(--danger);
      background: var(--danger-soft);
    }
    .hint,
    .muted {
      color: var(--muted);
    }
    .booths {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .booth {
      min-width: 0;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--border);
      border-radius: 0.375rem;
      background: var(--surface);
    }
    .booth-head {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    h3 {
      margin: 0;
      font-size: 1.125rem;
      overflow-wrap: anywhere;
    }
    h4 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      margin: 0.25rem 0 0;
      color: var(--muted);
    }
    .tag {
      font-family: monospace;
      font-size: 0.9375rem;
      color: var(--text);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .confirm {
      margin: 0.75rem 0 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--danger);
      background: var(--danger-soft);
    }
    .confirm p {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .staff {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .staff li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.75rem;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--border);
    }
    .staff li.muted {
      border-bottom: 0;
    }
    .person {
      overflow-wrap: anywhere;
    }
    .note {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .add {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25rem;
      margin-top: 0.75rem;
    }
    .add label {
      font-weight: 600;
    }
    .add-row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.5rem;
    }
    .add select {
      width: 100%;
      min-width: 0;
      padding: 0.375rem 0.5rem;
      font: inherit;
    }
    .new-booth {
      max-width: 48rem;
      margin-top: 2rem;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--border);
      border-radius: 0.375rem;
      background: var(--surface);
    }
    .new-booth h2 {
      margin-top: 0;
    }
  `,
})
export class BoothsPage implements OnInit {
  private readonly graphql = inject(GraphqlClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(boothsText);
  private readonly rules = this.translation.catalogue(ruleText);
  private readonly newForm = viewChild<BoothForm>('newForm');
  protected readonly typedOf = typedOf;

  protected readonly data = signal<BoothsAdminResult | null>(null);
  protected readonly loadError = signal<unknown>(null);
  protected readonly requestError = signal<unknown>(null);
  protected readonly busy = signal(false);
  /** The last result: what it says, and where it is shown (a booth's id, 'new' or 'page'). */
  protected readonly said = signal<{ readonly kind: 'status' | 'refusal'; readonly text: string; readonly where: string } | null>(null);
  private readonly problems = signal<{ readonly form: FormKey; readonly byField: ReadonlyMap<string, string> } | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  /** Booth id → the person chosen in its "add" list. */
  protected readonly picked = signal<Readonly<Record<string, string>>>({});

  protected readonly floorLanguage = computed(() => this.data()?.parliamentSettings?.floorLanguage ?? defaultFloorLanguage);
  /** The floor language with its name: "de (Deutsch)". */
  protected readonly floorLanguageShown = computed(() => {
    const tag = this.floorLanguage();
    const name = languageName(tag, this.translation.language());
    return name ? `${tag} (${name})` : tag;
  });
  /** Spoken booths first, then sign language; by name. */
  protected readonly booths = computed(() => sortBooths(this.data()?.booths ?? []));
  private readonly assignableIds = computed(() => new Set((this.data()?.assignableInterpreters ?? []).map((p) => p.id)));

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.data.set(await this.graphql.request(boothsAdminQuery, {}));
    } catch (error: unknown) {
      this.loadError.set(error);
    }
  }

  protected editKey(id: string): FormKey {
    return `edit:${id}`;
  }

  protected problemsOf(form: FormKey): ReadonlyMap<string, string> {
    const p = this.problems();
    return p && p.form === form ? p.byField : noProblems;
  }

  protected nameOf(tag: string): string | null {
    return languageName(tag, this.translation.language());
  }

  protected noteOf(person: BoothPersonFragment): 'noRole' | 'ended' | null {
    return staffNote(person, this.assignableIds());
  }

  protected candidates(booth: BoothFieldsFragment) {
    return candidatesFor(booth, this.data()?.assignableInterpreters ?? []);
  }

  protected pick(boothId: string, personId: string): void {
    this.picked.update((p) => ({ ...p, [boothId]: personId }));
  }

  protected startEditing(id: string): void {
    this.confirming.set(null);
    this.problems.set(null);
    this.editing.set(id);
  }

  protected stopEditing(id: string): void {
    this.editing.set(null);
    this.problems.set(null);
    this.focusAfterRender(`#edit-${CSS.escape(id)}`);
  }

  protected confirmRemoval(id: string): void {
    this.confirming.set(id);
    this.focusAfterRender(`#confirm-remove-${CSS.escape(id)}`);
  }

  protected keep(id: string): void {
    this.confirming.set(null);
    this.focusAfterRender(`#remove-${CSS.escape(id)}`);
  }

  protected async create(typed: BoothTyped): Promise<void> {
    const { input, problems } = boothInputOf(typed, this.translation.language());
    if (!input) return this.showProblems('new', 'new', problems);
    await this.send(async () => {
      const r = (await this.graphql.request(createBoothMutation, { input })).createBooth;
      if (r.__typename !== 'MutationCreateBoothSuccess') return this.refused('new', 'new', r);
      this.newForm()?.reset();
      await this.load();
      this.announce('new', this.text().created(r.data.name));
    });
  }

  protected async save(before: BoothFieldsFragment, typed: BoothTyped): Promise<void> {
    const form = this.editKey(before.id);
    const { patch, problems } = boothPatchOf(before, typed, this.translation.language());
    if (problems.size > 0) return this.showProblems(before.id, form, problems);
    if (!patch) {
      this.announce(before.id, this.text().noChange);
      return this.stopEditing(before.id);
    }
    await this.send(async () => {
      const r = (await this.graphql.request(updateBoothMutation, { id: before.id, input: patch })).updateBooth;
      if (r.__typename !== 'MutationUpdateBoothSuccess') return this.refused(before.id, form, r);
      this.editing.set(null);
      await this.load();
      this.announce(before.id, this.text().saved(r.data.name));
      this.focusAfterRender(`#edit-${CSS.escape(before.id)}`);
    });
  }

  protected async remove(booth: BoothFieldsFragment): Promise<void> {
    await this.send(async () => {
      const r = (await this.graphql.request(removeBoothMutation, { id: booth.id })).removeBooth;
      this.confirming.set(null);
      if (r.__typename !== 'MutationRemoveBoothSuccess') {
        this.refused(booth.id, null, r);
        return this.focusAfterRender(`#remove-${CSS.escape(booth.id)}`);
      }
      await this.load();
      this.announce('page', this.text().removed(booth.name));
      this.focusAfterRender('#booths-heading');
    });
  }

  protected async add(booth: BoothFieldsFragment): Promise<void> {
    const personId = this.picked()[booth.id];
    if (!personId) return;
    await this.send(async () => {
      const r = (await this.graphql.request(assignInterpreterMutation, { personId, boothId: booth.id })).assignInterpreter;
      if (r.__typename !== 'MutationAssignInterpreterSuccess') return this.refused(booth.id, null, r);
      this.pick(booth.id, '');
      await this.load();
      this.announce(booth.id, this.text().assigned(r.data.name, booth.name));
      this.focusAfterRender(`#add-${CSS.escape(booth.id)}`);
    });
  }

  protected async takeOff(person: BoothPersonFragment, booth: BoothFieldsFragment): Promise<void> {
    await this.send(async () => {
      const r = (await this.graphql.request(assignInterpreterMutation, { personId: person.id, boothId: null })).assignInterpreter;
      if (r.__typename !== 'MutationAssignInterpreterSuccess') return this.refused(booth.id, null, r);
      await this.load();
      this.announce(booth.id, this.text().unassigned(person.name, booth.name));
      this.focusAfterRender(`#staff-${CSS.escape(booth.id)}`);
    });
  }

  /** One request at a time; what it says replaces what the last one said. */
  private async send(step: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.said.set(null);
    this.problems.set(null);
    this.requestError.set(null);
    try {
      await step();
    } catch (error: unknown) {
      this.requestError.set(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** A result, shown at `where` (a booth's id, 'new', 'page') and announced. */
  private announce(where: string, text: string): void {
    this.said.set({ kind: 'status', text, where });
  }

  private showProblems(where: string, form: FormKey, byField: ReadonlyMap<string, string>): void {
    this.problems.set({ form, byField });
    this.said.set({ kind: 'refusal', text: this.text().fixFields, where });
    // To the first field the refusal names (the kind's first choice for the kind).
    const prefix = form === 'new' ? 'new-booth' : `edit-${form.slice('edit:'.length)}`;
    const field = ['language', 'name', 'kind'].find((f) => byField.has(f));
    if (field) this.focusAfterRender(field === 'kind' ? `input[name="${CSS.escape(`${prefix}-kind`)}"]` : `#${CSS.escape(`${prefix}-${field}`)}`);
  }

  /** A refusal: by field when the server names fields of a form, else in the words of the rule. */
  private refused(where: string, form: FormKey | null, r: BoothRefusalFragment): void {
    if (r.__typename === 'InputError' && form !== null && r.issues.length > 0) return this.showProblems(where, form, fieldProblems(r.issues));
    const rule = r.__typename === 'RuleViolation' ? r.rule : null;
    const why = refusalText({ rule, message: r.message }, this.rules());
    // The booth rules that are about one field of the form are shown at that field.
    const field = rule === null ? undefined : ruleFields[rule];
    if (form !== null && field) return this.showProblems(where, form, new Map([[field, why]]));
    // A form's refusal says it was not saved; a removal's or an assignment's says why on its own.
    this.said.set({ kind: 'refusal', text: form === null ? why : `${this.text().refused} ${why}`, where });
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}

const noProblems: ReadonlyMap<string, string> = new Map();

/** The field of the booth form a rule's refusal is about. */
const ruleFields: Readonly<Record<string, 'language' | 'kind'>> = {
  'booth.floor_language': 'language',
  'booth.language_taken': 'language',
  'booth.one_sign_booth': 'kind',
};
