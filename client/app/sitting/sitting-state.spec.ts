import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { demoOverview, demoSittings } from '../../testing/demo-parliament';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlRequestError } from '../shared/graphql-error';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import type { SittingEventsResult } from './sitting-events.generated';
import type { SittingOverviewResult } from './sitting-overview.generated';
import { SittingState, type SittingDetail } from './sitting-state';

describe('SittingState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let subscriptions: jasmine.SpyObj<GraphqlSubscriptions>;
  let connection: ReturnType<typeof signal<LiveConnection>>;
  let events: Subject<SittingEventsResult>;
  let reconnected: Subject<void>;
  let state: SittingState;

  beforeEach(() => {
    connection = signal<LiveConnection>('closed');
    events = new Subject<SittingEventsResult>();
    reconnected = new Subject<void>();
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    subscriptions = jasmine.createSpyObj<GraphqlSubscriptions>('GraphqlSubscriptions', ['subscribe'], {
      connection: connection.asReadonly(),
      reconnected: reconnected.asObservable(),
    });
    subscriptions.subscribe.and.returnValue(events.asObservable());
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: GraphqlSubscriptions, useValue: subscriptions },
      ],
    });
    state = TestBed.inject(SittingState);
  });

  function operationNames(): string[] {
    return graphql.request.calls.allArgs().map(([operation]) => operation.operationName);
  }

  function withSitting(overview: SittingOverviewResult, changes: Partial<SittingDetail>): SittingOverviewResult {
    if (overview.sitting === null) {
      throw new Error('the demo overview has a sitting');
    }
    return { ...overview, sitting: { ...overview.sitting, ...changes } };
  }

  function eventFor(sitting: SittingDetail, kind = 'agenda.changed'): SittingEventsResult {
    return { sittingEvents: { kind, sittingId: sitting.id, at: '2026-12-03T09:05:00.000Z', sitting } };
  }

  it('loads the sittings list', async () => {
    graphql.request.and.resolveTo({ sittings: demoSittings() });

    await state.loadSittings();

    expect(operationNames()).toEqual(['Sittings']);
    expect(state.sittings()?.map((sitting) => sitting.id)).toEqual(['sitting-42']);
    expect(state.loading()).toBeFalse();
    expect(state.error()).toBeNull();
  });

  it('loads the overview by id and orders the agenda by position', async () => {
    const overview = demoOverview();
    const agenda = overview.sitting?.agenda ?? [];
    graphql.request.and.resolveTo(withSitting(overview, { agenda: [...agenda].reverse() }));

    await state.loadOverview('sitting-42');

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ id: 'sitting-42' });
    expect(state.sitting()?.title).toBe('42nd plenary sitting');
    expect(state.agenda().map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.memberGroups().at(-1)?.key).toBe('independent');
    expect(state.seatSegments().map((segment) => segment.seats)).toEqual([14, 12, 9, 7, 6, 1]);
  });

  it('keeps the error and no stale data when loading fails', async () => {
    const failure = new GraphqlRequestError('SittingOverview', [{ message: 'down', code: null, path: null }], 200);
    graphql.request.and.rejectWith(failure);

    await state.loadOverview('sitting-42');

    expect(state.error()).toBe(failure);
    expect(state.overview()).toBeNull();
    expect(state.loading()).toBeFalse();
  });

  it('ignores an answer that arrives after a newer request was made', async () => {
    let answerOlder: (overview: SittingOverviewResult) => void = () => undefined;
    let answerNewer: (overview: SittingOverviewResult) => void = () => undefined;
    graphql.request.and.returnValues(new Promise((resolve) => (answerOlder = resolve)), new Promise((resolve) => (answerNewer = resolve)));

    const first = state.loadOverview('sitting-41');
    const second = state.loadOverview('sitting-42');
    answerNewer(demoOverview());
    await second;
    answerOlder(withSitting(demoOverview(), { id: 'sitting-41', title: 'Old sitting' }));
    await first;

    expect(state.sitting()?.id).toBe('sitting-42');
  });

  it('follows the sitting: an event replaces the agenda, events of other sittings are ignored', async () => {
    graphql.request.and.resolveTo(demoOverview());
    await state.loadOverview('sitting-42');
    const stop = state.follow('sitting-42');
    expect(subscriptions.subscribe.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42' });

    const current = state.sitting();
    if (current === null) {
      throw new Error('loaded');
    }
    const [first, ...rest] = current.agenda;
    const added = { id: 'new-item', position: 7, title: 'Urgent motion', kind: 'VOTE' as const, description: null, debateMinutes: null, documentLinks: [] };
    events.next(eventFor({ ...current, state: 'OPEN', agenda: [...rest, added] }));

    expect(state.sitting()?.state).toBe('OPEN');
    expect(state.agenda().map((item) => item.title)).not.toContain(first?.title ?? '');
    expect(state.agenda().at(-1)?.title).toBe('Urgent motion');
    expect(state.lastEvent()?.kind).toBe('agenda.changed');

    events.next(eventFor({ ...current, id: 'sitting-7', title: 'Another sitting' }));
    expect(state.sitting()?.title).toBe('42nd plenary sitting');

    stop();
    expect(events.observed).toBeFalse();
  });

  it('loads the overview again when the socket comes back, until it stops following', async () => {
    graphql.request.and.resolveTo(demoOverview());
    const stop = state.follow('sitting-42');

    reconnected.next();
    expect(graphql.request).toHaveBeenCalledTimes(1);
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ id: 'sitting-42' });

    stop();
    reconnected.next();
    expect(graphql.request).toHaveBeenCalledTimes(1);
  });

  it('reports live status from the socket and interrupts on a subscription error', () => {
    expect(state.live()).toBe('off');
    const stop = state.follow('sitting-42');
    expect(state.live()).toBe('connecting');

    connection.set('open');
    expect(state.live()).toBe('live');

    events.error(new GraphqlRequestError('SittingEvents', [{ message: 'gone', code: 'NETWORK', path: null }], null));
    expect(state.live()).toBe('interrupted');
    expect(state.liveError()).toEqual(jasmine.any(GraphqlRequestError));

    stop();
    expect(state.live()).toBe('off');
  });
});
