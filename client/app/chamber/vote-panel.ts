import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration, secondsUntil } from '../procedure/floor-clock';
import { optionLabel } from '../procedure/option-label';
import type { Vote } from '../procedure/procedure-state';
import { procedureText } from '../procedure/procedure-text';
import { ServerClock } from '../procedure/server-clock';
import { VoteResults } from '../procedure/vote-results';
import { CommandProblem } from '../shared/command-problem';
import { DialogFrame } from '../shared/dialog-frame';
import { chamberText } from './chamber-text';
import { ChamberState } from './chamber-state';
import { SecretBallotReceipt } from './secret-ballot-receipt';
import { SecretBallots } from './secret-ballot';

/** The option a member is about to vote for, waiting for confirmation. */
interface Choice {
  readonly id: string;
  readonly label: string;
}

/**
 * One vote from the member's seat: while open, a button per option and a confirmation, then the
 * receipt (what I voted, my pseudonym and the verification code; in a secret vote the token hash and
 * how far the anonymous sending has come); once published, the result.
 */
@Component({
  selector: 'plenum-vote-panel',
  imports: [CommandProblem, DialogFrame, SecretBallotReceipt, VoteResults],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
    <div class="vote-panel" data-testid="vote-panel" [attr.data-status]="vote().status">
      @if (vote().status === 'OPEN') {
        <h3>{{ vote().title }}</h3>
        <p class="meta">{{ words().voteKind[vote().kind] }} · {{ words().majority[vote().majority] }}</p>
        @if (vote().kind !== 'SHOW_OF_HANDS') {
          <p class="turnout" data-testid="vote-turnout">
            {{ words().turnout(vote().ballotsCast, vote().eligibleCount) }}
            @if (vote().secretBallot; as secret) {
              · {{ words().tokensIssued(secret.tokensIssued, vote().ballotsCast) }}
            }
            @if (countdown(); as countdown) {
              · {{ words().closesIn(countdown) }}
            }
          </p>
        }
      }
      @if (secret()) {
        <plenum-secret-ballot-receipt [vote]="vote()" />
      }
      @if (receipt(); as receipt) {
        <div class="receipt" data-testid="vote-receipt">
          <p class="voted" data-testid="you-voted">{{ text().youVoted(labelOf(receipt.optionId)) }}</p>
          <dl>
            @if (receipt.pseudonym) {
              <div>
                <dt>{{ text().pseudonym }}</dt>
                <dd data-testid="receipt-pseudonym">{{ receipt.pseudonym }}</dd>
              </div>
            }
            <div>
              <dt>{{ text().receiptCode }}</dt>
              <dd class="code" data-testid="receipt-code">{{ receipt.code }}</dd>
            </div>
            <div>
              <dt>{{ text().recordEntry }}</dt>
              <dd>#{{ receipt.seq }}</dd>
            </div>
          </dl>
          <p class="hint">{{ text().receiptHint }}</p>
        </div>
      } @else if (vote().status === 'OPEN' && mayChoose()) {
        @if (vote().kind === 'SHOW_OF_HANDS') {
          <p class="show-of-hands" data-testid="show-of-hands">{{ text().showOfHands }}</p>
        } @else if (vote().eligibleToMe) {
          <div class="options" role="group" [attr.aria-label]="text().yourVote">
            @for (option of options(); track option.id) {
              <button
                type="button"
                class="option"
                [attr.data-testid]="'vote-option-' + option.meaning.toLowerCase()"
                [attr.data-meaning]="option.meaning"
                [disabled]="state.pending('ballot')"
                (click)="choose(option)"
              >
                {{ option.label }}
              </button>
            }
          </div>
        } @else {
          <p class="not-eligible" data-testid="not-eligible">{{ text().notEligible }}</p>
        }
      }
      <plenum-command-problem [message]="state.problem('ballot')" />
      @if (vote().status !== 'OPEN') {
        <plenum-vote-results [vote]="vote()" />
      }
    </div>
    <plenum-dialog-frame #confirm [heading]="text().confirmHeading" (closed)="choice.set(null)">
      @if (choice(); as choice) {
        <p>{{ text().confirmQuestion(choice.label, vote().title) }}</p>
        <p class="hint">{{ text().confirmHint }}</p>
        @if (secret()) {
          <p class="hint" data-testid="secret-confirm-hint">{{ text().secretConfirmHint }}</p>
        }
        <div class="dialog-actions">
          <button type="button" data-testid="confirm-vote" autofocus (click)="cast(choice.id)">
            {{ text().confirmVote(choice.label) }}
          </button>
          <button type="button" class="secondary" (click)="confirm.close()">{{ text().back }}</button>
        </div>
      }
    </plenum-dialog-frame>
  `,
  styles: `
    h3 {
      margin: 0;
      font-size: 1.2rem;
    }
    .meta {
      margin: 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .turnout {
      margin: 0.25rem 0 0.75rem;
      font-weight: 600;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .option {
      min-width: 8rem;
      padding: 0.75rem 1.5rem;
      font-size: 1.1rem;
    }
    .option[data-meaning='YES'] {
      background: #1e6b30;
    }
    .option[data-meaning='NO'] {
      background: #a4161a;
    }
    .option[data-meaning='ABSTAIN'] {
      background: #4f5965;
    }
    .receipt {
      margin-bottom: 0.75rem;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--success);
      background: #f1f8f3;
    }
    .voted {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
      font-weight: 700;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 2rem;
      margin: 0;
    }
    dt {
      color: var(--muted);
      font-size: 0.8125rem;
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    .code {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      word-break: break-all;
    }
    .hint {
      margin: 0.5rem 0 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .not-eligible {
      color: var(--muted);
    }
    .show-of-hands {
      margin: 0;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--accent);
      background: var(--accent-soft);
      font-size: 1.1rem;
      font-weight: 700;
    }
  `,
})
export class VotePanel {
  protected readonly state = inject(ChamberState);
  private readonly translation = inject(TranslationState);
  private readonly clock = inject(ServerClock);
  private readonly confirm = viewChild.required<DialogFrame>('confirm');
  private readonly secretBallots = inject(SecretBallots);

  readonly vote = input.required<Vote>();

  protected readonly text = this.translation.catalogue(chamberText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly choice = signal<Choice | null>(null);
  protected readonly receipt = computed(() => this.state.ballotIn(this.vote()));
  protected readonly secret = computed(() => this.vote().kind === 'SECRET');
  /** A secret vote offers the options until this browser holds a ballot or the server has handed out my token. */
  protected readonly mayChoose = computed(() => {
    const vote = this.vote();
    if (vote.kind !== 'SECRET') return true;
    const progress = this.secretBallots.progress(vote.id);
    return this.secretBallots.receipt(vote.id) === null && vote.secretBallot?.myTokenIssued !== true && (progress === null || progress.kind === 'failed');
  });
  protected readonly options = computed(() =>
    this.vote().options.map((option) => ({
      id: option.id,
      meaning: option.meaning,
      label: optionLabel(option, this.translation.language()),
    })),
  );
  protected readonly countdown = computed(() => {
    const closesAt = this.vote().closesAt;
    return closesAt && this.vote().status === 'OPEN' ? formatDuration(secondsUntil(closesAt, this.clock.now())) : null;
  });

  /** Said to screen readers when a vote opens and when its result is published. */
  protected readonly announcement = computed(() => {
    const vote = this.vote();
    const words = this.words();
    if (vote.status === 'OPEN') {
      return this.text().voteOpened(vote.title);
    }
    return words.resultSummary(vote.title, words.outcome[vote.outcome ?? 'CANCELLED']);
  });

  protected labelOf(optionId: string): string {
    return this.options().find((option) => option.id === optionId)?.label ?? optionId;
  }

  protected choose(option: Choice): void {
    this.choice.set({ id: option.id, label: option.label });
    this.confirm().open();
  }

  protected cast(optionId: string): void {
    this.confirm().close();
    const vote = this.vote();
    void (vote.kind === 'SECRET' ? this.secretBallots.cast(vote, optionId) : this.state.castVote(vote.id, optionId));
  }
}
