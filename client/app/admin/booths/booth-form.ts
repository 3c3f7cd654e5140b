import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal, type AfterViewInit, type OnInit } from '@angular/core';
import { boothForm } from '@contract/forms/booth-forms';
import { TranslationState } from '../../i18n/translation-state';
import { maxLengthOf } from '../../shared/form-check';
import type { BoothKind } from '../../shared/graphql-schema.generated';
import { boothProblems, emptyBooth, type BoothTyped } from './booth-editing';
import { boothsText } from './booths-text';

const fields = ['language', 'name', 'kind'] as const;
type Field = (typeof fields)[number];

/**
 * The fields of a booth, checked in the browser with the server's own rules before they are sent
 * (contract/forms/booth-forms.ts); the server's refusals are shown by the same fields. Emits what is
 * typed once it passes; the owner sends it.
 */
@Component({
  selector: 'plenum-booth-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="$event.preventDefault(); submit()" (keydown.escape)="cancellable() && !busy() && cancelled.emit()" novalidate>
      <div class="row">
        <div class="field">
          <label [for]="id('language')">{{ text().language }}</label>
          <input
            [id]="id('language')"
            name="language"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            required
            [attr.maxlength]="languageMax"
            [value]="typed().language"
            (input)="set('language', $any($event.target).value)"
            [attr.aria-invalid]="problem('language') ? true : null"
            [attr.aria-describedby]="id('language') + '-hint' + (problem('language') ? ' ' + id('language') + '-problem' : '')"
          />
          <p class="hint" [id]="id('language') + '-hint'">{{ text().languageHint }}</p>
          @if (problem('language'); as p) {
            <p class="problem" [id]="id('language') + '-problem'">{{ p }}</p>
          }
        </div>
        <div class="field">
          <label [for]="id('name')">{{ text().name }}</label>
          <input
            [id]="id('name')"
            name="name"
            autocomplete="off"
            required
            [attr.maxlength]="nameMax"
            [value]="typed().name"
            (input)="set('name', $any($event.target).value)"
            [attr.aria-invalid]="problem('name') ? true : null"
            [attr.aria-describedby]="id('name') + '-hint' + (problem('name') ? ' ' + id('name') + '-problem' : '')"
          />
          <p class="hint" [id]="id('name') + '-hint'">{{ text().nameHint }}</p>
          @if (problem('name'); as p) {
            <p class="problem" [id]="id('name') + '-problem'">{{ p }}</p>
          }
        </div>
      </div>
      <fieldset class="kind" [attr.aria-describedby]="problem('kind') ? id('kind') + '-problem' : null">
        <legend>{{ text().kind }}</legend>
        @for (k of kinds; track k) {
          <label class="choice">
            <input type="radio" [name]="id('kind')" [value]="k" [checked]="typed().kind === k" (change)="set('kind', k)" [attr.data-kind]="k" />
            {{ text().kinds[k] }}
          </label>
        }
        @if (problem('kind'); as p) {
          <p class="problem" [id]="id('kind') + '-problem'">{{ p }}</p>
        }
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" [disabled]="busy()">{{ submitLabel() }}</button>
        @if (cancellable()) {
          <button type="button" class="secondary" [disabled]="busy()" (click)="cancelled.emit()">{{ text().cancel }}</button>
        }
      </div>
    </form>
  `,
  styles: `
    form {
      display: grid;
      gap: 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
    }
    .field {
      display: flex;
      flex: 1 1 14rem;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }
    label {
      font-weight: 600;
    }
    input:not([type='radio']) {
      max-width: 100%;
      padding: 0.375rem 0.5rem;
      font: inherit;
    }
    input[aria-invalid='true'] {
      border-color: var(--danger);
    }
    .hint {
      margin: 0;
      font-size: 0.875rem;
      color: var(--muted);
    }
    .problem {
      margin: 0;
      color: var(--danger);
      font-weight: 600;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      min-width: 0;
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--border);
      border-radius: 0.25rem;
    }
    legend {
      padding: 0 0.25rem;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      font-weight: 400;
      min-height: 2rem;
    }
    fieldset .problem {
      flex-basis: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class BoothForm implements OnInit, AfterViewInit {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(boothsText);
  protected readonly kinds: readonly BoothKind[] = ['SPOKEN', 'SIGN'];
  protected readonly languageMax = maxLengthOf(boothForm.language);
  protected readonly nameMax = maxLengthOf(boothForm.name);

  /** Makes the fields' ids unique on the page. */
  readonly idPrefix = input.required<string>();
  readonly initial = input<BoothTyped>(emptyBooth);
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  readonly cancellable = input(false);
  /** Focus the first field when shown (a booth being changed). */
  readonly focusFirst = input(false);
  /** The server's refusals by field (language, name, kind). */
  readonly serverProblems = input<ReadonlyMap<string, string>>(new Map());

  readonly submitted = output<BoothTyped>();
  readonly cancelled = output<void>();

  protected readonly typed = signal<BoothTyped>(emptyBooth);
  /** The browser's findings at the last submit, cleared field by field as it is typed in. */
  private readonly ownProblems = signal<ReadonlyMap<string, string>>(new Map());
  /** Fields typed in since the server answered: its refusal of them no longer applies. */
  private readonly edited = signal<ReadonlySet<Field>>(new Set());
  private readonly problems = computed(() => {
    const shown = new Map(this.ownProblems());
    for (const [field, message] of this.serverProblems()) if (!shown.has(field) && !this.edited().has(field as Field)) shown.set(field, message);
    return shown;
  });

  ngOnInit(): void {
    this.typed.set(this.initial());
  }

  ngAfterViewInit(): void {
    if (this.focusFirst()) this.focus('language');
  }

  protected id(field: Field): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected problem(field: Field): string | null {
    return this.problems().get(field) ?? null;
  }

  protected set(field: Field, value: string): void {
    this.typed.update((t) => ({ ...t, [field]: value }));
    this.edited.update((s) => new Set([...s, field]));
    if (this.ownProblems().has(field)) {
      const rest = new Map(this.ownProblems());
      rest.delete(field);
      this.ownProblems.set(rest);
    }
  }

  /** Back to the initial values (after a booth was created). */
  reset(): void {
    this.typed.set(this.initial());
    this.ownProblems.set(new Map());
    this.edited.set(new Set());
  }

  protected submit(): void {
    const problems = boothProblems(this.typed(), this.translation.language());
    this.ownProblems.set(problems);
    this.edited.set(new Set());
    const first = fields.find((f) => problems.has(f));
    if (first) {
      this.focus(first);
      return;
    }
    this.submitted.emit(this.typed());
  }

  private focus(field: Field): void {
    const el = this.host.nativeElement.querySelector<HTMLInputElement>(
      field === 'kind' ? `input[name="${this.id('kind')}"]` : `#${CSS.escape(this.id(field))}`,
    );
    el?.focus();
  }
}
