import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundestag2025 } from './presets';
import { quorumStatus } from './quorum';

/** A quorum rule as the exact fraction p/q, checked with integers only. */
const rule = fc
  .record({ q: fc.integer({ min: 1, max: 24 }), p: fc.integer({ min: 1, max: 24 }), strictlyMore: fc.boolean() })
  .filter(({ p, q, strictlyMore }) => p <= q && !(strictlyMore && p === q));

const satisfies = (count: number, members: number, p: number, q: number, strictlyMore: boolean): boolean =>
  strictlyMore ? count * q > p * members : count * q >= p * members;

describe('quorum (properties)', () => {
  it('required is the smallest count that satisfies the rule, and quorate means present ≥ required', () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 5000 }), fc.nat(), ({ p, q, strictlyMore }, members, seed) => {
        const rulebook = { ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: p / q, strictlyMore } };
        const present = members === 0 ? 0 : seed % (members + 1);
        const status = quorumStatus(rulebook, members, present);
        expect(satisfies(status.required, members, p, q, strictlyMore)).toBe(true);
        expect(satisfies(status.required - 1, members, p, q, strictlyMore)).toBe(false);
        expect(status.quorate).toBe(satisfies(present, members, p, q, strictlyMore));
        expect(status.present).toBe(present);
      }),
      { numRuns: 2000 },
    );
  });

  it('one more member present never loses the quorum', () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 1, max: 2000 }), fc.nat(), ({ p, q, strictlyMore }, members, seed) => {
        const rulebook = { ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: p / q, strictlyMore } };
        const present = seed % members;
        if (quorumStatus(rulebook, members, present).quorate) expect(quorumStatus(rulebook, members, present + 1).quorate).toBe(true);
      }),
    );
  });
});
