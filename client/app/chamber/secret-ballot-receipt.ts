import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { optionLabel } from '../procedure/option-label';
import type { Vote } from '../procedure/procedure-state';
import { ruleText, refusalText } from '../procedure/rule-text';
import { shortTokenHash } from '../procedure/token-hash';
import { chamberText } from './chamber-text';
import { SecretBallots } from './secret-ballot';

/**
 * My ballot in a secret vote: how far sending it has come, the receipt (the token hash: short and
 * grouped to compare by eye, the full one to copy), and after the close whether the published list
 * has it with my option.
 */
@Component({
  selector: 'plenum-secret-ballot-receipt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (receipt(); as receipt) {
      <div class="receipt" data-testid="secret-receipt" [attr.data-acknowledged]="receipt.acknowledged">
        <p class="voted" data-testid="you-voted">{{ text().youVoted(labelOf(receipt.optionId)) }}</p>
        @if (status(); as status) {
          <p class="status" data-testid="secret-status" [attr.data-kind]="progress()?.kind" aria-live="polite">{{ status }}</p>
        }
        @if (receipt.tokenHash; as hash) {
          <dl>
            <div>
              <dt>{{ text().tokenHash }}</dt>
              <dd class="code" data-testid="token-hash-short" [attr.data-token-hash]="hash">{{ short(hash) }}</dd>
            </div>
          </dl>
          <details>
            <summary>{{ text().fullTokenHash }}</summary>
            <code class="code full" data-testid="token-hash-full">{{ hash }}</code>
            <button type="button" class="secondary" data-testid="copy-token-hash" (click)="copy(hash)">{{ text().copyHash }}</button>
            @if (copied()) {
              <span role="status">{{ text().copied }}</span>
            }
          </details>
          <p class="hint">{{ text().secretReceiptHint }}</p>
        }
      </div>
    } @else if (elsewhere()) {
      <p class="warning" data-testid="secret-elsewhere">{{ text().secretElsewhere }}</p>
    }
    @if (failure(); as failure) {
      <p class="warning" role="alert" data-testid="secret-failed">{{ failure }}</p>
    }
    @if (check(); as check) {
      <p class="check" data-testid="secret-check" [attr.data-kind]="check.kind" role="status">
        @switch (check.kind) {
          @case ('found') {
            {{ text().checkFound(labelOf(check.optionId)) }}
          }
          @case ('differs') {
            {{ text().checkDiffers(labelOf(check.optionId)) }}
          }
          @case ('missing') {
            {{ text().checkMissing }}
          }
        }
      </p>
    }
  `,
  styles: `
    .receipt {
      margin-bottom: 0.75rem;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--success);
      background: #f1f8f3;
    }
    .receipt[data-acknowledged='false'] {
      border-left-color: var(--muted);
      background: #f4f5f7;
    }
    .voted {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
      font-weight: 700;
    }
    .status {
      margin: 0 0 0.5rem;
    }
    dl {
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
    details {
      margin-top: 0.25rem;
      font-size: 0.875rem;
    }
    .full {
      display: block;
      margin: 0.25rem 0;
      user-select: all;
    }
    .hint {
      margin: 0.5rem 0 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .warning,
    .check[data-kind='differs'],
    .check[data-kind='missing'] {
      padding: 0.25rem 0.5rem;
      border-left: 4px solid var(--danger);
      background: var(--danger-soft);
      color: var(--danger);
      font-weight: 600;
    }
    .check[data-kind='found'] {
      color: var(--success);
      font-weight: 700;
    }
  `,
})
export class SecretBallotReceipt {
  private readonly ballots = inject(SecretBallots);
  private readonly translation = inject(TranslationState);

  readonly vote = input.required<Vote>();

  protected readonly text = this.translation.catalogue(chamberText);
  private readonly rules = this.translation.catalogue(ruleText);
  protected readonly copied = signal(false);

  protected readonly receipt = computed(() => this.ballots.receipt(this.vote().id));
  protected readonly progress = computed(() => this.ballots.progress(this.vote().id));
  protected readonly check = computed(() => this.ballots.check(this.vote()));
  /** The server says I took my token, but this browser holds no ballot for it. */
  protected readonly elsewhere = computed(
    () => this.vote().status === 'OPEN' && this.vote().secretBallot?.myTokenIssued === true && this.receipt() === null && this.progress() === null,
  );

  protected readonly status = computed(() => {
    const progress = this.progress();
    const text = this.text();
    switch (progress?.kind) {
      case 'preparing':
        return text.secretPreparing;
      case 'waiting':
        return text.secretWaiting;
      case 'sending':
        return progress.attempt === 1 ? text.secretSending : text.secretRetrying(progress.attempt);
      case 'acknowledged':
        return text.secretAcknowledged;
      default:
        return this.receipt()?.acknowledged ? text.secretAcknowledged : null;
    }
  });

  protected readonly failure = computed(() => {
    const progress = this.progress();
    if (progress?.kind !== 'failed') return null;
    const why = this.text().secretFailed[progress.failure];
    return progress.problem === null ? why : `${why} ${refusalText(progress.problem, this.rules())}`.trim();
  });

  constructor() {
    // Sending resumes whenever this browser holds a ballot the box has not acknowledged.
    effect(() => {
      const vote = this.vote();
      untracked(() => void this.ballots.resume(vote));
    });
    // Seen in the published list: storage may let the ballot go.
    effect(() => {
      const check = this.check();
      const voteId = this.vote().id;
      if (check?.kind === 'found') untracked(() => this.ballots.seen(voteId));
    });
  }

  protected short(hash: string): string {
    return shortTokenHash(hash);
  }

  protected labelOf(optionId: string): string {
    const option = this.vote().options.find((candidate) => candidate.id === optionId);
    return option ? optionLabel(option, this.translation.language()) : optionId;
  }

  protected copy(hash: string): void {
    void navigator.clipboard?.writeText(hash).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }
}
