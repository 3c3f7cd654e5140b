// Procedures in the shape the GraphQL API answers with, built from the demo parliament
// (fixtures/parliament.json), for specs of the chair console and the member view.
import fixture from '../../fixtures/parliament.json';
import type { PersonRef, Procedure, SpeakerRequest, Vote } from '../app/procedure/procedure-state';

const factions = new Map(fixture.factions.map((faction) => [faction.id, faction]));

/** A fixture person by username (people get their username as id here, as in demo-parliament). */
export function demoPerson(username: string): PersonRef {
  const person = fixture.people.find((candidate) => candidate.username === username);
  if (person === undefined) {
    throw new Error(`no fixture person ${username}`);
  }
  const faction = person.factionId === null ? undefined : factions.get(person.factionId);
  return {
    id: person.username,
    name: `${person.givenName} ${person.familyName}`,
    title: 'title' in person && typeof person.title === 'string' ? person.title : null,
    faction: faction === undefined ? null : { id: faction.id, shortName: faction.shortName, colour: faction.colour },
  };
}

export function demoRequest(id: string, username: string, requestedAt: string, change: Partial<SpeakerRequest> = {}): SpeakerRequest {
  return {
    id,
    person: demoPerson(username),
    kind: 'SPEECH',
    stance: null,
    requestedAt,
    addressesRequestId: null,
    addedByChair: false,
    pinned: false,
    position: 1,
    ...change,
  };
}

/** An open named yes/no/abstain vote with nobody having voted. */
export function demoVote(change: Partial<Vote> = {}): Vote {
  return {
    id: 'vote-1',
    title: 'Budget Act 2027: referral to the budget committee',
    kind: 'NAMED',
    options: [
      { id: 'opt-yes', label: 'Yes', meaning: 'YES' },
      { id: 'opt-no', label: 'No', meaning: 'NO' },
      { id: 'opt-abstain', label: 'Abstain', meaning: 'ABSTAIN' },
    ],
    majority: 'SIMPLE',
    live: false,
    agendaItemId: 'sitting-42-item-2',
    electionRound: null,
    status: 'OPEN',
    openedAt: '2026-12-03T09:40:00.000Z',
    closesAt: null,
    closedAt: null,
    eligibleCount: 3,
    ballotsCast: 0,
    liveCounts: null,
    result: null,
    ballots: null,
    myBallot: null,
    secretBallot: null,
    eligibleToMe: true,
    cancelReason: null,
    quorateAtOpening: true,
    outcome: null,
    quorumChallenged: false,
    ...change,
  };
}

/** The same vote closed and published: Jonas Brandt yes, Leonie Vogel no. */
export function demoClosedVote(change: Partial<Vote> = {}): Vote {
  const sda = { id: 'sda', shortName: 'SDA', colour: '#d7263d' };
  return demoVote({
    status: 'CLOSED',
    closedAt: '2026-12-03T09:45:00.000Z',
    ballotsCast: 2,
    liveCounts: [
      { optionId: 'opt-yes', count: 1 },
      { optionId: 'opt-no', count: 1 },
      { optionId: 'opt-abstain', count: 0 },
    ],
    outcome: 'TIE',
    result: {
      outcome: 'TIE',
      passed: false,
      reason: 'tie: 1 yes, 1 no',
      reasonCode: 'TIE',
      elected: null,
      counts: [
        { optionId: 'opt-yes', count: 1 },
        { optionId: 'opt-no', count: 1 },
        { optionId: 'opt-abstain', count: 0 },
      ],
      perFaction: [
        {
          faction: sda,
          counts: [
            { optionId: 'opt-yes', count: 1 },
            { optionId: 'opt-no', count: 1 },
          ],
        },
      ],
      eligible: 3,
      cast: 2,
      quorate: true,
    },
    ballots: [
      { optionId: 'opt-yes', person: demoPerson('j.brandt'), pseudonym: null, tokenHash: null },
      { optionId: 'opt-no', person: demoPerson('l.vogel'), pseudonym: null, tokenHash: null },
    ],
    eligibleToMe: false,
    ...change,
  });
}

/** The open sitting 42 with item 2 called, nobody on the list, nobody on the floor. */
export function demoProcedure(change: Partial<Procedure> = {}): Procedure {
  return {
    sittingId: 'sitting-42',
    seq: 10,
    serverTime: '2026-12-03T09:30:00.000Z',
    phase: 'OPEN',
    presiding: demoPerson('a.keller'),
    protocolApproval: null,
    mutedAll: false,
    resumesAt: null,
    suspensionReason: null,
    quorumCount: null,
    currentItem: { id: 'sitting-42-item-2', position: 2, title: 'Budget Act 2027 – first reading', kind: 'DEBATE' },
    orderPolicy: 'FIRST_COME',
    speakerList: { agendaItemId: 'sitting-42-item-2', closed: false, requests: [] },
    pointsOfOrder: [],
    decidedPoints: [],
    floor: null,
    attendance: {
      presentCount: 1,
      present: [demoPerson('a.keller')],
      perFaction: [{ faction: { id: 'sda', shortName: 'SDA', name: 'Social Democratic Alliance', colour: '#d7263d' }, present: 1, seats: 14 }],
      quorum: { present: 1, required: 25, quorate: false },
    },
    quotas: null,
    speakingTimes: [],
    votes: [],
    openVote: null,
    nextElectionRound: null,
    // The demo sitting's agenda; item 2 is current, so it stays on the agenda.
    agenda: fixture.sittings[0]!.agenda.map((item, index) => ({
      id: `sitting-42-item-${index + 1}`,
      position: index + 1,
      title: item.title,
      dealtWith: index === 1,
    })),
    agendaAmendments: [],
    agendaAuthorities: [],
    ...change,
  };
}
