import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { answerByName } from '../../testing/procedure-answers';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions } from '../shared/graphql-subscriptions';
import type { WatchSittingUpdatesResult } from './watch.generated';
import { WatchState, type PublicSitting } from './watch-state';

describe('WatchState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let updates: Subject<WatchSittingUpdatesResult>;
  let reconnected: Subject<void>;
  let state: WatchState;

  const sitting = (change: Partial<PublicSitting> = {}): PublicSitting => ({
    id: 'sitting-42',
    number: 42,
    title: '42nd plenary sitting',
    phase: 'OPEN',
    startsAt: '2026-12-03T08:00:00.000Z',
    suspension: null,
    broadcast: { live: true },
    currentItem: { position: 2, title: 'Budget Act 2027 – first reading' },
    currentSpeaker: null,
    closedVotes: [],
    ...change,
  });

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    updates = new Subject();
    reconnected = new Subject();
    const subscriptions = {
      subscribe: jasmine.createSpy('subscribe').and.returnValue(updates),
      reconnected,
      connection: signal('open').asReadonly(),
    };
    TestBed.configureTestingModule({
      providers: [WatchState, { provide: GraphqlClient, useValue: graphql }, { provide: GraphqlSubscriptions, useValue: subscriptions }],
    });
    state = TestBed.inject(WatchState);
  });

  it('loads the public sitting, takes every update, and loads again after a reconnect', async () => {
    answerByName(graphql, { WatchSitting: { publicSitting: sitting() } });
    const stop = state.follow('sitting-42');
    await Promise.resolve();
    await Promise.resolve();
    expect(state.sitting()?.currentItem?.position).toBe(2);
    expect(state.live()).toBe('live');

    const speaker = { name: 'Jonas Brandt', factionShortName: 'SDA', factionColour: '#d7263d', kind: 'SPEECH' as const, startedAt: '2026-12-03T09:10:00.000Z' };
    updates.next({ publicSittingUpdates: sitting({ currentSpeaker: speaker }) });
    expect(state.sitting()?.currentSpeaker?.name).toBe('Jonas Brandt');
    updates.next({ publicSittingUpdates: sitting({ id: 'sitting-43', title: 'another' }) });
    expect(state.sitting()?.id).toBe('sitting-42');

    reconnected.next();
    expect(graphql.request).toHaveBeenCalledTimes(2);
    stop();
    expect(state.live()).toBe('off');
  });

  it('says when there is no such sitting', async () => {
    answerByName(graphql, { WatchSitting: { publicSitting: null } });
    await state.load('no-such-sitting');
    expect(state.notFound()).toBeTrue();
  });
});
