import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { GraphqlRequestError, networkCode } from './graphql-error';

/** One line per problem, with the server's code where it adds something for support staff. */
export function describeError(error: unknown): string[] {
  if (error instanceof GraphqlRequestError) {
    return error.problems.map((problem) => (problem.code === null || problem.code === networkCode ? problem.message : `${problem.message} (${problem.code})`));
  }
  if (error instanceof Error) {
    return [error.message];
  }
  return [String(error)];
}

/** A failed request, said plainly and announced to screen readers. */
@Component({
  selector: 'plenum-error-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="error-notice" role="alert">
      <p class="error-heading">{{ heading() }}</p>
      <ul>
        @for (line of lines(); track $index) {
          <li>{{ line }}</li>
        }
      </ul>
    </div>
  `,
  styles: `
    .error-notice {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 1px solid var(--danger);
      border-left-width: 4px;
      border-radius: 0.25rem;
      background: var(--danger-soft);
      color: var(--text);
    }
    .error-heading {
      margin: 0 0 0.25rem;
      font-weight: 700;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
  `,
})
export class ErrorNotice {
  readonly heading = input('Something went wrong');
  readonly error = input.required<unknown>();

  protected readonly lines = computed(() => describeError(this.error()));
}
