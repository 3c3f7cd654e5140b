import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { CommandProblem } from '../shared/command-problem';
import { deskText } from './desk-text';
import { DeskState } from './desk-state';

/**
 * The chair's approval of the protocol: who approved it and when, or the button to approve it as the
 * record stands (its head, seq and hash), for a President or Vice-President once the sitting is closed.
 * Otherwise the button is disabled and says why.
 */
@Component({
  selector: 'plenum-approval-panel',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (approval(); as a) {
      <p data-testid="protocol-approved">{{ text().approvedBy(a.by?.name ?? '', translation.formatDateTime(a.at)) }}</p>
      <p class="hash" data-testid="approved-head">{{ a.head }}</p>
    } @else {
      <p data-testid="protocol-not-approved">{{ text().notApproved }}</p>
    }
    @if (!approval()) {
      @if (state.head(); as head) {
        <button
          type="button"
          data-testid="approve-protocol"
          [disabled]="!!reason() || state.pending('approval')"
          [attr.aria-describedby]="reason() ? 'approve-reason' : null"
          (click)="approve()"
        >
          {{ text().approve(head.seq) }}
        </button>
      }
      @if (reason(); as r) {
        <p id="approve-reason" class="help">{{ r }}</p>
      }
    }
    <p class="help">{{ text().approvalPolicy }}</p>
    <plenum-command-problem [message]="state.problem('approval')" />
  `,
  styles: `
    .help {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .hash {
      font-family: monospace;
      font-size: 0.8rem;
      overflow-wrap: anywhere;
      margin: 0;
    }
  `,
})
export class ApprovalPanel {
  protected readonly translation = inject(TranslationState);
  protected readonly state = inject(DeskState);
  private readonly viewer = inject(ViewerState);

  protected readonly text = this.translation.catalogue(deskText);
  protected readonly approval = computed(() => this.state.procedure.procedure()?.protocolApproval ?? null);
  /** Why approving is not possible now, or null. */
  protected readonly reason = computed(() => {
    if (!(this.viewer.viewer()?.roles ?? []).includes('CHAIR')) {
      return this.text().onlyPresiding;
    }
    return this.state.procedure.procedure()?.phase === 'CLOSED' ? null : this.text().approveAfterClose;
  });

  protected approve(): void {
    const head = this.state.head();
    if (head) {
      void this.state.approve(head.seq, head.hash);
    }
  }
}
