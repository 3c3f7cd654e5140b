import { TestBed } from '@angular/core/testing';
import type { Client, ClientOptions, Sink, SubscribePayload } from 'graphql-ws/client';
import { protocolUrls } from '../../testing/demo-parliament';
import { sittingEventsSubscription, type SittingEventsResult } from '../sitting/sitting-events.generated';
import { GraphqlRequestError } from './graphql-error';
import { GraphqlSubscriptions, graphqlWsClientFactory } from './graphql-subscriptions';
import { SessionState } from './session-state';

/** Stands in for graphql-ws: records what was subscribed and lets the spec play the server. */
class ScriptedClient {
  options: ClientOptions | null = null;
  payload: SubscribePayload | null = null;
  sink: Sink<unknown> | null = null;
  disposed = 0;

  subscribe(payload: SubscribePayload, sink: Sink<unknown>): () => void {
    this.payload = payload;
    this.sink = sink;
    return () => (this.disposed += 1);
  }
}

describe('GraphqlSubscriptions', () => {
  let scripted: ScriptedClient;
  let subscriptions: GraphqlSubscriptions;
  let session: SessionState;

  beforeEach(() => {
    scripted = new ScriptedClient();
    TestBed.configureTestingModule({
      providers: [
        {
          provide: graphqlWsClientFactory,
          useValue: (options: ClientOptions) => {
            scripted.options = options;
            return scripted as unknown as Client;
          },
        },
      ],
    });
    subscriptions = TestBed.inject(GraphqlSubscriptions);
    session = TestBed.inject(SessionState);
  });

  const event: SittingEventsResult = {
    sittingEvents: {
      kind: 'agenda.changed',
      sittingId: 'sitting-42',
      at: '2026-12-03T09:05:00.000Z',
      sitting: {
        id: 'sitting-42',
        number: 42,
        title: '42nd plenary sitting',
        startsAt: '2026-12-03T08:00:00.000Z',
        state: 'OPEN',
        postponedFrom: null,
        cancelReason: null,
        ...protocolUrls('sitting-42'),
        agenda: [],
      },
    },
  };

  it('opens one lazy socket at ws://<host>/graphql and sends the operation', () => {
    const received: SittingEventsResult[] = [];
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe((value) => received.push(value));

    expect(scripted.options?.url).toBe(`ws://${location.host}/graphql`);
    expect(scripted.options?.lazy).toBeTrue();
    expect(scripted.payload).toEqual({
      query: sittingEventsSubscription.document,
      operationName: 'SittingEvents',
      variables: { sittingId: 'sitting-42' },
    });

    scripted.sink?.next({ data: event });
    expect(received).toEqual([event]);
  });

  it('completes the operation on the server when the subscriber unsubscribes', () => {
    const subscription = subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe();
    expect(scripted.disposed).toBe(0);

    subscription.unsubscribe();
    expect(scripted.disposed).toBe(1);
  });

  it('turns errors in a result into a GraphqlRequestError', () => {
    let failure: unknown = null;
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe({ error: (error: unknown) => (failure = error) });

    scripted.sink?.next({ errors: [{ message: 'No such sitting', extensions: { code: 'NOT_FOUND' } }] });

    expect(failure).toEqual(jasmine.any(GraphqlRequestError));
    expect((failure as GraphqlRequestError).problems).toEqual([{ message: 'No such sitting', code: 'NOT_FOUND', path: null }]);
  });

  it('treats close code 4403 as signed out and marks the session lost', () => {
    let failure: unknown = null;
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe({ error: (error: unknown) => (failure = error) });

    scripted.sink?.error({ code: 4403, reason: 'Forbidden' });

    expect((failure as GraphqlRequestError).unauthenticated).toBeTrue();
    expect(session.lost()).toBeTrue();
  });

  it('reports other closes as network problems naming the close code', () => {
    let failure: unknown = null;
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe({ error: (error: unknown) => (failure = error) });

    scripted.sink?.error({ code: 1011, reason: '' });

    expect((failure as GraphqlRequestError).network).toBeTrue();
    expect((failure as GraphqlRequestError).problems[0]?.message).toContain('code 1011');
    expect(session.lost()).toBeFalse();
  });

  it('announces a connection that comes back after a drop, not the first one', () => {
    let reconnections = 0;
    subscriptions.reconnected.subscribe(() => (reconnections += 1));
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe();
    const on = scripted.options?.on;

    on?.connected?.({}, undefined, false);
    expect(reconnections).toBe(0);
    on?.closed?.({ code: 1006 });
    on?.connected?.({}, undefined, true);
    expect(reconnections).toBe(1);
  });

  it('follows the socket through connecting, connected and closed', () => {
    subscriptions.subscribe(sittingEventsSubscription, { sittingId: 'sitting-42' }).subscribe();
    const on = scripted.options?.on;
    expect(subscriptions.connection()).toBe('closed');

    on?.connecting?.(false);
    expect(subscriptions.connection()).toBe('connecting');
    on?.connected?.({}, undefined, false);
    expect(subscriptions.connection()).toBe('open');
    on?.closed?.({ code: 1000 });
    expect(subscriptions.connection()).toBe('closed');
  });
});
