import { TestBed } from '@angular/core/testing';
import { answerByName } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import type { ChamberArrangementsResult } from './arrangements.generated';
import { ArrangementsState, type Chamber, type Subroom } from './arrangements-state';

describe('ArrangementsState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let state: ArrangementsState;

  const sda = { id: 'sda', shortName: 'SDA', colour: '#d7263d' };
  const person = (id: string, name: string, faction = sda) => ({ id, name, faction });
  const room: Subroom = {
    id: 'room-1',
    name: 'SDA consultation',
    faction: sda,
    openedBy: { id: 'p-brandt', name: 'Jonas Brandt' },
    members: [person('p-brandt', 'Jonas Brandt')],
    invited: [person('p-vogel', 'Leonie Vogel')],
  };
  const chamber = (change: Partial<Chamber> = {}): Chamber => ({
    sittingId: 'sitting-42',
    mediaAvailable: true,
    booths: [
      {
        booth: { id: 'en', language: 'en', name: 'English', kind: 'SPOKEN' },
        onAir: null,
        relayLanguage: null,
        interpreters: [{ id: 'p-en1', givenName: 'Emma', familyName: 'Hill' }],
      },
      { booth: { id: 'dgs', language: 'de-DGS', name: 'DGS', kind: 'SIGN' }, onAir: null, relayLanguage: null, interpreters: [] },
    ],
    subrooms: [room],
    mySubroom: null,
    myInvitations: [room],
    ...change,
  });
  const arrangements: ChamberArrangementsResult = {
    sitting: { id: 'sitting-42', chamber: chamber() },
    people: [
      { ...person('p-brandt', 'Jonas Brandt'), roles: ['MEMBER'] },
      { ...person('p-vogel', 'Leonie Vogel'), roles: ['MEMBER'] },
      { ...person('p-kuhn', 'Felix Kuhn'), roles: ['MEMBER'] },
      { ...person('p-ernst', 'Anja Ernst', { id: 'cvp', shortName: 'CVP', colour: '#2b2d42' }), roles: ['MEMBER'] },
      { ...person('p-en1', 'Emma Hill', sda), roles: ['INTERPRETER'] },
    ],
  };

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
      ],
    });
    answerByName(graphql, {
      Viewer: {
        me: { username: 'l.vogel', name: 'Leonie Vogel', roles: ['MEMBER'], person: { id: 'p-vogel', name: 'Leonie Vogel', faction: sda, booth: null } },
      },
      ChamberArrangements: arrangements,
      AcceptSubroomInvitation: {
        acceptSubroomInvitation: {
          __typename: 'MutationAcceptSubroomInvitationSuccess',
          data: chamber({ mySubroom: { ...room, members: [...room.members, person('p-vogel', 'Leonie Vogel')], invited: [] }, myInvitations: [] }),
        },
      },
      HandOverBooth: {
        handOverBooth: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'only an interpreter…', rule: 'forbidden.not_interpreter' },
      },
    });
    await TestBed.inject(ViewerState).load();
    state = TestBed.inject(ArrangementsState);
    await state.load('sitting-42');
  });

  it('loads the booths, the invitations and names for everyone', () => {
    expect(state.spokenBooths().map((booth) => booth.booth.language)).toEqual(['en']);
    expect(state.hasSignBooth()).toBeTrue();
    expect(state.chamber()?.myInvitations.map((invitation) => invitation.name)).toEqual(['SDA consultation']);
    expect(state.names().get('p-brandt')).toBe('Jonas Brandt');
  });

  it('tells whether the server carries media from the arrangements, fetching them only when not at hand', async () => {
    const fetches = () => graphql.request.calls.allArgs().filter(([operation]) => operation.operationName === 'ChamberArrangements').length;
    expect(await state.mediaAvailable('sitting-42')).toBeTrue();
    expect(fetches()).toBe(1);

    graphql.request.calls.reset();
    answerByName(graphql, {
      ChamberArrangements: { ...arrangements, sitting: { id: 'sitting-43', chamber: chamber({ sittingId: 'sitting-43', mediaAvailable: false }) } },
    });
    const [first, second] = await Promise.all([state.mediaAvailable('sitting-43'), state.mediaAvailable('sitting-43')]);
    expect([first, second]).toEqual([false, false]);
    expect(graphql.request.calls.count()).toBe(1);
    expect(state.chamber()?.sittingId).toBe('sitting-43');
  });

  it('offers the members of my own faction to invite, not me, not other factions, not interpreters', () => {
    expect(state.invitable().map((person) => person.id)).toEqual(['p-brandt', 'p-kuhn']);
  });

  it('accepts an invitation and shows the chamber the answer carries at once', async () => {
    expect(await state.accept('room-1')).toBeTrue();
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42', subroomId: 'room-1' });
    expect(state.chamber()?.mySubroom?.members.map((member) => member.id)).toEqual(['p-brandt', 'p-vogel']);
    expect(state.chamber()?.myInvitations).toEqual([]);
  });

  it('says why a booth command was refused, in the interface language', async () => {
    expect(await state.handOver()).toBeFalse();
    expect(state.problem('booth')).toBe('Only an interpreter of a booth may do this.');
  });
});
