import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { allRuleCodes, ruleCodeName, type RuleCode } from '@contract/rule-codes';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { ruleText } from '../procedure/rule-text';
import { CommandProblem } from '../shared/command-problem';
import { DialogFrame } from '../shared/dialog-frame';
import { GraphqlClient } from '../shared/graphql-client';
import type { RuleCode as RuleCodeName } from '../shared/graphql-schema.generated';
import { ChamberState } from './chamber-state';
import { namedVoteDemandsQuery, type NamedVoteDemandsResult } from './chamber.generated';
import { namedDemandText } from './named-demand-text';

export type NamedVoteDemand = NonNullable<NamedVoteDemandsResult['sitting']>['namedVoteDemands'][number];

/** The rule behind a GraphQL RuleCode name (`VOTE__NAMED_DEMAND_LATE` → `vote.named_demand_late`). */
const codeOf = new Map<string, RuleCode>(allRuleCodes.map((code) => [ruleCodeName(code), code]));
export function ruleOfName(name: RuleCodeName): RuleCode | null {
  return codeOf.get(name) ?? null;
}

/**
 * The prepared votes of the sitting a member can demand be taken by name: the deadline (on the
 * parliament's clock where it is a time), whether their faction (or they) demanded it already, how
 * many demand it and whether the demand stands; a button with a confirmation. The server says what
 * is allowed (`refusal`); the list is fetched again with every change of the record.
 */
@Component({
  selector: 'plenum-named-vote-demands',
  imports: [CommandProblem, DialogFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
    @if (loadFailed()) {
      <p class="problem" role="alert">{{ text().loadFailed }}</p>
    }
    @if (demands().length === 0) {
      <p class="none" data-testid="no-demandable">{{ text().none }}</p>
    } @else {
      <p class="intro">{{ text().intro }}</p>
      <ul class="demands" data-testid="named-demands">
        @for (demand of demands(); track demand.draftId) {
          <li data-testid="named-demand" [attr.data-valid]="demand.valid">
            <span class="title">{{ demand.title }}</span>
            <span class="meta">
              {{ text().preparedAs(words().voteKind[demand.kind]) }} ·
              <span data-testid="demand-deadline">
                {{ text().deadline[demand.deadline] }}
                @if (demand.deadlineAt) {
                  {{ text().deadlineAt(translation.formatDateTime(demand.deadlineAt), demand.deadline === 'SITTING_START') }}
                }
              </span>
            </span>
            <span class="state" data-testid="demand-state">
              @if (demand.demandedByMine) {
                <strong>{{ demand.demandBy === 'FACTION' ? text().byMyFaction : text().byMe }}</strong>
              }
              @if (demand.demandBy === 'MEMBERS' && demand.membersNeeded !== null) {
                {{ text().members(demand.membersDemanding, demand.membersNeeded) }} ·
              } @else if (demand.factionsDemanding > 0) {
                {{ text().factions(demand.factionsDemanding) }} ·
              }
              {{ demand.valid ? text().valid : demand.demandBy === 'MEMBERS' && demand.membersDemanding > 0 ? text().notYetValid : '' }}
            </span>
            @if (demand.demandedByMine) {
              <span class="done" data-testid="demanded">✓ {{ text().demanded }}</span>
            } @else if (demand.refusal; as refusal) {
              <span class="refusal" data-testid="demand-refusal">{{ refusalOf(refusal) }}</span>
            } @else {
              <button
                type="button"
                data-testid="demand-named"
                [attr.aria-label]="text().demandNamed(demand.title)"
                [disabled]="state.pending('demand')"
                (click)="ask(demand)"
              >
                {{ text().demand }}
              </button>
            }
          </li>
        }
      </ul>
    }
    <plenum-command-problem [message]="state.problem('demand')" />
    <plenum-dialog-frame #confirm [heading]="text().confirmHeading" (closed)="asking.set(null)">
      @if (asking(); as demand) {
        <p>{{ demand.demandBy === 'FACTION' ? text().confirmFaction(demand.title) : text().confirmMembers(demand.title) }}</p>
        <div class="dialog-actions">
          <button type="button" data-testid="confirm-demand" autofocus (click)="demandNamed(demand)">{{ text().confirm }}</button>
          <button type="button" class="secondary" (click)="confirm.close()">{{ text().back }}</button>
        </div>
      }
    </plenum-dialog-frame>
  `,
  styles: `
    .intro,
    .none {
      margin: 0 0 0.5rem;
      color: var(--muted);
    }
    .demands {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .demands li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--border);
    }
    .title {
      flex: 1 1 100%;
      font-weight: 600;
    }
    .meta,
    .state {
      flex: 1 1 100%;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .state strong {
      color: var(--success);
    }
    .done {
      color: var(--success);
      font-weight: 600;
    }
    .refusal {
      color: var(--muted);
      font-style: italic;
    }
    .problem {
      color: var(--danger);
    }
  `,
})
export class NamedVoteDemands {
  protected readonly state = inject(ChamberState);
  protected readonly translation = inject(TranslationState);
  private readonly graphql = inject(GraphqlClient);
  private readonly confirm = viewChild.required<DialogFrame>('confirm');

  protected readonly text = this.translation.catalogue(namedDemandText);
  protected readonly words = this.translation.catalogue(procedureText);
  private readonly rules = this.translation.catalogue(ruleText);
  private readonly all = signal<readonly NamedVoteDemand[]>([]);
  /** What can still be demanded, and what stands or I joined: a draft past its deadline is of no use here. */
  protected readonly demands = computed(() => this.all().filter((demand) => demand.refusal === null || demand.demandedByMine || demand.valid));
  protected readonly loadFailed = signal(false);
  protected readonly asking = signal<NamedVoteDemand | null>(null);
  private readonly done = signal<string | null>(null);
  protected readonly announcement = computed(() => {
    const title = this.done();
    return title === null ? '' : this.text().done(title);
  });

  constructor() {
    // Again with every change of the record (a demand by others, the sitting opening, a vote opened).
    effect(() => {
      const sittingId = this.state.procedure.sittingId();
      this.state.procedure.seq();
      if (sittingId !== null) {
        untracked(() => void this.load(sittingId));
      }
    });
  }

  private async load(sittingId: string): Promise<void> {
    try {
      const { sitting } = await this.graphql.request(namedVoteDemandsQuery, { sittingId });
      this.all.set(sitting?.namedVoteDemands ?? []);
      this.loadFailed.set(false);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected refusalOf(name: RuleCodeName): string {
    const code = ruleOfName(name);
    return code === null ? name : this.rules()[code];
  }

  protected ask(demand: NamedVoteDemand): void {
    this.done.set(null);
    this.asking.set(demand);
    this.confirm().open();
  }

  protected async demandNamed(demand: NamedVoteDemand): Promise<void> {
    this.confirm().close();
    if (await this.state.demandNamedVote(demand.draftId)) {
      this.done.set(demand.title);
      const sittingId = this.state.procedure.sittingId();
      if (sittingId !== null) {
        await this.load(sittingId);
      }
    }
  }
}
