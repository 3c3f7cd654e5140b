import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VoteOption } from '../procedure/events';
import { tally, type BallotLike } from './tally';

const options: VoteOption[] = [
  { id: 'yes', label: 'Yes', meaning: 'yes' },
  { id: 'no', label: 'No', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
  { id: 'x', label: 'Other', meaning: 'other' },
];
const ballot: fc.Arbitrary<BallotLike> = fc.record({
  optionId: fc.constantFrom(...options.map((o) => o.id)),
  factionId: fc.oneof(fc.constant(null), fc.constantFrom('a', 'b', 'c', 'd')),
});
const ballots = fc.array(ballot, { maxLength: 300 });

describe('tally (properties)', () => {
  it('equals the ballots: each option count is the number of ballots for it, and they add up to cast', () => {
    fc.assert(
      fc.property(ballots, (bs) => {
        const result = tally(options, bs);
        expect(result.cast).toBe(bs.length);
        for (const c of result.counts) expect(c.count).toBe(bs.filter((b) => b.optionId === c.optionId).length);
        expect(result.counts.reduce((s, c) => s + c.count, 0)).toBe(bs.length);
      }),
    );
  });

  it('per faction equals the ballots of that faction, and the faction rows add up to the totals', () => {
    fc.assert(
      fc.property(ballots, (bs) => {
        const result = tally(options, bs);
        expect(result.perFaction.map((f) => f.factionId).sort()).toEqual([...new Set(bs.map((b) => b.factionId))].sort());
        for (const row of result.perFaction) {
          for (const c of row.counts) expect(c.count).toBe(bs.filter((b) => b.factionId === row.factionId && b.optionId === c.optionId).length);
        }
        for (const [i, c] of result.counts.entries()) expect(result.perFaction.reduce((s, f) => s + (f.counts[i]?.count ?? 0), 0)).toBe(c.count);
      }),
    );
  });

  it('does not depend on the order of the ballots', () => {
    const permuted = ballots.chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length })));
    fc.assert(
      fc.property(permuted, ([bs, shuffled]) => {
        expect(tally(options, shuffled)).toEqual(tally(options, bs));
      }),
    );
  });
});
