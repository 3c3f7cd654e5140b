import { TestBed } from '@angular/core/testing';
import { demoProcedure, demoRequest } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlRequestError } from '../shared/graphql-error';
import { ChairState, movedOrder } from './chair-state';

describe('ChairState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let state: ChairState;
  const listed = demoProcedure({
    speakerList: {
      agendaItemId: 'sitting-42-item-2',
      closed: false,
      requests: [
        demoRequest('r1', 'j.brandt', '2026-12-03T09:20:00Z'),
        demoRequest('r2', 'f.kuhn', '2026-12-03T09:21:00Z'),
        demoRequest('r3', 'a.ernst', '2026-12-03T09:22:00Z'),
      ],
    },
  });

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [{ provide: GraphqlClient, useValue: graphql }] });
    state = TestBed.inject(ChairState);
  });

  async function loadWith(answers: Record<string, unknown>): Promise<void> {
    answerByName(graphql, { Procedure: procedureAnswer(listed), ...answers });
    await TestBed.inject(ProcedureState).load('sitting-42');
  }

  it('shows the procedure a command answers with at once', async () => {
    const granted = demoProcedure({
      seq: 11,
      floor: {
        id: 'floor-1',
        requestId: 'r1',
        answer: false,
        person: demoRequest('r1', 'j.brandt', '2026-12-03T09:20:00Z').person,
        kind: 'SPEECH',
        startedAt: '2026-12-03T09:30:00Z',
        limitSeconds: 300,
        elapsedSeconds: 0,
        overrunSeconds: 0,
        interjection: null,
        pendingInterjections: [],
        clockStopped: false,
        warningSeconds: null,
        graceEndsAt: null,
        talkingStick: false,
      },
    });
    await loadWith({ NextSpeaker: { nextSpeaker: { __typename: 'MutationNextSpeakerSuccess', data: granted } } });

    expect(await state.nextSpeaker()).toBeTrue();

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42' });
    expect(state.procedure.procedure()?.floor?.person.name).toBe('Jonas Brandt');
    expect(state.problem('floor')).toBeNull();
  });

  it('keeps a refusal beside the control that sent it, and clears it on the next try', async () => {
    await loadWith({
      AddSpeaker: {
        addSpeaker: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', rule: 'speaker_list.closed', message: 'The speaker list is closed.' },
      },
    });

    expect(await state.addSpeaker('l.vogel', 'SPEECH', null)).toBeFalse();

    expect(state.problem('speakers')).toBe('The speaker list is closed.');
    expect(state.problem('floor')).toBeNull();
    expect(state.procedure.seq()).toBe(10);

    answerByName(graphql, { AddSpeaker: { addSpeaker: { __typename: 'MutationAddSpeakerSuccess', data: demoProcedure({ seq: 12 }) } } });
    await state.addSpeaker('l.vogel', 'SPEECH', null);
    expect(state.problem('speakers')).toBeNull();
  });

  it('names the fields an input error is about and shows errors of the request itself', async () => {
    await loadWith({
      ExtendFloor: {
        extendFloor: { __typename: 'InputError', code: 'INPUT', message: 'Invalid input.', issues: [{ path: ['seconds'], message: 'Must be positive.' }] },
      },
      EndFloor: () => {
        throw new GraphqlRequestError('EndFloor', [{ message: 'Not authorised', code: 'FORBIDDEN', path: null }], 200);
      },
    });

    await state.extendFloor(-5);
    await state.endFloor();

    expect(state.problem('floor')).toBe('Not authorised (FORBIDDEN)');
    await state.extendFloor(-5);
    expect(state.problem('floor')).toBe('Invalid input. Must be positive.');
  });

  it('moves a speaker by sending the whole new order', async () => {
    await loadWith({ ReorderSpeakers: { reorderSpeakers: { __typename: 'MutationReorderSpeakersSuccess', data: listed } } });

    await state.moveSpeaker('r3', -1);

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42', order: ['r1', 'r3', 'r2'] });
    expect(await state.moveSpeaker('r1', -1)).toBeFalse();
    expect(graphql.request.calls.mostRecent().args[0].operationName).toBe('ReorderSpeakers');
  });

  it('computes moved orders and refuses moves past either end', () => {
    expect(movedOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(movedOrder(['a', 'b', 'c'], 'x', 1)).toBeNull();
  });

  it('keeps prepared drafts, and marks them for reloading once one is opened', async () => {
    const draft = {
      id: 'draft-1',
      title: 'Referral to the budget committee',
      kind: 'NAMED' as const,
      options: [],
      abstention: true,
      majority: 'SIMPLE' as const,
      live: false,
      durationSeconds: null,
      autoCloseWhenAllVoted: false,
      category: null,
      agendaItemId: 'sitting-42-item-2',
      opened: false,
    };
    await loadWith({
      PrepareVote: { prepareVote: { __typename: 'MutationPrepareVoteSuccess', data: draft } },
      OpenVote: { openVote: { __typename: 'MutationOpenVoteSuccess', data: demoProcedure({ seq: 20 }) } },
      VoteDrafts: { sitting: { id: 'sitting-42', voteDrafts: [{ ...draft, opened: true }] } },
    });

    await state.prepareVote({ title: draft.title, kind: 'NAMED' });
    expect(state.openableDrafts().map((candidate) => candidate.id)).toEqual(['draft-1']);

    await state.openVote('draft-1');
    await Promise.resolve();
    await Promise.resolve();
    expect(state.procedure.seq()).toBe(20);
    expect(state.openableDrafts()).toEqual([]);
  });
});
