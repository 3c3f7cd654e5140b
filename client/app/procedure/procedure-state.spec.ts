import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { protocolUrls } from '../../testing/demo-parliament';
import { demoPerson, demoProcedure } from '../../testing/demo-procedure';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import type { ProcedureResult, ProcedureUpdatesResult } from './procedure.generated';
import { ProcedureState, type Procedure } from './procedure-state';
import { ServerClock } from './server-clock';

describe('ProcedureState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let updates: Subject<ProcedureUpdatesResult>;
  let reconnected: Subject<void>;
  let connection: ReturnType<typeof signal<LiveConnection>>;
  let state: ProcedureState;

  function loaded(procedure: Procedure): ProcedureResult {
    return {
      sitting: {
        id: 'sitting-42',
        number: 42,
        title: '42nd plenary sitting',
        ...protocolUrls('sitting-42'),
        agenda: [
          { id: 'sitting-42-item-2', position: 2, title: 'Budget Act 2027 – first reading', kind: 'DEBATE' },
          { id: 'sitting-42-item-1', position: 1, title: 'Opening of the sitting', kind: 'PROCEDURE' },
        ],
        rulebook: {
          preset: 'bundestag-2025',
          name: 'Bundestag 2025',
          pointOfOrderCategories: [{ id: 'adjournment', labelDe: 'Vertagung', labelEn: 'Adjournment' }],
        },
        procedure,
      },
    };
  }

  function update(procedure: Procedure, sittingId = 'sitting-42', kinds = ['floor.granted']): ProcedureUpdatesResult {
    return { procedureUpdates: { sittingId, seq: procedure.seq, kinds, procedure } };
  }

  beforeEach(() => {
    updates = new Subject<ProcedureUpdatesResult>();
    reconnected = new Subject<void>();
    connection = signal<LiveConnection>('closed');
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    const subscriptions = jasmine.createSpyObj<GraphqlSubscriptions>('GraphqlSubscriptions', ['subscribe'], {
      connection: connection.asReadonly(),
      reconnected: reconnected.asObservable(),
    });
    subscriptions.subscribe.and.returnValue(updates.asObservable());
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: GraphqlSubscriptions, useValue: subscriptions },
      ],
    });
    state = TestBed.inject(ProcedureState);
  });

  it('loads the frame and the procedure, the agenda (the procedure’s, amendments included) in order of position', async () => {
    const agenda = [
      { id: 'sitting-42-item-2', position: 2, title: 'Budget Act 2027 – first reading', dealtWith: true },
      { id: 'sitting-42-item-1', position: 1, title: 'Opening of the sitting', dealtWith: false },
    ];
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 7, agenda })));
    await state.load('sitting-42');

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42' });
    expect(state.seq()).toBe(7);
    expect(state.agenda().map((item) => item.position)).toEqual([1, 2]);
    expect(state.categories()[0]?.labelEn).toBe('Adjournment');
  });

  it('says when there is no such sitting', async () => {
    graphql.request.and.resolveTo({ sitting: null });
    await state.load('sitting-404');

    expect(state.notFound()).toBeTrue();
    expect(state.procedure()).toBeNull();
  });

  it('takes only updates newer than what it shows, whatever order they arrive in', async () => {
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10 })));
    await state.load('sitting-42');
    state.follow('sitting-42');

    updates.next(update(demoProcedure({ seq: 12, phase: 'SUSPENDED' })));
    expect(state.procedure()?.phase).toBe('SUSPENDED');

    updates.next(update(demoProcedure({ seq: 11, phase: 'CLOSED' })));
    updates.next(update(demoProcedure({ seq: 12, phase: 'CLOSED' })));
    expect(state.seq()).toBe(12);
    expect(state.procedure()?.phase).toBe('SUSPENDED');

    expect(state.apply(demoProcedure({ seq: 13, phase: 'OPEN' }))).toBeTrue();
    expect(state.procedure()?.phase).toBe('OPEN');
  });

  it('does not let a late query answer undo a pushed update', async () => {
    let answer: (result: ProcedureResult) => void = () => undefined;
    graphql.request.and.returnValue(new Promise((resolve) => (answer = resolve)));
    const loading = state.load('sitting-42');
    state.follow('sitting-42');

    updates.next(update(demoProcedure({ seq: 15, phase: 'SUSPENDED' })));
    answer(loaded(demoProcedure({ seq: 14 })));
    await loading;

    expect(state.seq()).toBe(15);
    expect(state.procedure()?.phase).toBe('SUSPENDED');
    expect(state.frame()?.title).toBe('42nd plenary sitting');
  });

  it('merges an update into the loaded sitting: the frame stays, the procedure and the last kinds change', async () => {
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10 })));
    await state.load('sitting-42');
    state.follow('sitting-42');

    updates.next(update(demoProcedure({ seq: 11, orderPolicy: 'PRO_CONTRA' }), 'sitting-42', ['agenda.order_policy_set']));

    expect(state.frame()?.rulebook.name).toBe('Bundestag 2025');
    expect(state.procedure()?.orderPolicy).toBe('PRO_CONTRA');
    expect(state.lastKinds()).toEqual(['agenda.order_policy_set']);
  });

  it('ignores updates of another sitting', async () => {
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10 })));
    await state.load('sitting-42');
    state.follow('sitting-42');

    updates.next(update(demoProcedure({ seq: 99, phase: 'CLOSED' }), 'sitting-7'));

    expect(state.seq()).toBe(10);
  });

  it('notes who joined by comparing the people present, newest first', async () => {
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10 })));
    await state.load('sitting-42');
    expect(state.joins()).toEqual([]);

    const keller = demoPerson('a.keller');
    const brandt = demoPerson('j.brandt');
    const vogel = demoPerson('l.vogel');
    const attendance = demoProcedure().attendance;
    state.apply(demoProcedure({ seq: 11, serverTime: '2026-12-03T09:31:00.000Z', attendance: { ...attendance, present: [keller, brandt] } }));
    state.apply(demoProcedure({ seq: 12, serverTime: '2026-12-03T09:32:00.000Z', attendance: { ...attendance, present: [keller, brandt, vogel] } }));

    expect(state.joins().map((join) => [join.person.name, join.at])).toEqual([
      ['Leonie Vogel', '2026-12-03T09:32:00.000Z'],
      ['Jonas Brandt', '2026-12-03T09:31:00.000Z'],
    ]);
  });

  it('sets the server clock from each procedure it takes', async () => {
    const clock = TestBed.inject(ServerClock);
    const serverTime = new Date(Date.now() + 90_000).toISOString();
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10, serverTime })));
    await state.load('sitting-42');

    expect(clock.offset()).toBeGreaterThan(89_000);
    expect(clock.offset()).toBeLessThan(91_000);
  });

  it('loads again after the socket comes back, until it stops following', async () => {
    graphql.request.and.resolveTo(loaded(demoProcedure({ seq: 10 })));
    const stop = state.follow('sitting-42');

    reconnected.next();
    expect(graphql.request).toHaveBeenCalledTimes(1);

    stop();
    reconnected.next();
    expect(graphql.request).toHaveBeenCalledTimes(1);
    expect(updates.observed).toBeFalse();
  });

  it('reports live status from the socket and stops on a subscription error', () => {
    expect(state.live()).toBe('off');
    const stop = state.follow('sitting-42');
    expect(state.live()).toBe('connecting');
    connection.set('open');
    expect(state.live()).toBe('live');

    updates.error(new Error('gone'));
    expect(state.live()).toBe('interrupted');

    stop();
    expect(state.live()).toBe('off');
  });
});
