import { demoClosedVote, demoVote } from '../../testing/demo-procedure';
import type { Vote } from '../procedure/procedure-state';
import { nextElectionRound } from './election-rounds';
import { emptyVoteDraftForm, voteDraftInput, voteDraftProblems } from './vote-draft-form';

const options: Vote['options'] = [
  { id: 'o1', label: 'Anna Berg', meaning: 'YES' },
  { id: 'o2', label: 'Carl Dorn', meaning: 'YES' },
  { id: 'o3', label: 'Eva Falk', meaning: 'YES' },
  { id: 'no', label: 'No', meaning: 'NO' },
];
const rule = { majority: 'MEMBERS' as const };

function round(id: string, n: number, previousVoteId: string | null, change: Partial<Vote> = {}): Vote {
  const closed = demoClosedVote({ id, options, openedAt: `2026-12-03T09:0${n}:00.000Z`, outcome: 'NO_ONE_ELECTED' });
  return {
    ...closed,
    election: { electionId: 'e', round: n, seats: 1, rule, previousVoteId },
    result: {
      ...closed.result!,
      outcome: 'NO_ONE_ELECTED',
      elected: [],
      election: { round: n, needed: 25, lot: null, next: { round: n + 1, candidates: n === 1 ? ['o1', 'o2', 'o3'] : ['o1', 'o2'] } },
    },
    ...change,
  };
}

describe('nextElectionRound', () => {
  it('offers the round the rules allow after the newest round that elected no one, with the candidates by name', () => {
    expect(nextElectionRound([round('v1', 1, null)])).toEqual({
      voteId: 'v1',
      title: demoVote().title,
      round: 2,
      candidates: ['Anna Berg', 'Carl Dorn', 'Eva Falk'],
    });
    expect(nextElectionRound([round('v2', 2, 'v1'), round('v1', 1, null)])).toEqual(
      jasmine.objectContaining({ voteId: 'v2', round: 3, candidates: ['Anna Berg', 'Carl Dorn'] }),
    );
  });

  it('offers nothing once a round elected, while the next round is open, or for other votes', () => {
    const elected = round('v1', 1, null);
    expect(
      nextElectionRound([{ ...elected, result: { ...elected.result!, elected: ['o1'], election: { ...elected.result!.election!, next: null } } }]),
    ).toBeNull();
    expect(nextElectionRound([{ ...round('v2', 2, 'v1'), status: 'OPEN', result: null }, round('v1', 1, null)])).toBeNull();
    expect(nextElectionRound([demoClosedVote()])).toBeNull();
  });

  it('holds a cancelled round again with its candidates', () => {
    const cancelled = round('v1', 1, null, { status: 'CANCELLED', result: null });
    expect(nextElectionRound([cancelled])).toEqual(jasmine.objectContaining({ round: 1, candidates: ['Anna Berg', 'Carl Dorn', 'Eva Falk'] }));
  });
});

describe('an election in the vote preparation form', () => {
  const form = { ...emptyVoteDraftForm(), title: 'Election of the President', optionSet: 'election' as const, candidates: 'Anna Berg\n\n Carl Dorn \n' };

  it('sends the candidates as YES options and the seats', () => {
    expect(voteDraftProblems(form)).toEqual([]);
    expect(voteDraftInput(form, null)).toEqual(
      jasmine.objectContaining({
        options: [
          { label: 'Anna Berg', meaning: 'YES' },
          { label: 'Carl Dorn', meaning: 'YES' },
        ],
        abstention: true,
        election: { seats: 1 },
      }),
    );
    expect(voteDraftInput(emptyVoteDraftForm(), null).election).toBeNull();
  });

  it('refuses no candidates, a candidate twice, and seats beyond the candidates', () => {
    expect(voteDraftProblems({ ...form, candidates: ' \n ' })).toContain('no-candidates');
    expect(voteDraftProblems({ ...form, candidates: 'Anna Berg\nanna berg' })).toContain('duplicate-candidates');
    expect(voteDraftProblems({ ...form, seats: 3 })).toContain('seats-invalid');
    expect(voteDraftProblems({ ...form, seats: 0 })).toContain('seats-invalid');
    expect(voteDraftProblems({ ...form, candidates: Array.from({ length: 51 }, (_, i) => `C ${i}`).join('\n') })).toContain('too-many-candidates');
  });
});
