import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament, municipalCouncil } from '../rulebook/presets';
import { upgradeRulebook } from '../rulebook/upgrade';
import { applyOverrides, parseRulebook } from '../rulebook/schema';
import { evaluateElection } from '../counting/election';
import { outcomeOf } from '../counting/outcome';
import type { VoteDraft } from './commands';
import { nextRoundView } from './elections';
import type { VoteResult } from './events';
import { allMembers, Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';

const candidates = (...names: string[]): VoteDraft['options'] => names.map((label, i) => ({ id: `o${i + 1}`, label, meaning: 'yes' as const }));
const election = (over: Partial<VoteDraft> = {}): VoteDraft =>
  draft({ title: 'Election of the President', options: candidates('Anna Berg', 'Carl Dorn', 'Eva Falk'), election: { seats: 1 }, ...over });

function house(rulebook: Rulebook): Chamber {
  return new Chamber(sittingContext(rulebook)).open();
}

/** Members vote in turn: `plan` gives how many vote for each option id, in member order; the chair closes. */
function ballot(c: Chamber, voteId: string, plan: Record<string, number>): VoteResult {
  const members = allMembers(c.sitting);
  let next = 0;
  for (const [optionId, n] of Object.entries(plan)) {
    for (let i = 0; i < n; i += 1) c.run(members[next++]!, { kind: 'vote.cast', voteId, optionId, pseudonym: null });
  }
  c.run(chair, { kind: 'vote.close', voteId, by: 'chair' });
  const result = c.state.votes[voteId]?.result;
  if (!result) throw new Error(`vote ${voteId} has no result`);
  return result;
}

/** Opens the next round from `voteId` and answers the new round's vote id. */
function nextRound(c: Chamber, voteId: string): string {
  const [e] = c.run(chair, { kind: 'vote.open_next_round', voteId });
  if (e?.kind !== 'vote.opened') throw new Error('no round opened');
  return e.definition.voteId;
}

describe('an election in the Bundestag (§ 2(2) GO-BT)', () => {
  it('takes three rounds: twice a majority of the members, then the two with the most votes, a tie decided by lot and recorded', () => {
    const c = house(bundestag2025);
    const [opened] = c.run(chair, { kind: 'vote.open', draft: election() });
    expect(opened?.kind === 'vote.opened' && opened.definition).toMatchObject({
      options: [
        { id: 'o1', label: 'Anna Berg', meaning: 'yes' },
        { id: 'o2', label: 'Carl Dorn', meaning: 'yes' },
        { id: 'o3', label: 'Eva Falk', meaning: 'yes' },
        { id: 'no', meaning: 'no' },
        { id: 'abstain', meaning: 'abstain' },
      ],
      majority: 'absolute_members',
      election: { electionId: 'vote-1', round: 1, seats: 1, rule: { majority: 'members' }, previousVoteId: null },
    });

    // 49 statutory members: 25 needed. Anna 24 falls one short.
    const first = ballot(c, 'vote-1', { o1: 24, o2: 14, o3: 10 });
    expect(first).toMatchObject({ passed: false, reasonCode: 'majority_missed', elected: [] });
    expect(first.election).toEqual({
      round: 1,
      majority: 'members',
      needed: 25,
      lot: null,
      next: { round: 2, candidates: ['o1', 'o2', 'o3'], rule: { majority: 'members', candidates: 'all', tie: 'next_round' } },
    });
    expect(outcomeOf('closed', first)).toBe('no_one_elected');

    expect(nextRoundView(c.state)).toEqual({
      fromVoteId: 'vote-1',
      title: 'Election of the President',
      round: 2,
      candidates: [expect.objectContaining({ id: 'o1' }), expect.objectContaining({ id: 'o2' }), expect.objectContaining({ id: 'o3' })],
    });
    const second = nextRound(c, 'vote-1');
    // The round just opened is followed by none yet, and the first is followed.
    expect(nextRoundView(c.state)).toBeNull();
    expect(c.state.votes[second]?.definition.election).toMatchObject({ electionId: 'vote-1', round: 2, previousVoteId: 'vote-1' });
    expect(rule(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: second }))).toBe('election.round_open');
    const secondResult = ballot(c, second, { o1: 20, o2: 18, o3: 10 });
    expect(secondResult.election?.next).toEqual({ round: 3, candidates: ['o1', 'o2'], rule: { majority: 'most_votes', candidates: 'top_two', tie: 'lot' } });
    // One action per round: the third round opens once.
    const third = nextRound(c, second);
    expect(rule(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: second }))).toBe('election.round_superseded');
    expect(c.state.votes[third]?.definition.options.map((o) => o.id)).toEqual(['o1', 'o2', 'no', 'abstain']);
    expect(c.state.votes[third]?.definition.majority).toBe('simple');

    c.lots = [1];
    const thirdResult = ballot(c, third, { o1: 22, o2: 22, abstain: 4 });
    expect(thirdResult).toMatchObject({ passed: true, reasonCode: 'majority_reached', elected: ['o2'] });
    expect(thirdResult.election).toEqual({ round: 3, majority: 'most_votes', needed: 1, lot: { among: ['o1', 'o2'], drawn: ['o2'] }, next: null });
    expect(thirdResult.reason).toContain('decided by lot');
    expect(outcomeOf('closed', thirdResult)).toBe('elected');
    // The lot is in the record (vote.closed), never drawn again when the record is folded.
    const closed = c.entries.filter((e) => e.event.kind === 'vote.closed').at(-1)?.event;
    expect(closed?.kind === 'vote.closed' && closed.result.election?.lot).toEqual({ among: ['o1', 'o2'], drawn: ['o2'] });
    expect(rule(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: third }))).toBe('election.decided');
    expect(nextRoundView(c.state)).toBeNull();
  });

  it('elects in the first round with the votes of a majority of the members; a single candidate is elected on yes', () => {
    const c = house(bundestag2025);
    c.run(chair, { kind: 'vote.open', draft: election({ options: candidates('Anna Berg') }) });
    expect(c.state.votes['vote-1']?.definition.options.map((o) => o.id)).toEqual(['o1', 'no', 'abstain']);
    expect(ballot(c, 'vote-1', { o1: 25, no: 20, abstain: 3 })).toMatchObject({ elected: ['o1'], election: { needed: 25, next: null } });

    const d = house(bundestag2025);
    d.run(chair, { kind: 'vote.open', draft: election({ options: candidates('Anna Berg') }) });
    // 24 yes to 10 no is a majority of the votes, not of the members.
    const missed = ballot(d, 'vote-1', { o1: 24, no: 10 });
    expect(missed).toMatchObject({ elected: [], election: { next: { round: 2, candidates: ['o1'] } } });
  });
});

describe('an election in the European Parliament (Rule 15, unverified)', () => {
  it('needs a majority of the votes cast in three ballots (abstentions not counted), then the two with the most votes; no "no" on the ballot', () => {
    const c = house(europeanParliament);
    c.run(chair, { kind: 'vote.open', draft: election() });
    expect(c.state.votes['vote-1']?.definition.options.map((o) => o.id)).toEqual(['o1', 'o2', 'o3', 'abstain']);
    // 19 + 11 + 8 = 38 votes cast (10 abstentions not counted): 20 needed, Anna has 19.
    const first = ballot(c, 'vote-1', { o1: 19, o2: 11, o3: 8, abstain: 10 });
    expect(first.election).toMatchObject({ needed: 20, next: { round: 2, candidates: ['o1', 'o2', 'o3'] } });
    const second = nextRound(c, 'vote-1');
    const third = nextRound(c, (ballot(c, second, { o1: 18, o2: 15, o3: 15 }), second));
    const thirdResult = ballot(c, third, { o1: 18, o2: 16, o3: 14 });
    expect(thirdResult.election?.next).toMatchObject({ round: 4, candidates: ['o1', 'o2'], rule: { majority: 'most_votes', tie: 'lot' } });
    const fourth = nextRound(c, third);
    expect(ballot(c, fourth, { o1: 23, o2: 25 })).toMatchObject({ elected: ['o2'], election: { round: 4, lot: null } });
  });

  it('elects in the first ballot with more than half of the votes cast', () => {
    const c = house(europeanParliament);
    c.run(chair, { kind: 'vote.open', draft: election() });
    expect(ballot(c, 'vote-1', { o1: 20, o2: 11, o3: 8, abstain: 9 })).toMatchObject({ elected: ['o1'], election: { needed: 20 } });
  });
});

describe('an election in an NRW council (§ 50(2) GO NRW)', () => {
  it('needs more than half of the valid votes, no-votes valid; else a run-off between the two with the most votes', () => {
    const c = house(municipalCouncil);
    c.run(chair, { kind: 'vote.open', draft: election() });
    // Valid: 20 + 10 + 3 + 12 no = 45; 23 needed (abstentions not valid).
    const first = ballot(c, 'vote-1', { o1: 20, o2: 10, o3: 3, no: 12, abstain: 3 });
    expect(first.election).toMatchObject({ majority: 'votes', needed: 23, next: { round: 2, candidates: ['o1', 'o2'], rule: { majority: 'most_votes' } } });
    const runoff = nextRound(c, 'vote-1');
    expect(c.state.votes[runoff]?.definition.options.map((o) => o.label)).toEqual(['Anna Berg', 'Carl Dorn', 'No', 'Abstain']);
    expect(ballot(c, runoff, { o1: 22, o2: 20, no: 6 })).toMatchObject({ elected: ['o1'], election: { needed: 7 } });
  });

  it('draws lots on a tie in the run-off; no one elected when no beats them, and then there is no further round', () => {
    const c = house(municipalCouncil);
    c.run(chair, { kind: 'vote.open', draft: election() });
    const runoff = nextRound(c, (ballot(c, 'vote-1', { o1: 10, o2: 10, o3: 10 }), 'vote-1'));
    // A tie of all three for first place: all stand in the run-off (the rules quoted are silent).
    expect(c.state.votes[runoff]?.definition.options.filter((o) => o.meaning === 'yes')).toHaveLength(3);
    c.lots = [0];
    expect(ballot(c, runoff, { o1: 15, o2: 15, o3: 5 })).toMatchObject({ elected: ['o1'], election: { lot: { among: ['o1', 'o2'], drawn: ['o1'] } } });

    const d = house(municipalCouncil);
    d.run(chair, { kind: 'vote.open', draft: election() });
    const runoff2 = nextRound(d, (ballot(d, 'vote-1', { o1: 10, o2: 8, o3: 2, no: 25 }), 'vote-1'));
    const failed = ballot(d, runoff2, { o1: 10, o2: 8, no: 25 });
    expect(failed).toMatchObject({ passed: false, elected: [], election: { needed: 26, next: null } });
    expect(failed.reason).toContain('no further round');
    expect(rule(() => d.decide(chair, { kind: 'vote.open_next_round', voteId: runoff2 }))).toBe('election.no_further_round');
  });
});

describe('several seats', () => {
  it('elects the candidates with the most votes who reach the bar, up to the seats; a tie for the last seat elects no one for it where the rules say so', () => {
    const rules: Rulebook = { ...municipalCouncil, elections: { rounds: [{ majority: 'most_votes', candidates: 'all', tie: 'next_round' }], noToAll: false } };
    const c = house(rules);
    c.run(chair, { kind: 'vote.open', draft: election({ options: candidates('A', 'B', 'C', 'D'), election: { seats: 2 } }) });
    expect(ballot(c, 'vote-1', { o1: 15, o2: 12, o3: 12, o4: 9 })).toMatchObject({ elected: ['o1'], reasonCode: 'majority_reached' });

    const d = house(rules);
    d.run(chair, { kind: 'vote.open', draft: election({ options: candidates('A', 'B', 'C', 'D'), election: { seats: 2 } }) });
    expect(ballot(d, 'vote-1', { o4: 20, o2: 12, o3: 10, o1: 6 })).toMatchObject({ elected: ['o4', 'o2'] });

    const e = house(rules);
    e.run(chair, { kind: 'vote.open', draft: election({ options: candidates('A', 'B', 'C'), election: { seats: 1 } }) });
    expect(ballot(e, 'vote-1', { o1: 12, o2: 12, o3: 2 })).toMatchObject({ elected: [], reasonCode: 'tie', election: { next: null } });
  });
});

describe('rounds that decided nothing', () => {
  it('repeats a cancelled round with the same number and candidates', () => {
    const c = house(bundestag2025);
    c.run(chair, { kind: 'vote.open', draft: election() });
    c.run(chair, { kind: 'vote.cancel', voteId: 'vote-1', reason: 'the voting system failed' });
    const again = nextRound(c, 'vote-1');
    expect(c.state.votes[again]?.definition.election).toMatchObject({ round: 1, previousVoteId: 'vote-1' });
    expect(c.state.votes[again]?.definition.options.filter((o) => o.meaning === 'yes').map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
  });

  it('repeats a round that was not quorate: it decided nothing', () => {
    const rules: Rulebook = { ...municipalCouncil, quorum: { ...municipalCouncil.quorum, onVoteWithoutQuorum: 'warn' } };
    const c = new Chamber(sittingContext(rules)).open(allMembers(sittingContext(rules)).slice(0, 10));
    c.run(chair, { kind: 'vote.open', draft: election() });
    const result = ballot(c, 'vote-1', { o1: 8, o2: 2 });
    expect(result).toMatchObject({ reasonCode: 'no_quorum', elected: [], election: { next: { round: 1, candidates: ['o1', 'o2', 'o3'] } } });
    expect(outcomeOf('closed', result)).toBe('not_quorate');
  });
});

describe('hostile input', () => {
  const refused = (c: Chamber, d: VoteDraft) => () => c.decide(chair, { kind: 'vote.open', draft: d });

  it('refuses seats that are not a whole number from 1, more seats than candidates, duplicate or too many candidates, other meanings', () => {
    const c = house(bundestag2025);
    for (const seats of [0, -1, 1.5, Number.NaN, 51]) expect(refused(c, election({ election: { seats } }))).toThrow(InputError);
    expect(rule(refused(c, election({ election: { seats: 4 } })))).toBe('election.seats_exceed_candidates');
    expect(refused(c, election({ options: candidates('Anna Berg', 'anna berg ') }))).toThrow(/each candidate stands once/);
    expect(refused(c, election({ options: [] }))).toThrow(/1 to 50 candidates/);
    const many = Array.from({ length: 500 }, (_, i) => `Candidate ${i}`);
    expect(refused(c, election({ options: candidates(...many) }))).toThrow(/1 to 50 candidates/);
    expect(refused(c, election({ options: [...candidates('Anna Berg'), { id: 'x', label: 'None', meaning: 'no' }] }))).toThrow(/meaning yes/);
    expect(refused(c, election({ options: [{ id: 'no', label: 'Anna Berg', meaning: 'yes' }] }))).toThrow(/id of its own/);
    expect(refused(c, election({ options: candidates('Anna\u0000Berg', 'Carl Dorn') }))).toThrow(InputError);
    expect(refused(c, election({ options: candidates('Anna\u202eBerg', 'Carl Dorn') }))).toThrow(InputError);
    expect(c.state.openVoteId).toBeNull();
  });

  it('lets only the chair open a next round, of an election, with no other vote open', () => {
    const c = house(bundestag2025);
    c.run(chair, { kind: 'vote.open', draft: election() });
    ballot(c, 'vote-1', { o1: 10, o2: 10 });
    expect(rule(() => c.decide('j.brandt', { kind: 'vote.open_next_round', voteId: 'vote-1' }))).toBe('forbidden.chair_only');
    expect(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: 'nope' })).toThrow(/nope/);
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-2' }) });
    expect(rule(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: 'vote-1' }))).toBe('vote.already_open');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-2', by: 'chair' });
    expect(rule(() => c.decide(chair, { kind: 'vote.open_next_round', voteId: 'vote-2' }))).toBe('election.not_an_election');
  });

  it('never takes a lot out of range from its source of randomness', () => {
    const definition = {
      voteId: 'v',
      agendaItemId: null,
      title: 't',
      kind: 'named' as const,
      options: candidates('A', 'B'),
      majority: 'simple' as const,
      live: false,
      durationSeconds: null,
      autoCloseWhenAllVoted: false,
      statutoryMembers: 10,
      election: {
        electionId: 'v',
        round: 1,
        seats: 1,
        rule: { majority: 'most_votes' as const, candidates: 'all' as const, tie: 'lot' as const },
        previousVoteId: null,
      },
    };
    const input = {
      definition,
      counts: [
        { optionId: 'o1', count: 3 },
        { optionId: 'o2', count: 3 },
      ],
      perFaction: [],
      eligible: 6,
      cast: 6,
      quorate: true,
      nextRule: null,
    };
    expect(() => evaluateElection({ ...input, draw: () => 2 })).toThrow(/lot/);
    expect(evaluateElection({ ...input, draw: () => 1 }).elected).toEqual(['o2']);
  });
});

describe('the rulebook section elections', () => {
  it('is valid in every preset, and overrides are checked', () => {
    for (const preset of [bundestag2025, europeanParliament, municipalCouncil]) expect(parseRulebook(preset).elections).toEqual(preset.elections);
    const oneRound = { rounds: [{ majority: 'votes', candidates: 'all', tie: 'lot' }] };
    expect(applyOverrides(bundestag2025, { elections: oneRound }).elections.rounds).toHaveLength(1);
    expect(() => applyOverrides(bundestag2025, { elections: { rounds: [] } })).toThrow(InputError);
    expect(() => applyOverrides(bundestag2025, { elections: { rounds: [{ majority: 'most_votes', candidates: 'top_two', tie: 'lot' }] } })).toThrow(
      /first round/,
    );
    expect(() => applyOverrides(bundestag2025, { elections: { rounds: [{ majority: 'elder', candidates: 'all', tie: 'lot' }] } })).toThrow(InputError);
    expect(() => applyOverrides(bundestag2025, { elections: { rounds: Array.from({ length: 21 }, () => oneRound.rounds[0]) } })).toThrow(InputError);
  });
});

describe('older records', () => {
  it('fold a rulebook without elections as one round by a majority of the votes', () => {
    const { elections: _elections, ...old } = bundestag2025;
    expect(upgradeRulebook(old as Rulebook).elections).toEqual({ rounds: [{ majority: 'votes', candidates: 'all', tie: 'next_round' }], noToAll: false });
    expect(upgradeRulebook(bundestag2025)).toBe(bundestag2025);
  });
});
