import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import type { PointOfOrder } from '../procedure/procedure-state';
import { procedureText } from '../procedure/procedure-text';
import { CommandProblem } from '../shared/command-problem';
import type { PointOfOrderDecision } from '../shared/graphql-schema.generated';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';

const decisions: readonly PointOfOrderDecision[] = ['ACCEPTED', 'REJECTED', 'PUT_TO_VOTE', 'NOTED'];

/** What the chair is about to decide on one point of order. */
interface DecisionDraft {
  readonly decision: PointOfOrderDecision;
  readonly note: string;
  readonly voteDraftId: string;
}

const emptyDecision: DecisionDraft = { decision: 'NOTED', note: '', voteDraftId: '' };

/**
 * Points of order waiting for the chair, oldest first: they go ahead of every speech ("Next
 * speaker" gives them the floor first). Each is decided here: accepted, rejected, put to a vote
 * (a prepared draft) or noted, with an optional note.
 */
@Component({
  selector: 'plenum-points-of-order-queue',
  imports: [CommandProblem, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="points" data-testid="points-of-order">
      @for (point of points(); track point.id) {
        <li data-testid="point-of-order" [attr.data-point-id]="point.id" [class.on-floor]="point.heard">
          <p class="head">
            <strong>{{ point.person.name }}</strong>
            @if (point.person.faction; as faction) {
              <span class="faction">{{ faction.shortName }}</span>
            }
            <span class="category">{{ categoryLabel(point.category) }}</span>
            <span class="since">{{ translation.formatTime(point.raisedAt) }}</span>
            @if (point.heard) {
              <strong class="heard">{{ text().beingHeard }}</strong>
            }
          </p>
          <p class="text">{{ point.text }}</p>
          <form class="decide" (ngSubmit)="decide(point)">
            <label>
              {{ text().decision }}
              <select
                name="decision"
                data-testid="point-decision"
                [ngModel]="draftFor(point.id).decision"
                (ngModelChange)="updateDraft(point.id, { decision: $event })"
              >
                @for (decision of decisions; track decision) {
                  <option [value]="decision">{{ words().decision[decision] }}</option>
                }
              </select>
            </label>
            @if (draftFor(point.id).decision === 'PUT_TO_VOTE') {
              <label>
                {{ text().voteDraft }}
                <select name="voteDraftId" [ngModel]="draftFor(point.id).voteDraftId" (ngModelChange)="updateDraft(point.id, { voteDraftId: $event })">
                  <option value="">{{ text().noDraft }}</option>
                  @for (draft of state.openableDrafts(); track draft.id) {
                    <option [value]="draft.id">{{ draft.title }}</option>
                  }
                </select>
              </label>
            }
            <label class="note">
              {{ text().note }}
              <input
                type="text"
                name="note"
                [maxlength]="noteLimit"
                [ngModel]="draftFor(point.id).note"
                (ngModelChange)="updateDraft(point.id, { note: $event })"
              />
            </label>
            <button type="submit" data-testid="decide-point" [disabled]="state.pending('points')">
              {{ text().decide }}
            </button>
          </form>
        </li>
      } @empty {
        <li class="empty">{{ text().noPointsOfOrder }}</li>
      }
    </ol>
    <plenum-command-problem [message]="state.problem('points')" />
  `,
  styles: `
    .points {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .points > li {
      padding: 0.5rem 0.75rem;
      border-left: 6px solid var(--focus);
      background: #fff4e8;
    }
    .points > li + li {
      margin-top: 0.5rem;
    }
    .points > li.on-floor {
      outline: 2px solid var(--focus);
    }
    .points > li.empty {
      border: none;
      background: none;
      padding: 0;
      color: var(--muted);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    .category {
      font-weight: 600;
      color: #7a3a00;
    }
    .since {
      color: var(--muted);
    }
    .text {
      margin: 0.25rem 0;
      white-space: pre-wrap;
    }
    .decide {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
    }
    label {
      display: flex;
      flex-direction: column;
      font-size: 0.875rem;
    }
    .note {
      flex: 1 1 12rem;
    }
  `,
})
export class PointsOfOrderQueue {
  protected readonly state = inject(ChairState);
  protected readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly decisions = decisions;
  /** The server's limit on the chair's note (contract/text-limits.ts). */
  protected readonly noteLimit = textLimits.note;
  private readonly drafts = signal<ReadonlyMap<string, DecisionDraft>>(new Map());

  protected readonly points = computed(() => this.state.procedure.procedure()?.pointsOfOrder ?? []);

  protected categoryLabel(categoryId: string): string {
    const category = this.state.procedure.categories().find((candidate) => candidate.id === categoryId);
    return category === undefined ? categoryId : this.translation.pick({ de: category.labelDe, en: category.labelEn });
  }

  protected draftFor(pointId: string): DecisionDraft {
    return this.drafts().get(pointId) ?? emptyDecision;
  }

  protected updateDraft(pointId: string, change: Partial<DecisionDraft>): void {
    this.drafts.update((drafts) => new Map([...drafts, [pointId, { ...this.draftFor(pointId), ...change }]]));
  }

  protected async decide(point: PointOfOrder): Promise<void> {
    const draft = this.draftFor(point.id);
    const note = draft.note.trim();
    const decided = await this.state.decidePointOfOrder(
      point.id,
      draft.decision,
      note === '' ? null : note,
      draft.decision === 'PUT_TO_VOTE' && draft.voteDraftId !== '' ? draft.voteDraftId : null,
    );
    if (decided) {
      this.drafts.update((drafts) => new Map([...drafts].filter(([id]) => id !== point.id)));
    }
  }
}
