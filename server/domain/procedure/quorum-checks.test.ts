import { describe, expect, it } from 'vitest';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament } from '../rulebook/presets';
import { outcomeOf } from '../counting/outcome';
import { votesView } from './views';
import { allMembers, Chamber, chair, draft, sittingContext } from './spec-support';
import type { ProcedureEvent } from './events';

const members = allMembers(sittingContext());
const few = members.slice(0, 6);
const staff = ['minister', 'interpreter.en1', 'clerk', 'moderator'];

function chamber(rulebook: Rulebook, present: readonly string[]): Chamber {
  return new Chamber(sittingContext(rulebook)).open([...new Set([chair, ...present, ...staff])]);
}
const cast = (c: Chamber, personId: string, optionId: string) => c.run(personId, { kind: 'vote.cast', voteId: 'vote-1', optionId, pseudonym: null });
const kinds = (events: readonly ProcedureEvent[]) => events.map((e) => e.kind);
const outcome = (c: Chamber) => votesView(c.state).find((v) => v.voteId === 'vote-1')?.outcome;

/** A member raises "quorum called into question"; the chair accepts it. */
function doubtQuorum(c: Chamber, by: string): readonly ProcedureEvent[] {
  c.run(by, { kind: 'point_of_order.raise', category: 'quorum_check', text: 'Ich bezweifle die Beschlussfähigkeit.' });
  const point = Object.values(c.state.points).find((p) => p.status === 'pending');
  if (!point) throw new Error('no point raised');
  return c.run(chair, { kind: 'point_of_order.decide', pointId: point.pointId, decision: 'accepted', note: null, voteDraftId: null });
}

describe('quorum judged on a challenge (§ 45 BTGO, Rule 178 EP)', () => {
  it('is presumed until doubted: a vote of few decides', () => {
    const c = chamber(bundestag2025, few);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few) cast(c, p, 'yes');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(outcome(c)).toBe('adopted');
  });

  it('doubted while too few are present: counted, the open vote decides nothing, the sitting is suspended', () => {
    const c = chamber(bundestag2025, few);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few.slice(0, 3)) cast(c, p, 'yes');
    const events = doubtQuorum(c, few[4]!);
    expect(kinds(events)).toEqual(['point_of_order.decided', 'quorum.counted', 'vote.closed', 'sitting.suspended']);
    const counted = events[1];
    if (counted?.kind !== 'quorum.counted') throw new Error('not counted');
    expect(counted.quorate).toBe(false);
    expect(counted.present).toBeLessThan(counted.required);
    expect(counted.voteId).toBe('vote-1');
    expect(outcome(c)).toBe('not_quorate');
    expect(c.state.phase).toBe('suspended');
    expect(c.state.suspension?.reason).toBe('not quorate');
  });

  it('doubted with enough present: the next vote is counted by its ballots, and below the quorum decides nothing', () => {
    const c = chamber(bundestag2025, members);
    const counted = doubtQuorum(c, members[3]!);
    expect(counted[1]).toMatchObject({ kind: 'quorum.counted', quorate: true, voteId: null });
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few) cast(c, p, 'yes');
    const closing = c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(kinds(closing)).toEqual(['vote.closed', 'sitting.suspended']);
    expect(closing[0]).toMatchObject({ result: { quorate: false, reasonCode: 'no_quorum' } });
    expect(outcome(c)).toBe('not_quorate');
    expect(votesView(c.state)[0]?.quorumChallenged).toBe(true);
  });

  it('under the EP rules the sitting goes on: the vote is for the next sitting', () => {
    const c = chamber(europeanParliament, few);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    const events = doubtQuorum(c, few[2]!);
    expect(kinds(events)).toEqual(['point_of_order.decided', 'quorum.counted', 'vote.closed']);
    expect(c.state.phase).toBe('open');
    expect(outcome(c)).toBe('not_quorate');
  });

  it('a doubt counted applies to one vote only', () => {
    const c = chamber(bundestag2025, members);
    doubtQuorum(c, members[3]!);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of members.slice(0, Math.ceil(members.length * 0.6))) cast(c, p, 'yes');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-2' }) });
    c.run(few[0]!, { kind: 'vote.cast', voteId: 'vote-2', optionId: 'no', pseudonym: null });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-2', by: 'chair' });
    expect(votesView(c.state).map((v) => [v.quorumChallenged, v.outcome])).toEqual([
      [true, 'adopted'],
      [false, 'rejected'],
    ]);
  });
});

describe('quorum judged at closing', () => {
  const atClosing: Rulebook = { ...bundestag2025, quorum: { ...bundestag2025.quorum, judgedAt: 'closing', whenNotQuorate: 'continue' } };
  it('members who leave before the close take the quorum with them', () => {
    const c = chamber(atClosing, members);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few) cast(c, p, 'yes');
    for (const p of members.slice(6)) if (p !== chair) c.run(p, { kind: 'attendance.leave', personId: p });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(outcome(c)).toBe('not_quorate');
    expect(c.state.phase).toBe('open');
  });
  it('present at the close, the vote decides', () => {
    const c = chamber(atClosing, members);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few) cast(c, p, 'no');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(outcome(c)).toBe('rejected');
  });
});

describe('outcomes', () => {
  const base = { reason: '', counts: [], perFaction: [], eligible: 10, cast: 10 } as const;
  it('are worded as the law states them', () => {
    expect(outcomeOf('open', null)).toBeNull();
    expect(outcomeOf('cancelled', null)).toBe('cancelled');
    expect(outcomeOf('closed', { ...base, passed: true, reasonCode: 'majority_reached', quorate: true })).toBe('adopted');
    expect(outcomeOf('closed', { ...base, passed: false, reasonCode: 'majority_missed', quorate: true })).toBe('rejected');
    expect(outcomeOf('closed', { ...base, passed: false, reasonCode: 'tie', quorate: true })).toBe('tie');
    expect(outcomeOf('closed', { ...base, passed: false, reasonCode: 'no_quorum', quorate: false })).toBe('not_quorate');
    expect(outcomeOf('closed', { ...base, passed: true, reasonCode: 'majority_reached', quorate: true, elected: ['c1'] })).toBe('elected');
    expect(outcomeOf('closed', { ...base, passed: false, reasonCode: 'majority_missed', quorate: true, elected: [] })).toBe('no_one_elected');
    // Not quorate outranks everything: such a vote decided nothing, an election included.
    expect(outcomeOf('closed', { ...base, passed: false, reasonCode: 'no_quorum', quorate: false, elected: [] })).toBe('not_quorate');
  });
});
