import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OptionCount, VoteDefinition, VoteOption } from '../procedure/events';
import { majorityKinds, type MajorityKind } from '../procedure/vocabulary';
import { evaluateVote } from './majority';
import { tally, type BallotLike } from './tally';

const yna: VoteOption[] = [
  { id: 'yes', label: 'Yes', meaning: 'yes' },
  { id: 'no', label: 'No', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
  { id: 'invalid', label: 'Invalid', meaning: 'other' },
];
const election: VoteOption[] = [
  { id: 'a', label: 'A', meaning: 'yes' },
  { id: 'b', label: 'B', meaning: 'yes' },
  { id: 'c', label: 'C', meaning: 'yes' },
  { id: 'none', label: 'None', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
];

const kind = fc.constantFrom(...majorityKinds);
/** Seats beyond the ballots cast (absent members and vacancies); the statutory membership is cast + 1 + this. */
const seatsBeyond = fc.integer({ min: 0, max: 300 });
const count = fc.integer({ min: 0, max: 200 });
const castOf = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);

function definition(majority: MajorityKind, statutoryMembers: number, options: VoteOption[]): VoteDefinition {
  return {
    voteId: 'v',
    agendaItemId: null,
    title: 't',
    kind: 'pseudonymous',
    options,
    majority,
    live: true,
    durationSeconds: 60,
    autoCloseWhenAllVoted: true,
    statutoryMembers,
  };
}

function run(majority: MajorityKind, statutory: number, options: VoteOption[], values: Record<string, number>, quorate = true) {
  const counts: OptionCount[] = options.map((o) => ({ optionId: o.id, count: values[o.id] ?? 0 }));
  const cast = counts.reduce((s, c) => s + c.count, 0);
  return evaluateVote({ definition: definition(majority, statutory, options), counts, perFaction: [], eligible: statutory, cast, quorate });
}

const ynaCounts = fc.record({ yes: count, no: count, abstain: count, invalid: count });
const add = (values: Record<string, number>, id: string, n = 1): Record<string, number> => ({ ...values, [id]: (values[id] ?? 0) + n });

describe('majorities (properties)', () => {
  it('adding a yes never turns passed into failed, for every majority kind', () => {
    fc.assert(
      fc.property(kind, seatsBeyond, ynaCounts, fc.boolean(), (k, beyond, c, quorate) => {
        const n = castOf(c) + 1 + beyond;
        if (run(k, n, yna, c, quorate).passed) expect(run(k, n, yna, add(c, 'yes'), quorate).passed).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adding a no never turns failed into passed', () => {
    fc.assert(
      fc.property(kind, seatsBeyond, ynaCounts, (k, beyond, c) => {
        const n = castOf(c) + 1 + beyond;
        if (!run(k, n, yna, c).passed) expect(run(k, n, yna, add(c, 'no')).passed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('abstentions and other ballots never change the outcome', () => {
    fc.assert(
      fc.property(kind, seatsBeyond, ynaCounts, count, fc.constantFrom('abstain', 'invalid'), (k, beyond, c, extra, id) => {
        const n = castOf(c) + extra + 1 + beyond;
        expect(run(k, n, yna, add(c, id, extra)).passed).toBe(run(k, n, yna, c).passed);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the definitions in whole numbers', () => {
    fc.assert(
      fc.property(kind, seatsBeyond, ynaCounts, (k, beyond, c) => {
        const n = castOf(c) + 1 + beyond;
        const expected = {
          simple: c.yes > c.no,
          absolute_members: c.yes > n / 2,
          two_thirds_cast: c.yes > 0 && c.yes >= Math.ceil((2 / 3) * (c.yes + c.no) - 1e-9),
          two_thirds_members: c.yes >= Math.ceil((2 / 3) * n - 1e-9),
        }[k];
        const result = run(k, n, yna, c);
        expect(result.passed).toBe(expected);
        expect(result.reason.startsWith(expected ? 'passed: ' : 'failed: ')).toBe(true);
        expect(result.reasonCode).toBe(expected ? 'majority_reached' : k === 'simple' && c.yes === c.no ? 'tie' : 'majority_missed');
      }),
      { numRuns: 2000 },
    );
  });

  it('the number of yes votes "needed" for a member majority passes, one fewer fails', () => {
    fc.assert(
      fc.property(fc.constantFrom<MajorityKind>('absolute_members', 'two_thirds_members'), fc.integer({ min: 1, max: 800 }), (k, n) => {
        const needed = Number(/\((\d+) needed/.exec(run(k, n, yna, {}).reason)?.[1]);
        expect(run(k, n, yna, { yes: needed }).passed).toBe(true);
        expect(run(k, n, yna, { yes: needed - 1 }).passed).toBe(false);
        expect(run(k, n, yna, { yes: needed - 1, abstain: n - needed + 1 }).passed).toBe(false);
      }),
    );
  });

  it('two thirds of the votes cast: with a given number of no votes, max(1, 2 × no) yes pass and one fewer fails', () => {
    fc.assert(
      fc.property(count, seatsBeyond, (no, beyond) => {
        const yes = Math.max(1, 2 * no);
        const n = yes + no + beyond;
        const result = run('two_thirds_cast', n, yna, { yes, no });
        expect(result.passed).toBe(true);
        expect(result.reason).toContain(`(${yes} needed;`);
        expect(run('two_thirds_cast', n, yna, { yes: yes - 1, no }).passed).toBe(false);
      }),
    );
  });

  it('without quorum every vote fails with no_quorum', () => {
    fc.assert(
      fc.property(kind, seatsBeyond, ynaCounts, (k, beyond, c) => {
        const n = castOf(c) + beyond + 1;
        expect(run(k, n, yna, c, false)).toMatchObject({ passed: false, reasonCode: 'no_quorum', quorate: false });
      }),
    );
  });

  it('elections: passes only if one option alone beats all other counted ballots; more votes for the winner keep it passed', () => {
    const counts = fc.record({ a: count, b: count, c: count, none: count, abstain: count });
    fc.assert(
      fc.property(kind, seatsBeyond, counts, (k, beyond, c) => {
        const n = castOf(c) + 1 + beyond;
        const result = run(k, n, election, c);
        const yes = [c.a, c.b, c.c];
        const valid = c.a + c.b + c.c + c.none;
        const winners = yes.filter((y) => {
          const against = valid - y;
          return { simple: y > against, absolute_members: 2 * y > n, two_thirds_cast: y > 0 && 3 * y >= 2 * valid, two_thirds_members: 3 * y >= 2 * n }[k];
        });
        expect(winners.length).toBeLessThanOrEqual(1);
        expect(result.passed).toBe(winners.length === 1);
        if (result.passed) {
          const leader = (['a', 'b', 'c'] as const).find((id) => c[id] === Math.max(...yes)) ?? 'a';
          expect(run(k, n, election, add(c, leader)).passed).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the result from ballots does not depend on their order', () => {
    const ballots = fc.array(
      fc.record({ optionId: fc.constantFrom(...yna.map((o) => o.id)), factionId: fc.oneof(fc.constant(null), fc.constantFrom('x', 'y')) }),
      { maxLength: 200 },
    );
    const permuted = ballots.chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length })));
    const fromBallots = (k: MajorityKind, n: number, bs: readonly BallotLike[]) => {
      const t = tally(yna, bs);
      return evaluateVote({ definition: definition(k, n, yna), counts: t.counts, perFaction: t.perFaction, eligible: n, cast: t.cast, quorate: true });
    };
    fc.assert(
      fc.property(kind, fc.integer({ min: 200, max: 400 }), permuted, (k, n, [bs, shuffled]) => {
        expect(fromBallots(k, n, shuffled)).toEqual(fromBallots(k, n, bs));
      }),
    );
  });
});
