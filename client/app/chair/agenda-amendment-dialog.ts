import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslationState } from '../i18n/translation-state';
import type { AgendaAuthority } from '../procedure/procedure-state';
import { CommandProblem } from '../shared/command-problem';
import { DialogFrame } from '../shared/dialog-frame';
import type { AgendaChangeKind, AgendaItemKind } from '../shared/graphql-schema.generated';
import { sittingText } from '../sitting/sitting-text';
import {
  agendaDescriptionLimit,
  agendaTitleLimit,
  amendmentInput,
  amendmentPreview,
  amendmentProblems,
  authorityKey,
  chooseItem,
  emptyAmendmentForm,
  positionChoices,
  switchChange,
  type AmendmentForm,
} from './agenda-amendment';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

let instances = 0;

const changeKinds: readonly AgendaChangeKind[] = ['MOVE', 'INSERT', 'REMOVE', 'RETITLE'];
const itemKinds: readonly AgendaItemKind[] = ['DEBATE', 'PROCEDURE', 'QUESTION_TIME', 'ELECTION', 'VOTE', 'OTHER'];

/**
 * "Change the agenda" in the open sitting: the chair picks the decision it carries out (the newest
 * accepted point of order or passed vote is chosen already), the change, and sees the agenda as it
 * will read before carrying it out. Without such a decision the button says what is missing.
 */
@Component({
  selector: 'plenum-agenda-amendment',
  imports: [CommandProblem, DialogFrame, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (prompt()) {
      @if (newestUndone(); as decision) {
        <p class="prompt" data-testid="amend-prompt">
          <span>{{ text().decidedPrompt[decision.kind](decision.reference) }}</span>
          <button type="button" class="secondary" data-testid="amend-prompt-button" aria-haspopup="dialog" (click)="open()">{{ text().amendAgenda }}</button>
        </p>
      }
    } @else {
      <div class="amend">
        <button
          type="button"
          class="secondary"
          data-testid="amend-agenda"
          aria-haspopup="dialog"
          [attr.aria-describedby]="authorities().length === 0 ? hintId : null"
          [disabled]="authorities().length === 0"
          (click)="open()"
        >
          {{ text().amendAgenda }}
        </button>
        @if (authorities().length === 0) {
          <p class="hint" [id]="hintId">{{ text().amendNeedsDecision }}</p>
        }
      </div>
      <p class="last-change" role="status" data-testid="amend-last">
        @if (lastChange(); as change) {
          {{ text().lastChange }} {{ text().amendmentSummary[change.kind](change.title, change.position, change.fromPosition ?? null) }} ({{
            text().amendmentOn[change.authorityKind](change.authorityReference)
          }})
        }
      </p>
    }
    <plenum-dialog-frame #dialog [heading]="text().amendHeading">
      <form class="amend-form" novalidate data-testid="amend-form" (ngSubmit)="submit()">
        <p class="intro">{{ text().amendIntro }}</p>
        <label>
          {{ text().amendAuthority }}
          <select
            name="authority"
            data-testid="amend-authority"
            [attr.aria-describedby]="chosenId"
            [ngModel]="form().authority"
            (ngModelChange)="update({ authority: $event })"
          >
            @for (authority of authorities(); track key(authority)) {
              <option [value]="key(authority)">{{ authorityLabel(authority) }}</option>
            }
          </select>
        </label>
        @if (chosen(); as decision) {
          <p class="chosen" [id]="chosenId">
            {{ decision.kind === 'VOTE' ? text().chosenVote : text().chosenPoint(decision.mover?.name ?? '') }}
            <q>{{ decision.reference }}</q>
            @if (decision.decidedAt) {
              · {{ translation.formatTime(decision.decidedAt) }}
            }
          </p>
        }
        <fieldset>
          <legend>{{ text().amendChange }}</legend>
          <div class="kinds">
            @for (kind of changeKinds; track kind) {
              <label class="inline">
                <input
                  type="radio"
                  name="change"
                  [value]="kind"
                  [attr.data-testid]="'amend-kind-' + kind"
                  [ngModel]="form().change"
                  (ngModelChange)="setChange($event)"
                />
                {{ text().changeKind[kind] }}
              </label>
            }
          </div>
        </fieldset>
        @if (form().change !== 'INSERT') {
          <label>
            {{ text().amendItem }}
            <select
              name="itemId"
              data-testid="amend-item"
              [attr.aria-invalid]="showProblems() && (problems().includes('item-missing') || problems().includes('item-stays'))"
              [ngModel]="form().itemId"
              (ngModelChange)="setItem($event)"
            >
              <option value="" disabled>{{ text().chooseItem }}</option>
              @for (item of agenda(); track item.id) {
                <option [value]="item.id" [disabled]="form().change === 'REMOVE' && item.dealtWith">
                  {{ item.position }}. {{ item.title }}{{ form().change === 'REMOVE' && item.dealtWith ? ' (' + text().itemStays + ')' : '' }}
                </option>
              }
            </select>
          </label>
        }
        @if (form().change === 'INSERT' || form().change === 'RETITLE') {
          <label>
            {{ form().change === 'INSERT' ? text().newItemTitle : text().correctedTitle }}
            <input
              type="text"
              name="title"
              data-testid="amend-title"
              [attr.maxlength]="titleLimit"
              [attr.aria-invalid]="showProblems() && (problems().includes('title-missing') || problems().includes('title-unchanged'))"
              [ngModel]="form().title"
              (ngModelChange)="update({ title: $event })"
            />
          </label>
        }
        @if (form().change === 'MOVE' || form().change === 'INSERT') {
          <label>
            {{ form().change === 'MOVE' ? text().movePosition : text().insertPosition }}
            <select
              name="position"
              data-testid="amend-position"
              [attr.aria-invalid]="showProblems() && (problems().includes('position-missing') || problems().includes('position-unchanged'))"
              [ngModel]="form().position"
              (ngModelChange)="update({ position: $event === null ? null : +$event })"
            >
              <option [ngValue]="null" disabled>{{ text().choosePosition }}</option>
              @for (position of positions(); track position) {
                <option [ngValue]="position">{{ position }}</option>
              }
            </select>
          </label>
        }
        @if (form().change === 'INSERT') {
          <label>
            {{ text().newItemKind }}
            <select name="itemKind" [ngModel]="form().itemKind" (ngModelChange)="update({ itemKind: $event })">
              @for (kind of itemKinds; track kind) {
                <option [value]="kind">{{ sitting().agendaItemKind[kind] }}</option>
              }
            </select>
          </label>
          <label>
            {{ text().newItemDescription }}
            <textarea
              name="description"
              rows="2"
              [attr.maxlength]="descriptionLimit"
              [ngModel]="form().description"
              (ngModelChange)="update({ description: $event })"
            ></textarea>
          </label>
        }
        @if (showProblems() && problems().length > 0) {
          <div role="alert" data-testid="amend-problems">
            <ul class="problems">
              @for (problem of problems(); track problem) {
                <li>{{ text().amendProblem[problem] }}</li>
              }
            </ul>
          </div>
        }
        <plenum-command-problem [message]="state.problem('amendment')" />
        <section class="preview" [attr.aria-labelledby]="previewId">
          <h3 [id]="previewId">{{ text().amendPreview }}</h3>
          <ol data-testid="amend-preview">
            @for (line of preview(); track line.key) {
              <li [class]="line.mark" [attr.data-mark]="line.mark">
                <span class="place">{{ line.position ?? '–' }}</span>
                <span class="line-title">{{ line.title }}</span>
                @if (line.mark) {
                  <strong class="mark">{{ text().previewMark[line.mark] }}</strong>
                }
              </li>
            }
          </ol>
        </section>
        <div class="dialog-actions">
          <button type="submit" data-testid="amend-submit" [disabled]="busy()">{{ text().amendSubmit }}</button>
          <button type="button" class="secondary" (click)="dialog.close()">{{ text().cancel }}</button>
        </div>
      </form>
    </plenum-dialog-frame>
  `,
  styles: `
    .amend {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-top: 0.75rem;
    }
    .hint,
    .intro {
      margin: 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .prompt {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0.75rem 0 0;
    }
    .last-change:empty {
      display: none;
    }
    .last-change {
      margin-bottom: 0.75rem !important;
    }
    .last-change,
    .chosen {
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    .chosen {
      margin: 0;
      color: var(--muted);
    }
    .amend-form {
      display: grid;
      gap: 0.75rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      font-size: 0.875rem;
    }
    label.inline {
      flex-direction: row;
      align-items: center;
      gap: 0.375rem;
      font-size: 1rem;
    }
    select,
    input[type='text'],
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
    fieldset {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--border);
      border-radius: 0.25rem;
    }
    legend {
      font-size: 0.875rem;
    }
    .kinds {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 0.25rem 1rem;
    }
    .preview h3 {
      margin: 0 0 0.25rem;
      font-size: 0.9375rem;
    }
    .preview ol {
      margin: 0;
      padding: 0;
      list-style: none;
      border: 1px solid var(--border);
      border-radius: 0.25rem;
    }
    .preview li {
      display: flex;
      gap: 0.5rem;
      padding: 0.1875rem 0.5rem;
      font-size: 0.875rem;
    }
    .preview .place {
      flex: none;
      width: 1.5rem;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .preview .line-title {
      flex: 1;
    }
    .preview li.moved,
    .preview li.new,
    .preview li.renamed {
      background: var(--accent-soft);
      font-weight: 600;
    }
    .preview li.removed .line-title {
      text-decoration: line-through;
    }
    .preview .mark {
      flex: none;
      font-size: 0.8125rem;
    }
    /* The actions stay in reach while the dialog scrolls (a phone, a long agenda). */
    .amend-form .dialog-actions {
      position: sticky;
      bottom: -1.25rem;
      margin: 0 -1.25rem -1.25rem;
      padding: 0.75rem 1.25rem;
      border-top: 1px solid var(--border);
      background: var(--surface);
    }
    .problems {
      margin: 0;
      padding-left: 1.25rem;
      color: var(--danger);
    }
  `,
})
export class AgendaAmendmentDialog {
  protected readonly state = inject(ChairState);
  protected readonly translation = inject(TranslationState);
  /** As a prompt beside the points of order: only while the newest decision has not been carried out on the agenda. */
  readonly prompt = input(false);
  protected readonly hintId = `amend-hint-${++instances}`;
  protected readonly chosenId = `amend-chosen-${instances}`;
  protected readonly previewId = `amend-preview-${instances}`;
  private readonly frame = viewChild.required<DialogFrame>('dialog');

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly sitting = this.translation.catalogue(sittingText);
  protected readonly changeKinds = changeKinds;
  protected readonly itemKinds = itemKinds;
  protected readonly titleLimit = agendaTitleLimit;
  protected readonly descriptionLimit = agendaDescriptionLimit;

  protected readonly agenda = computed(() => this.state.procedure.procedure()?.agenda ?? []);
  protected readonly authorities = computed(() => this.state.procedure.procedure()?.agendaAuthorities ?? []);
  /** The newest decision, while nothing has been carried out on it. */
  protected readonly newestUndone = computed(() => {
    const newest = this.authorities()[0];
    return newest !== undefined && newest.amendedIn.length === 0 ? newest : null;
  });
  protected readonly lastChange = computed(() => this.state.procedure.procedure()?.agendaAmendments.at(-1) ?? null);
  protected readonly form = signal<AmendmentForm>(emptyAmendmentForm([]));
  protected readonly chosen = computed(() => this.authorities().find((authority) => authorityKey(authority) === this.form().authority) ?? null);
  /** Problems show once the chair has tried to carry the change out. */
  protected readonly showProblems = signal(false);
  protected readonly problems = computed(() => amendmentProblems(this.form(), this.agenda(), this.authorities()));
  protected readonly positions = computed(() => positionChoices(this.form().change, this.agenda()));
  protected readonly preview = computed(() => amendmentPreview(this.form(), this.agenda()));

  protected key = authorityKey;

  protected authorityLabel(authority: AgendaAuthority): string {
    const text = this.text();
    const label = text.authorityLabel[authority.kind](authority.mover?.name ?? '', authority.reference);
    return authority.amendedIn.length > 0 ? `${label}${text.carriedOut(authority.amendedIn.length)}` : label;
  }

  protected busy(): boolean {
    return this.state.pending('amendment');
  }

  open(): void {
    this.form.set(emptyAmendmentForm(this.authorities()));
    this.showProblems.set(false);
    this.frame().open();
  }

  protected update(patch: Partial<AmendmentForm>): void {
    this.form.update((form) => ({ ...form, ...patch }));
  }

  protected setChange(change: AgendaChangeKind): void {
    this.form.update((form) => switchChange(form, change, this.agenda()));
  }

  protected setItem(itemId: string): void {
    this.form.update((form) => chooseItem(form, itemId, this.agenda()));
  }

  protected async submit(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.showProblems.set(true);
    if (this.problems().length > 0) {
      return;
    }
    const { change, authority } = amendmentInput(this.form());
    if (await this.state.amendAgenda(change, authority)) {
      this.frame().close();
    }
  }
}
