import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { GraphqlRequestError, dataFrom, networkError, problemsFrom } from './graphql-error';
import type { GraphqlOperation } from './graphql-operation';
import { SessionState } from './session-state';

/** Same origin as the app: the session cookie goes along, and the server's CSP allows it. */
export const graphqlPath = '/graphql';

/**
 * Sent on every request: the server refuses cookie-authenticated GraphQL without it, since a page of
 * another site cannot add a custom header without a CORS preflight (server/http/csrf.ts).
 */
export const csrfHeaders = { 'x-plenum-csrf': '1' } as const;

/**
 * Queries and mutations over HTTP POST. This is the transport edge: callers get a Promise of the
 * typed data, or a GraphqlRequestError naming every problem.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionState);

  async request<TResult, TVariables>(operation: GraphqlOperation<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    if (operation.kind === 'subscription') {
      throw new Error(`${operation.operationName} is a subscription: use GraphqlSubscriptions`);
    }
    try {
      const body = await firstValueFrom(
        this.http.post<unknown>(
          graphqlPath,
          { query: operation.document, operationName: operation.operationName, variables },
          { headers: { accept: 'application/graphql-response+json, application/json', ...csrfHeaders } },
        ),
      );
      return dataFrom<TResult>(operation.operationName, body, 200);
    } catch (error: unknown) {
      throw this.noteAuthentication(this.requestError(operation.operationName, error));
    }
  }

  private noteAuthentication(error: GraphqlRequestError): GraphqlRequestError {
    if (error.unauthenticated) {
      this.session.markLost();
    }
    return error;
  }

  private requestError(operationName: string, error: unknown): GraphqlRequestError {
    if (error instanceof GraphqlRequestError) {
      return error;
    }
    if (error instanceof HttpErrorResponse) {
      const problems = problemsFrom(error.error);
      return problems.length > 0
        ? new GraphqlRequestError(operationName, problems, error.status)
        : networkError(operationName, error.status, error.statusText || error.message);
    }
    return networkError(operationName, null, error instanceof Error ? error.message : String(error));
  }
}
