import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { textLimits } from '@contract/text-limits';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration, secondsUntil } from '../procedure/floor-clock';
import { optionLabel } from '../procedure/option-label';
import { procedureText } from '../procedure/procedure-text';
import { ServerClock } from '../procedure/server-clock';
import { CommandProblem } from '../shared/command-problem';
import { ConfirmButton } from '../shared/confirm-button';
import { DialogFrame } from '../shared/dialog-frame';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { consoleText } from './console-text';
import { VoteCountForm } from './vote-count-form';

/** The vote under way: turnout as it grows, the running count when the vote is live, close (after a confirmation) or cancel. */
@Component({
  selector: 'plenum-open-vote-control',
  imports: [CommandProblem, ConfirmButton, DialogFrame, FormsModule, VoteCountForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (vote(); as vote) {
      <div class="open-vote" data-testid="open-vote-panel">
        <h3>{{ vote.title }}</h3>
        <p class="meta">{{ words().voteKind[vote.kind] }} · {{ words().majority[vote.majority] }}</p>
        @if (!vote.quorateAtOpening) {
          <p class="warning">{{ words().quorumMissing }}</p>
        }
        @if (vote.kind === 'SHOW_OF_HANDS') {
          <plenum-vote-count-form [vote]="vote" />
        } @else {
          <p class="turnout" data-testid="vote-turnout">
            {{ words().turnout(vote.ballotsCast, vote.eligibleCount) }}
            @if (countdown(); as countdown) {
              · {{ words().closesIn(countdown) }}
            }
          </p>
          <progress [value]="vote.ballotsCast" [max]="vote.eligibleCount || 1" [attr.aria-label]="text().turnout"></progress>
        }
        @if (vote.liveCounts; as counts) {
          <table class="live-counts" data-testid="live-counts">
            <caption>
              {{
                words().liveCounts
              }}
            </caption>
            <tbody>
              @for (option of vote.options; track option.id) {
                <tr>
                  <th scope="row">{{ label(option) }}</th>
                  <td>{{ countOf(counts, option.id) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        <div class="actions">
          @if (vote.kind !== 'SHOW_OF_HANDS') {
            <plenum-confirm-button
              testId="close-vote"
              [label]="text().closeVote"
              [heading]="confirmText().closeVoteHeading(vote.title)"
              [question]="confirmText().closeVoteQuestion(vote.ballotsCast, vote.eligibleCount)"
              [keepLabel]="confirmText().keepVoteOpen"
              [disabled]="busy()"
              (confirmed)="closeVote(vote.id)"
            />
          }
          <button type="button" class="danger" data-testid="cancel-vote" [disabled]="busy()" (click)="cancelDialog.open()">
            {{ text().cancelVote }}
          </button>
        </div>
        <plenum-command-problem [message]="state.problem('vote')" />
      </div>
      <plenum-dialog-frame #cancelDialog [heading]="text().cancelVoteHeading(vote.title)">
        <form (ngSubmit)="cancelVote(vote.id)">
          <label>
            {{ text().cancelReason }}
            <textarea name="reason" rows="3" required [maxlength]="reasonLimit" data-testid="cancel-reason" [(ngModel)]="reason"></textarea>
          </label>
          <div class="dialog-actions">
            <button type="submit" class="danger" data-testid="confirm-cancel-vote" [disabled]="reason().trim() === ''">
              {{ text().cancelVote }}
            </button>
            <button type="button" class="secondary" (click)="cancelDialog.close()">{{ text().back }}</button>
          </div>
        </form>
      </plenum-dialog-frame>
    } @else {
      <p class="none">{{ text().noOpenVote }}</p>
    }
  `,
  styles: `
    .open-vote {
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--accent);
      background: var(--accent-soft);
    }
    h3 {
      margin: 0;
    }
    .meta {
      margin: 0;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .warning {
      color: var(--danger);
      font-weight: 600;
    }
    .turnout {
      margin: 0.5rem 0 0.25rem;
      font-size: 1.1rem;
      font-weight: 600;
    }
    progress {
      width: 100%;
    }
    .live-counts th,
    .live-counts td {
      padding: 0 1rem 0 0;
      text-align: left;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    label {
      display: flex;
      flex-direction: column;
    }
    .none {
      margin: 0;
      color: var(--muted);
    }
  `,
})
export class OpenVoteControl {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);
  private readonly clock = inject(ServerClock);
  private readonly cancelDialogFrame = viewChild<DialogFrame>('cancelDialog');

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly confirmText = this.translation.catalogue(consoleText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly reason = signal('');
  /** The server's limit on a reason (contract/text-limits.ts). */
  protected readonly reasonLimit = textLimits.reason;
  protected readonly vote = computed(() => this.state.procedure.procedure()?.openVote ?? null);
  protected readonly countdown = computed(() => {
    const closesAt = this.vote()?.closesAt;
    return closesAt ? formatDuration(secondsUntil(closesAt, this.clock.now())) : null;
  });

  protected busy(): boolean {
    return this.state.pending('vote');
  }

  protected label(option: { readonly label: string; readonly meaning: 'YES' | 'NO' | 'ABSTAIN' | 'OTHER' }): string {
    return optionLabel(option, this.translation.language());
  }

  protected countOf(counts: readonly { readonly optionId: string; readonly count: number }[], optionId: string): number {
    return counts.find((count) => count.optionId === optionId)?.count ?? 0;
  }

  protected closeVote(voteId: string): void {
    void this.state.closeVote(voteId);
  }

  protected async cancelVote(voteId: string): Promise<void> {
    const reason = this.reason().trim();
    if (reason === '') {
      return;
    }
    this.cancelDialogFrame()?.close();
    if (await this.state.cancelVote(voteId, reason)) {
      this.reason.set('');
    }
  }
}
