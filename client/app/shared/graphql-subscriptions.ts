import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import { createClient, type Client, type ClientOptions } from 'graphql-ws/client';
import { Observable, Subject } from 'rxjs';
import { GraphqlRequestError, dataFrom, networkError, problemsFrom, unauthenticatedCode } from './graphql-error';
import type { GraphqlOperation } from './graphql-operation';
import { graphqlPath } from './graphql-client';
import { SessionState } from './session-state';

/** Creates the graphql-ws client; a token so that specs can hand in a client without a socket. */
export const graphqlWsClientFactory = new InjectionToken<(options: ClientOptions) => Client>('graphql-ws client factory', {
  providedIn: 'root',
  factory: () => createClient,
});

/** State of the one WebSocket all subscriptions share. */
export type LiveConnection = 'closed' | 'connecting' | 'open';

/** How current a page kept live by a subscription is: `interrupted` means its updates stopped with an error. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'interrupted';

/** The live status of a page that is `following` or not, whose subscription failed with `liveError` (or null). */
export function liveStatus(following: boolean, liveError: unknown, connection: LiveConnection): LiveStatus {
  if (!following) {
    return 'off';
  }
  if (liveError !== null) {
    return 'interrupted';
  }
  return connection === 'open' ? 'live' : 'connecting';
}

/** graphql-ws close codes that mean "sign in first" (4401 Unauthorized, 4403 Forbidden). */
const authenticationCloseCodes: ReadonlySet<number> = new Set([4401, 4403]);

function closeCode(event: unknown): number | null {
  if (typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number') {
    return event.code;
  }
  return null;
}

/** What a subscription's error sink received, as the same error type the HTTP client throws. */
export function subscriptionError(operationName: string, error: unknown): GraphqlRequestError {
  if (error instanceof GraphqlRequestError) {
    return error;
  }
  if (Array.isArray(error)) {
    return new GraphqlRequestError(operationName, problemsFrom({ errors: error }), null);
  }
  const code = closeCode(error);
  if (code !== null && authenticationCloseCodes.has(code)) {
    const reason = typeof error === 'object' && error !== null && 'reason' in error ? String(error.reason) : '';
    return new GraphqlRequestError(operationName, [{ message: reason || 'Live updates need a signed-in user.', code: unauthenticatedCode, path: null }], null);
  }
  if (code !== null) {
    return networkError(operationName, null, `live connection closed with code ${code}`);
  }
  return networkError(operationName, null, error instanceof Error ? error.message : 'live connection failed');
}

/**
 * Subscriptions over one lazily opened graphql-ws WebSocket at ws(s)://<host>/graphql. The browser
 * sends the session cookie with the upgrade request. Each subscription is a cold Observable:
 * subscribing starts the operation, unsubscribing completes it on the server.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlSubscriptions {
  private readonly document = inject(DOCUMENT);
  private readonly createClient = inject(graphqlWsClientFactory);
  private readonly session = inject(SessionState);

  private readonly connectionSignal = signal<LiveConnection>('closed');
  private readonly reconnectedSubject = new Subject<void>();
  private client: Client | null = null;

  readonly connection = this.connectionSignal.asReadonly();
  /**
   * Emits when the socket is back after a drop. Subscriptions resume by themselves, but events
   * published in between are lost: whoever shows live data reloads it here.
   */
  readonly reconnected: Observable<void> = this.reconnectedSubject.asObservable();

  subscribe<TResult, TVariables>(operation: GraphqlOperation<TResult, TVariables>, variables: TVariables): Observable<TResult> {
    return new Observable<TResult>((subscriber) =>
      this.connect().subscribe<TResult>(
        { query: operation.document, operationName: operation.operationName, variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            let data: TResult;
            try {
              data = dataFrom<TResult>(operation.operationName, result, null);
            } catch (error: unknown) {
              subscriber.error(this.noteAuthentication(subscriptionError(operation.operationName, error)));
              return;
            }
            subscriber.next(data);
          },
          error: (error: unknown) => subscriber.error(this.noteAuthentication(subscriptionError(operation.operationName, error))),
          complete: () => subscriber.complete(),
        },
      ),
    );
  }

  private noteAuthentication(error: GraphqlRequestError): GraphqlRequestError {
    if (error.unauthenticated) {
      this.session.markLost();
    }
    return error;
  }

  private connect(): Client {
    this.client ??= this.createClient({
      url: this.socketUrl(),
      lazy: true,
      lazyCloseTimeout: 3_000,
      retryAttempts: 30,
      on: {
        connecting: () => this.connectionSignal.set('connecting'),
        connected: (_socket, _payload, wasRetry) => {
          this.connectionSignal.set('open');
          if (wasRetry) {
            this.reconnectedSubject.next();
          }
        },
        closed: () => this.connectionSignal.set('closed'),
      },
    });
    return this.client;
  }

  private socketUrl(): string {
    const { protocol, host } = this.document.location;
    return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${graphqlPath}`;
  }
}
