import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What is wrong with a field, under it; the field names it with aria-describedby (this element's id). */
@Component({
  selector: 'plenum-field-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <span class="field-problem" data-testid="field-problem">{{ message }}</span>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .field-problem {
      display: block;
      color: var(--danger);
      font-weight: 600;
    }
  `,
})
export class FieldProblem {
  readonly message = input.required<string | null>();
}
