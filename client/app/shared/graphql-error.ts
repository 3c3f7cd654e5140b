/** One problem the server (or the way to it) reported for an operation. */
export interface GraphqlProblem {
  readonly message: string;
  /** `extensions.code` from the server, e.g. UNAUTHENTICATED; NETWORK when the server was not reached. */
  readonly code: string | null;
  /** The field path the problem belongs to, e.g. `sitting.agenda`. */
  readonly path: string | null;
}

/** The code used when the request never got a GraphQL answer. */
export const networkCode = 'NETWORK';
export const unauthenticatedCode = 'UNAUTHENTICATED';

/** A failed GraphQL operation: every problem the server named, and the HTTP status when there was one. */
export class GraphqlRequestError extends Error {
  constructor(
    readonly operationName: string,
    readonly problems: readonly GraphqlProblem[],
    readonly status: number | null,
  ) {
    super(`${operationName}: ${problems.map((problem) => problem.message).join('; ')}`);
    this.name = 'GraphqlRequestError';
  }

  /** The server does not know who this is: the session is missing or has ended. */
  get unauthenticated(): boolean {
    return this.status === 401 || this.problems.some((problem) => problem.code === unauthenticatedCode);
  }

  /** The server could not be reached or answered with something other than GraphQL. */
  get network(): boolean {
    return this.problems.length > 0 && this.problems.every((problem) => problem.code === networkCode);
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemFrom(raw: unknown): GraphqlProblem {
  if (!isRecord(raw)) {
    return { message: 'The server reported an error without a description.', code: null, path: null };
  }
  const message = typeof raw['message'] === 'string' && raw['message'] !== '' ? raw['message'] : 'Unknown error.';
  const extensions = raw['extensions'];
  const code = isRecord(extensions) && typeof extensions['code'] === 'string' ? extensions['code'] : null;
  const path = Array.isArray(raw['path']) ? raw['path'].join('.') : null;
  return { message, code, path };
}

/** The `errors` entries of a GraphQL response body, or none when the body has no such list. */
export function problemsFrom(body: unknown): GraphqlProblem[] {
  if (!isRecord(body) || !Array.isArray(body['errors'])) {
    return [];
  }
  return body['errors'].map(problemFrom);
}

/**
 * The data of a GraphQL response body. Any `errors` entry fails the whole operation: the views
 * in this app need complete answers, and partial data would hide a problem from the reader.
 */
export function dataFrom<TResult>(operationName: string, body: unknown, status: number | null): TResult {
  const problems = problemsFrom(body);
  if (problems.length > 0) {
    throw new GraphqlRequestError(operationName, problems, status);
  }
  if (!isRecord(body) || !isRecord(body['data'])) {
    throw new GraphqlRequestError(operationName, [{ message: 'The server answered without data.', code: null, path: null }], status);
  }
  return body['data'] as TResult;
}

/** A request that got no GraphQL answer at all: offline, server down, a proxy's error page. */
export function networkError(operationName: string, status: number | null, detail: string): GraphqlRequestError {
  const message = status === null || status === 0 ? `The server could not be reached (${detail}).` : `The server answered with HTTP ${status} (${detail}).`;
  return new GraphqlRequestError(operationName, [{ message, code: networkCode, path: null }], status);
}
