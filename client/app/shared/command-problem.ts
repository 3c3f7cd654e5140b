import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Why a command was refused, right beside the control that sent it; announced to screen readers. */
@Component({
  selector: 'plenum-command-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <p class="command-problem" role="alert" data-testid="command-problem">{{ message }}</p>
    }
  `,
  styles: `
    .command-problem {
      margin: 0.5rem 0 0;
      padding: 0.25rem 0.5rem;
      border-left: 4px solid var(--danger);
      background: var(--danger-soft);
      color: var(--danger);
      font-weight: 600;
    }
  `,
})
export class CommandProblem {
  readonly message = input.required<string | null>();
}
