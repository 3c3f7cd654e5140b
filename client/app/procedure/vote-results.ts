import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { optionLabel } from './option-label';
import type { Vote } from './procedure-state';
import { procedureText } from './procedure-text';
import { outcomeTone } from './outcome-words';
import { shortTokenHash } from './token-hash';

/** One row of the per-faction table: a count per option, in the order of the options. */
interface FactionRow {
  readonly key: string;
  readonly name: string;
  readonly colour: string | null;
  readonly counts: readonly number[];
}

/**
 * A published vote: its outcome as the law states it and why, the count per option (per faction for
 * named votes only), and every ballot with the member's name (named vote), pseudonym (pseudonymous
 * vote) or token hash (secret ballot, with the tokens issued). A cancelled vote shows why.
 */
@Component({
  selector: 'plenum-vote-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="vote-result" data-testid="vote-result" [attr.data-vote-id]="vote().id" [attr.aria-labelledby]="headingId()">
      <h3 [id]="headingId()">{{ text().resultHeading(vote().title) }}</h3>
      @if (vote().electionRound; as round) {
        <p class="meta" data-testid="vote-election-round">{{ text().voteKind[vote().kind] }} · {{ text().electionRound(round) }}</p>
      } @else {
        <p class="meta">{{ text().voteKind[vote().kind] }} · {{ text().majority[vote().majority] }}</p>
      }
      @if (vote().status === 'CANCELLED') {
        <p class="outcome cancelled" data-testid="vote-outcome">{{ text().cancelled(vote().cancelReason ?? '') }}</p>
      } @else if (vote().result; as result) {
        <p class="outcome" data-testid="vote-outcome" [attr.data-outcome]="outcome()" [attr.data-tone]="tone()">
          @if (elected()) {
            <strong data-testid="vote-elected">{{ text().electedNames(elected()) }}</strong>
          } @else {
            <strong>{{ text().outcome[outcome()] }}</strong>
          }
          {{ text().outcomeReason[outcome()] }}
          <span class="turnout">{{ text().turnout(result.cast, result.eligible) }}</span>
        </p>
        @if (vote().secretBallot; as secret) {
          <p class="turnout" data-testid="secret-tally">{{ text().tokensIssued(secret.tokensIssued, result.cast) }}</p>
        }
        @if (vote().quorumChallenged) {
          <p class="meta" data-testid="quorum-challenged">{{ text().quorumChallenged }}</p>
        }
        <table class="counts">
          <caption class="visually-hidden">
            {{
              text().votes
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ text().option }}</th>
              <th scope="col">{{ text().votes }}</th>
            </tr>
          </thead>
          <tbody>
            @for (option of options(); track option.id) {
              <tr [attr.data-testid]="'result-count-' + option.meaning.toLowerCase()">
                <th scope="row">{{ option.label }}</th>
                <td>{{ option.count }}</td>
              </tr>
            }
          </tbody>
        </table>
        @if (factionRows().length > 0) {
          <!-- Scrolls within itself on a narrow screen (many options are wider than a phone); focusable for the keyboard. -->
          <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="text().perFaction">
            <table class="per-faction">
              <caption>
                {{
                  text().perFaction
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ text().faction }}</th>
                  @for (option of options(); track option.id) {
                    <th scope="col">{{ option.label }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of factionRows(); track row.key) {
                  <tr>
                    <th scope="row"><span class="swatch" [style.background-color]="row.colour ?? '#8a8f98'"></span>{{ row.name }}</th>
                    @for (count of row.counts; track $index) {
                      <td>{{ count }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        <h4>{{ vote().kind === 'NAMED' ? text().byName : vote().kind === 'SECRET' ? text().byTokenHash : text().byPseudonym }}</h4>
        <ul class="ballots" data-testid="vote-ballots">
          @for (ballot of ballots(); track $index) {
            <li data-testid="ballot-entry" [attr.data-token-hash]="ballot.tokenHash">
              <span class="voter" [class.code]="ballot.tokenHash !== null" [attr.title]="ballot.tokenHash">{{ ballot.voter }}</span>
              <span class="choice">{{ ballot.choice }}</span>
            </li>
          } @empty {
            <li>{{ text().noBallots }}</li>
          }
        </ul>
      }
    </article>
  `,
  styles: `
    .table-scroll {
      max-width: 100%;
      overflow-x: auto;
    }
    h3 {
      margin: 0;
      font-size: 1.1rem;
    }
    .meta {
      margin: 0.125rem 0 0.5rem;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .outcome {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.75rem;
    }
    .outcome[data-tone='yes'] strong {
      color: var(--success);
    }
    .outcome[data-tone='no'] strong {
      color: var(--danger);
    }
    .outcome[data-tone='none'] strong,
    .cancelled {
      color: var(--caution);
    }
    .turnout {
      color: var(--muted);
    }
    table {
      margin: 0 0 0.75rem;
      border-collapse: collapse;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
    th,
    td {
      padding: 0.25rem 0.75rem 0.25rem 0;
      border-bottom: 1px solid var(--border);
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: 0.375rem;
      border-radius: 0.125rem;
    }
    h4 {
      margin: 0.5rem 0 0.25rem;
      font-size: 1rem;
    }
    .ballots {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ballots li {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.125rem 0;
      border-bottom: 1px solid var(--border);
    }
    .choice {
      font-weight: 600;
    }
    .code {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    }
  `,
})
export class VoteResults {
  private readonly translation = inject(TranslationState);

  readonly vote = input.required<Vote>();

  protected readonly text = this.translation.catalogue(procedureText);
  protected readonly headingId = computed(() => `vote-result-${this.vote().id}`);

  private readonly labels = computed(() => new Map(this.vote().options.map((option) => [option.id, optionLabel(option, this.translation.language())])));

  protected readonly options = computed(() => {
    const counts = new Map((this.vote().result?.counts ?? []).map((count) => [count.optionId, count.count]));
    return this.vote().options.map((option) => ({
      id: option.id,
      meaning: option.meaning,
      label: this.labels().get(option.id) ?? option.label,
      count: counts.get(option.id) ?? 0,
    }));
  });

  protected readonly outcome = computed(() => this.vote().outcome ?? this.vote().result?.outcome ?? 'REJECTED');
  protected readonly tone = computed(() => outcomeTone(this.outcome()));
  protected readonly elected = computed(() => (this.vote().result?.elected ?? []).map((id) => this.labels().get(id) ?? id).join(', '));

  /** Named votes only: no other ballot carries a faction (the server sends none; an old record might). */
  protected readonly factionRows = computed<readonly FactionRow[]>(() => {
    const result = this.vote().result;
    if (result === null || this.vote().kind !== 'NAMED') {
      return [];
    }
    return result.perFaction.map((group) => {
      const counts = new Map(group.counts.map((count) => [count.optionId, count.count]));
      return {
        key: group.faction?.id ?? 'independents',
        name: group.faction?.shortName ?? this.text().independent,
        colour: group.faction?.colour ?? null,
        counts: this.vote().options.map((option) => counts.get(option.id) ?? 0),
      };
    });
  });

  /** A secret ballot is shown by its token hash only: the published list never carries a name for it. */
  protected readonly ballots = computed(() =>
    (this.vote().ballots ?? []).map((ballot) => ({
      voter: ballot.tokenHash
        ? shortTokenHash(ballot.tokenHash)
        : ballot.person
          ? `${ballot.person.name}${ballot.person.faction ? ` (${ballot.person.faction.shortName})` : ''}`
          : (ballot.pseudonym ?? '—'),
      tokenHash: ballot.tokenHash ?? null,
      choice: this.labels().get(ballot.optionId) ?? ballot.optionId,
    })),
  );
}
