import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rulebook } from '../rulebook';
import { allotSpeakingTime, INDEPENDENTS } from './speaking-time';

const rule = fc.record({
  debateSeconds: fc.constant(null),
  split: fc.constantFrom('seats' as const, 'equal_plus_seats' as const),
  equalShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  minimumPerFaction: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 900 })),
  perIndependentSeconds: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 300 })),
}) satisfies fc.Arbitrary<Rulebook['speakingTime']>;

const factions = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), seats: fc.integer({ min: 0, max: 400 }) }), {
  selector: (f) => f.id,
  maxLength: 9,
});
const debate = fc.integer({ min: 0, max: 4 * 3600 });
const independents = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }));

const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('speaking time (properties)', () => {
  it('adds up to the debate, unless the minima force more — then every faction has exactly the minimum', () => {
    fc.assert(
      fc.property(rule, debate, factions, independents, (r, d, fs, k) => {
        const result = allotSpeakingTime(r, d, fs, k);
        const active = fs.filter((f) => f.seats > 0);
        if (active.length === 0 && k === 0) {
          expect(total(result)).toBe(0);
        } else if (total(result) !== d) {
          expect(total(result)).toBeGreaterThan(d);
          for (const f of active) expect(result[f.id]).toBe(r.minimumPerFaction);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives whole, non-negative seconds to every faction (the pool only with independents), at least the minimum', () => {
    fc.assert(
      fc.property(rule, debate, factions, independents, (r, d, fs, k) => {
        const result = allotSpeakingTime(r, d, fs, k);
        expect(Object.keys(result).sort()).toEqual([...fs.map((f) => f.id), ...(k > 0 ? [INDEPENDENTS] : [])].sort());
        for (const value of Object.values(result)) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        for (const f of fs) if (f.seats > 0) expect(result[f.id]).toBeGreaterThanOrEqual(r.minimumPerFaction);
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotone in seats: more seats never get less time; equal seats differ by at most a second', () => {
    fc.assert(
      fc.property(rule, debate, factions, independents, (r, d, fs, k) => {
        const result = allotSpeakingTime(r, d, fs, k);
        for (const a of fs) {
          for (const b of fs) {
            const ta = result[a.id] ?? -1;
            const tb = result[b.id] ?? -1;
            if (a.seats > b.seats) expect(ta).toBeGreaterThanOrEqual(tb);
            if (a.seats === b.seats) expect(Math.abs(ta - tb)).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('by seats without minimum: every part (the independents too) is within a second of its seat share', () => {
    fc.assert(
      fc.property(debate, factions, independents, (d, fs, k) => {
        const rule: Rulebook['speakingTime'] = { debateSeconds: null, split: 'seats', equalShare: 0, minimumPerFaction: 0, perIndependentSeconds: null };
        const result = allotSpeakingTime(rule, d, fs, k);
        const seats = fs.reduce((s, f) => s + f.seats, 0) + k;
        if (seats === 0) return;
        for (const f of fs) expect(Math.abs((result[f.id] ?? 0) - (d * f.seats) / seats)).toBeLessThan(1);
        if (k > 0) expect(Math.abs((result[INDEPENDENTS] ?? 0) - (d * k) / seats)).toBeLessThan(1);
      }),
    );
  });

  it('equal plus seats without independents or minimum: every group is within a second of its two fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), debate, factions, (percent, d, fs) => {
        const e = percent / 100;
        const rule: Rulebook['speakingTime'] = {
          debateSeconds: null,
          split: 'equal_plus_seats',
          equalShare: e,
          minimumPerFaction: 0,
          perIndependentSeconds: null,
        };
        const result = allotSpeakingTime(rule, d, fs, 0);
        const active = fs.filter((f) => f.seats > 0);
        const seats = active.reduce((s, f) => s + f.seats, 0);
        for (const f of active) expect(Math.abs((result[f.id] ?? 0) - d * (e / active.length + ((1 - e) * f.seats) / seats))).toBeLessThan(1 + 1e-9);
      }),
    );
  });

  it('a fixed time per independent is given exactly when the debate has room for it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), debate, factions, fc.integer({ min: 1, max: 30 }), (per, d, fs, k) => {
        const rule: Rulebook['speakingTime'] = { debateSeconds: null, split: 'seats', equalShare: 0, minimumPerFaction: 0, perIndependentSeconds: per };
        const result = allotSpeakingTime(rule, d, fs, k);
        if (fs.some((f) => f.seats > 0)) expect(result[INDEPENDENTS]).toBe(per * k);
        if (per * k <= d && fs.some((f) => f.seats > 0)) expect(total(result)).toBe(d);
      }),
    );
  });

  it('does not depend on the order in which the factions are given', () => {
    const permuted = factions.chain((fs) => fc.tuple(fc.constant(fs), fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length })));
    fc.assert(
      fc.property(rule, debate, permuted, independents, (r, d, [fs, shuffled], k) => {
        expect(allotSpeakingTime(r, d, shuffled, k)).toEqual(allotSpeakingTime(r, d, fs, k));
      }),
      { numRuns: 500 },
    );
  });
});
