import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { VoteDefinition, VoteOption } from '../procedure/events';
import type { MajorityKind } from '../procedure/vocabulary';
import { evaluateVote } from './majority';

const yna: VoteOption[] = [
  { id: 'yes', label: 'Yes', meaning: 'yes' },
  { id: 'no', label: 'No', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
];

function definition(majority: MajorityKind, statutoryMembers: number, options: VoteOption[] = yna): VoteDefinition {
  return {
    voteId: 'v1',
    agendaItemId: null,
    title: 'Motion',
    kind: 'named',
    options,
    majority,
    live: false,
    durationSeconds: null,
    autoCloseWhenAllVoted: false,
    statutoryMembers,
  };
}

function evaluate(majority: MajorityKind, statutoryMembers: number, counts: Record<string, number>, options: VoteOption[] = yna, quorate = true) {
  const list = Object.entries(counts).map(([optionId, count]) => ({ optionId, count }));
  const cast = list.reduce((s, c) => s + c.count, 0);
  return evaluateVote({ definition: definition(majority, statutoryMembers, options), counts: list, perFaction: [], eligible: statutoryMembers, cast, quorate });
}

describe('simple majority', () => {
  it('passes with more yes than no; abstentions do not count', () => {
    const result = evaluate('simple', 630, { yes: 31, no: 12, abstain: 4 });
    expect(result).toMatchObject({ passed: true, reasonCode: 'majority_reached', cast: 47, quorate: true });
    expect(result.reason).toBe('passed: 31 yes > 12 no (simple majority; 4 abstentions not counted)');
  });
  it('fails on a tie, also when everybody abstains', () => {
    expect(evaluate('simple', 49, { yes: 20, no: 20, abstain: 1 })).toMatchObject({
      passed: false,
      reasonCode: 'tie',
      reason: 'failed: 20 yes = 20 no, a tie fails (simple majority; 1 abstention not counted)',
    });
    expect(evaluate('simple', 49, { abstain: 30 })).toMatchObject({ passed: false, reasonCode: 'tie' });
  });
  it('fails with fewer yes than no, however many abstain', () => {
    expect(evaluate('simple', 630, { yes: 12, no: 13, abstain: 400 })).toMatchObject({
      passed: false,
      reasonCode: 'majority_missed',
      reason: 'failed: 12 yes < 13 no (simple majority; 400 abstentions not counted)',
    });
  });
  it('counts nothing for options meaning "other" (e.g. invalid)', () => {
    const options: VoteOption[] = [...yna, { id: 'invalid', label: 'Invalid', meaning: 'other' }];
    expect(evaluate('simple', 49, { yes: 10, no: 9, invalid: 15 }, options)).toMatchObject({
      passed: true,
      reason: 'passed: 10 yes > 9 no (simple majority; 15 other ballots not counted)',
    });
  });
});

describe('majority of the members (Art. 121 GG)', () => {
  it('needs more than half of the statutory membership: 316 of 630, vacant seats included', () => {
    expect(evaluate('absolute_members', 630, { yes: 316, no: 0 })).toMatchObject({
      passed: true,
      reason: 'passed: 316 yes, more than half of the 630 statutory members (316 needed; majority of the members)',
    });
    // 315 of 320 votes cast is not enough, however few vote against.
    expect(evaluate('absolute_members', 630, { yes: 315, no: 5 })).toMatchObject({
      passed: false,
      reasonCode: 'majority_missed',
      reason: 'failed: 315 yes, not more than half of the 630 statutory members (316 needed; majority of the members)',
    });
  });
  it('with an odd membership: 25 of 49', () => {
    expect(evaluate('absolute_members', 49, { yes: 25, no: 24 }).passed).toBe(true);
    expect(evaluate('absolute_members', 49, { yes: 24, no: 0 }).passed).toBe(false);
  });
});

describe('two thirds of the votes cast', () => {
  it('needs yes × 3 ≥ (yes + no) × 2', () => {
    expect(evaluate('two_thirds_cast', 630, { yes: 40, no: 20, abstain: 7 })).toMatchObject({
      passed: true,
      reason: 'passed: 40 yes of 60 yes and no votes, at least two thirds (40 needed; two-thirds majority of the votes cast; 7 abstentions not counted)',
    });
    expect(evaluate('two_thirds_cast', 630, { yes: 39, no: 20 })).toMatchObject({ passed: false, reasonCode: 'majority_missed' });
    expect(evaluate('two_thirds_cast', 630, { yes: 2, no: 1 }).passed).toBe(true);
  });
  it('fails with no yes at all, even if nobody votes no', () => {
    expect(evaluate('two_thirds_cast', 630, { abstain: 10 })).toMatchObject({ passed: false, reason: expect.stringContaining('(1 needed;') });
  });
});

describe('two thirds of the members (Art. 79(2) GG)', () => {
  it('needs 420 of 630 and 473 of 709', () => {
    expect(evaluate('two_thirds_members', 630, { yes: 420, no: 0 })).toMatchObject({
      passed: true,
      reason: 'passed: 420 yes, at least two thirds of the 630 statutory members (420 needed; two-thirds majority of the members)',
    });
    expect(evaluate('two_thirds_members', 630, { yes: 419, no: 0 }).passed).toBe(false);
    expect(evaluate('two_thirds_members', 709, { yes: 473, no: 0 }).passed).toBe(true);
    expect(evaluate('two_thirds_members', 709, { yes: 472, no: 0 }).passed).toBe(false);
  });
});

describe('quorum', () => {
  it('a vote without quorum fails whatever the counts', () => {
    const result = evaluate('simple', 49, { yes: 20, no: 1 }, yna, false);
    expect(result).toMatchObject({ passed: false, reasonCode: 'no_quorum', quorate: false });
    expect(result.reason).toBe('failed: not quorate, the vote cannot decide (Yes 20, No 1, Abstain 0; simple majority)');
  });
});

describe('several options meaning yes (elections, alternative bills)', () => {
  const candidates: VoteOption[] = [
    { id: 'a', label: 'Alice', meaning: 'yes' },
    { id: 'b', label: 'Bob', meaning: 'yes' },
    { id: 'c', label: 'Carol', meaning: 'yes' },
    { id: 'none', label: 'None', meaning: 'no' },
    { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
  ];
  it('passes when one option alone has more than all other counted ballots', () => {
    expect(evaluate('simple', 100, { a: 31, b: 20, c: 4, abstain: 4 }, candidates)).toMatchObject({
      passed: true,
      reason: 'passed: "Alice" 31 > 24 other votes (simple majority; 4 abstentions not counted)',
    });
  });
  it('fails when the leader has only a plurality; a "no" option counts against it', () => {
    expect(evaluate('simple', 100, { a: 30, b: 20, c: 10 }, candidates)).toMatchObject({ passed: false, reasonCode: 'tie' });
    expect(evaluate('simple', 100, { a: 30, b: 20, none: 15 }, candidates)).toMatchObject({ passed: false, reasonCode: 'majority_missed' });
  });
  it('a member majority needs the leader alone above half of the statutory membership', () => {
    expect(evaluate('absolute_members', 630, { b: 320, a: 200 }, candidates)).toMatchObject({ passed: true, reason: expect.stringContaining('"Bob" 320') });
    expect(evaluate('absolute_members', 630, { b: 315, a: 315 }, candidates).passed).toBe(false);
  });
  it('names the first leader in option order on a tie', () => {
    expect(evaluate('simple', 100, { a: 10, b: 10 }, candidates).reason).toBe('failed: "Alice" 10 = 10 other votes, a tie fails (simple majority)');
  });
});

describe('input', () => {
  it('fails a vote that has no option meaning yes', () => {
    const options: VoteOption[] = [{ id: 'x', label: 'X', meaning: 'other' }];
    expect(evaluate('simple', 10, { x: 3 }, options)).toMatchObject({
      passed: false,
      reasonCode: 'majority_missed',
      reason: 'failed: no option means yes (simple majority)',
    });
  });
  it('fills options without a count with 0 and keeps option order', () => {
    const result = evaluateVote({
      definition: definition('simple', 10),
      counts: [{ optionId: 'no', count: 2 }],
      perFaction: [],
      eligible: 8,
      cast: 2,
      quorate: true,
    });
    expect(result.counts).toEqual([
      { optionId: 'yes', count: 0 },
      { optionId: 'no', count: 2 },
      { optionId: 'abstain', count: 0 },
    ]);
    expect(result.eligible).toBe(8);
  });
  it('refuses unknown options, double counts, negative counts and a cast that does not match', () => {
    const base = { definition: definition('simple', 10), perFaction: [], eligible: 10, quorate: true };
    expect(() => evaluateVote({ ...base, counts: [{ optionId: 'maybe', count: 1 }], cast: 1 })).toThrow(/counts\.0\.optionId: unknown option maybe/);
    expect(() =>
      evaluateVote({
        ...base,
        counts: [
          { optionId: 'yes', count: 1 },
          { optionId: 'yes', count: 1 },
        ],
        cast: 2,
      }),
    ).toThrow(/counted twice/);
    expect(() => evaluateVote({ ...base, counts: [{ optionId: 'yes', count: -1 }], cast: -1 })).toThrow(InputError);
    expect(() => evaluateVote({ ...base, counts: [{ optionId: 'yes', count: 3 }], cast: 4 })).toThrow(/cast: must equal the 3 ballots counted/);
    expect(() => evaluateVote({ ...base, definition: definition('simple', 0), counts: [], cast: 0 })).toThrow(/statutoryMembers/);
    expect(() => evaluateVote({ ...base, counts: [{ optionId: 'yes', count: 11 }], cast: 11 })).toThrow(/11 ballots exceed the statutory 10 members/);
  });
});
