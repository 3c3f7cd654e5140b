import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslationState } from '../i18n/translation-state';
import { optionLabel } from '../procedure/option-label';
import { procedureText } from '../procedure/procedure-text';
import { CommandProblem } from '../shared/command-problem';
import type { MajorityKind } from '../shared/graphql-schema.generated';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { durationMinutesLimit, emptyVoteDraftForm, titleLimit, voteDraftInput, voteDraftProblems, type VoteDraftForm } from './vote-draft-form';

const majorities: readonly MajorityKind[] = ['SIMPLE', 'ABSOLUTE_MEMBERS', 'TWO_THIRDS_CAST', 'TWO_THIRDS_MEMBERS'];

/** Prepares votes as drafts (before or during the sitting) and opens one with a single action. */
@Component({
  selector: 'plenum-vote-preparation',
  imports: [CommandProblem, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ text().drafts }}</h3>
    <ul class="drafts" data-testid="vote-drafts">
      @for (draft of state.openableDrafts(); track draft.id) {
        <li data-testid="vote-draft">
          <span class="draft-title">{{ draft.title }}</span>
          <span class="draft-meta">
            {{ words().voteKind[draft.kind] }} ·
            {{ optionList(draft.options) }}
            @if (draft.majority) {
              · {{ words().majority[draft.majority] }}
            }
          </span>
          <span class="draft-actions">
            <button
              type="button"
              data-testid="open-vote"
              [attr.aria-label]="text().openVoteNamed(draft.title)"
              [disabled]="busy() || hasOpenVote()"
              (click)="openVote(draft.id)"
            >
              {{ text().openVote }}
            </button>
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="text().deleteDraftNamed(draft.title)"
              [disabled]="busy()"
              (click)="deleteDraft(draft.id)"
            >
              {{ text().deleteDraft }}
            </button>
          </span>
        </li>
      } @empty {
        <li class="empty">{{ text().noDrafts }}</li>
      }
    </ul>
    <plenum-command-problem [message]="state.problem('drafts')" />

    <details class="prepare" [open]="state.openableDrafts().length === 0">
      <summary>{{ text().prepareVote }}</summary>
      <form (ngSubmit)="prepareVote()" novalidate>
        <label class="wide">
          {{ text().voteTitle }}
          <input
            type="text"
            name="title"
            required
            data-testid="vote-title"
            [attr.maxlength]="titleLimit"
            [attr.aria-invalid]="showProblems() && problems().includes('title-missing')"
            [ngModel]="form().title"
            (ngModelChange)="update({ title: $event })"
          />
        </label>
        <fieldset>
          <legend>{{ text().voteKind }}</legend>
          <label class="inline">
            <input type="radio" name="kind" value="NAMED" data-testid="vote-kind-named" [ngModel]="form().kind" (ngModelChange)="update({ kind: $event })" />
            {{ words().voteKind.NAMED }}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="kind"
              value="PSEUDONYMOUS"
              data-testid="vote-kind-pseudonymous"
              [ngModel]="form().kind"
              (ngModelChange)="update({ kind: $event })"
            />
            {{ words().voteKind.PSEUDONYMOUS }}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="kind"
              value="SHOW_OF_HANDS"
              data-testid="vote-kind-show-of-hands"
              [ngModel]="form().kind"
              (ngModelChange)="update({ kind: $event })"
            />
            {{ words().voteKind.SHOW_OF_HANDS }}
          </label>
          <label class="inline">
            <input type="radio" name="kind" value="SECRET" data-testid="vote-kind-secret" [ngModel]="form().kind" (ngModelChange)="update({ kind: $event })" />
            {{ words().voteKind.SECRET }}
          </label>
          @if (form().kind === 'SHOW_OF_HANDS') {
            <p class="kind-hint">{{ text().showOfHandsHint }}</p>
          }
        </fieldset>
        <fieldset>
          <legend>{{ text().options }}</legend>
          <label class="inline">
            <input type="radio" name="optionSet" value="standard" [ngModel]="form().optionSet" (ngModelChange)="update({ optionSet: $event })" />
            {{ text().standardOptions }}
          </label>
          <label class="inline">
            <input type="radio" name="optionSet" value="custom" [ngModel]="form().optionSet" (ngModelChange)="update({ optionSet: $event })" />
            {{ text().customOptions }}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="optionSet"
              value="election"
              data-testid="vote-election"
              [ngModel]="form().optionSet"
              (ngModelChange)="update({ optionSet: $event })"
            />
            {{ text().electionOptions }}
          </label>
          @if (form().optionSet !== 'custom') {
            <label class="inline">
              <input type="checkbox" name="abstention" [ngModel]="form().abstention" (ngModelChange)="update({ abstention: $event })" />
              {{ text().allowAbstention }}
            </label>
          }
          @if (form().optionSet === 'election') {
            <label class="wide">
              {{ text().candidatesHint }}
              <textarea
                name="candidates"
                rows="3"
                data-testid="vote-candidates"
                [ngModel]="form().candidates"
                (ngModelChange)="update({ candidates: $event })"
              ></textarea>
            </label>
            <label>
              {{ text().seatsToFill }}
              <input type="number" name="seats" min="1" data-testid="vote-seats" [ngModel]="form().seats" (ngModelChange)="update({ seats: $event })" />
            </label>
          } @else if (form().optionSet === 'custom') {
            <label class="wide">
              {{ text().customOptionsHint }}
              <textarea name="customOptions" rows="3" [ngModel]="form().customOptions" (ngModelChange)="update({ customOptions: $event })"></textarea>
            </label>
          }
        </fieldset>
        @if (form().optionSet !== 'election') {
          <!-- An election's rounds need what the rules of procedure say, not a majority chosen here. -->
          <label>
            {{ text().majority }}
            <select name="majority" [ngModel]="form().majority" (ngModelChange)="update({ majority: $event })">
              @for (majority of majorities; track majority) {
                <option [value]="majority">{{ words().majority[majority] }}</option>
              }
            </select>
          </label>
        }
        <label>
          {{ text().agendaItem }}
          <select name="agendaItemId" [ngModel]="form().agendaItemId" (ngModelChange)="update({ agendaItemId: $event })">
            <option value="current">{{ text().currentAgendaItem }}</option>
            <option value="">{{ text().noAgendaItem }}</option>
            @for (item of state.procedure.agenda(); track item.id) {
              <option [value]="item.id">{{ item.position }}. {{ item.title }}</option>
            }
          </select>
        </label>
        @if (form().kind !== 'SHOW_OF_HANDS') {
          <label>
            {{ text().durationMinutes }}
            <input
              type="number"
              name="duration"
              min="1"
              [max]="durationMinutesLimit"
              [ngModel]="form().durationMinutes"
              (ngModelChange)="update({ durationMinutes: $event })"
            />
          </label>
          <label class="inline">
            <input type="checkbox" name="live" [ngModel]="form().live" (ngModelChange)="update({ live: $event })" />
            {{ text().liveCount }}
          </label>
          <label class="inline">
            <input type="checkbox" name="autoClose" [ngModel]="form().autoClose" (ngModelChange)="update({ autoClose: $event })" />
            {{ text().autoClose }}
          </label>
        }
        @if (showProblems() && problems().length > 0) {
          <ul class="problems" role="alert">
            @for (problem of problems(); track problem) {
              <li>{{ text().draftProblem[problem] }}</li>
            }
          </ul>
        }
        <button type="submit" data-testid="prepare-vote" [disabled]="state.pending('draft')">{{ text().saveDraft }}</button>
        <plenum-command-problem [message]="state.problem('draft')" />
      </form>
    </details>
  `,
  styles: `
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .drafts {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .drafts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--border);
    }
    .drafts li.empty {
      color: var(--muted);
    }
    .draft-title {
      font-weight: 600;
    }
    .draft-meta {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .draft-actions {
      display: flex;
      gap: 0.25rem;
      margin-left: auto;
    }
    .prepare {
      margin-top: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
      margin-top: 0.5rem;
    }
    label {
      display: flex;
      flex-direction: column;
      /* A flex item is as wide as its select's longest option unless held: never wider than the panel. */
      max-width: 100%;
      min-width: 0;
      font-size: 0.875rem;
    }
    label.inline {
      flex-direction: row;
      align-items: center;
      gap: 0.375rem;
    }
    .wide {
      flex: 1 1 100%;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      border: 1px solid var(--border);
      border-radius: 0.25rem;
    }
    legend {
      font-size: 0.875rem;
      font-weight: 600;
    }
    .kind-hint {
      flex: 1 1 100%;
      margin: 0;
      color: var(--muted);
      font-size: 0.8125rem;
    }
    .problems {
      flex: 1 1 100%;
      margin: 0;
      color: var(--danger);
      font-weight: 600;
    }
  `,
})
export class VotePreparation {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly majorities = majorities;
  protected readonly titleLimit = titleLimit;
  protected readonly durationMinutesLimit = durationMinutesLimit;
  protected readonly form = signal<VoteDraftForm>(emptyVoteDraftForm());
  protected readonly showProblems = signal(false);
  protected readonly problems = computed(() => voteDraftProblems(this.form()));
  protected readonly hasOpenVote = computed(() => (this.state.procedure.procedure()?.openVote ?? null) !== null);

  protected busy(): boolean {
    return this.state.pending('drafts');
  }

  protected update(change: Partial<VoteDraftForm>): void {
    this.form.update((form) => ({ ...form, ...change }));
  }

  protected optionList(options: readonly { readonly label: string; readonly meaning: 'YES' | 'NO' | 'ABSTAIN' | 'OTHER' }[]): string {
    return options.map((option) => optionLabel(option, this.translation.language())).join(' / ');
  }

  protected async prepareVote(): Promise<void> {
    if (this.problems().length > 0) {
      this.showProblems.set(true);
      return;
    }
    const currentItemId = this.state.procedure.procedure()?.currentItem?.id ?? null;
    const saved = await this.state.prepareVote(voteDraftInput(this.form(), currentItemId));
    if (saved) {
      this.showProblems.set(false);
      this.form.set(emptyVoteDraftForm());
    }
  }

  protected openVote(draftId: string): void {
    void this.state.openVote(draftId);
  }

  protected deleteDraft(draftId: string): void {
    void this.state.deleteDraft(draftId);
  }
}
