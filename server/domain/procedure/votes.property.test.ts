import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../errors';
import { bundestag2025 } from '../rulebook/presets';
import { allMembers, Chamber, chair, draft, sittingContext } from './spec-support';

const members = allMembers(sittingContext());
const options = ['yes', 'no', 'abstain'];

describe('ballots and the tally (properties)', () => {
  it('the result counts every accepted ballot once: per option, per faction, in total', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('named' as const, 'pseudonymous' as const),
        fc.integer({ min: 1, max: members.length }),
        fc.array(fc.record({ voter: fc.nat(), option: fc.constantFrom(...options) }), { maxLength: 120 }),
        (kind, presentCount, attempts) => {
          const present = members.slice(0, presentCount);
          const c = new Chamber(sittingContext(bundestag2025)).open(present);
          c.run(chair, { kind: 'vote.open', draft: draft({ kind }) });
          const first = new Map<string, string>();
          for (const a of attempts) {
            const voter = present[a.voter % present.length]!;
            const cmd = { kind: 'vote.cast', voteId: 'vote-1', optionId: a.option, pseudonym: kind === 'pseudonymous' ? `p-${voter}` : null } as const;
            const before = first.get(voter);
            if (before === undefined) {
              expect(c.run(voter, cmd)).toHaveLength(1);
              first.set(voter, a.option);
            } else if (before === a.option) {
              expect(c.run(voter, cmd)).toEqual([]);
            } else {
              expect(() => c.run(voter, cmd)).toThrow(RuleViolation);
            }
          }
          const [closed] = c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
          if (closed?.kind !== 'vote.closed') throw new Error('not closed');
          const r = closed.result;
          const ballots = c.entries.flatMap((e) => (e.event.kind === 'ballot.cast' ? [e.event] : []));
          expect(r.cast).toBe(first.size);
          expect(ballots).toHaveLength(first.size);
          expect(r.eligible).toBe(present.length);
          expect(r.counts.reduce((s, o) => s + o.count, 0)).toBe(r.cast);
          for (const o of options) {
            expect(r.counts.find((x) => x.optionId === o)?.count).toBe([...first.values()].filter((v) => v === o).length);
            if (kind !== 'named') continue;
            expect(r.perFaction.reduce((s, f) => s + (f.counts.find((x) => x.optionId === o)?.count ?? 0), 0)).toBe(
              r.counts.find((x) => x.optionId === o)?.count,
            );
          }
          // A pseudonymous ballot carries no faction: a table by faction would count its members as independents.
          if (kind !== 'named') expect(r.perFaction).toEqual([]);
          for (const f of r.perFaction) {
            const inFaction = ballots.filter((b) => (b.voter?.factionId ?? null) === f.factionId).length;
            expect(f.counts.reduce((s, x) => s + x.count, 0)).toBe(inFaction);
            // Every faction's row counts its own members only.
            if (f.factionId !== null) expect(inFaction).toBeGreaterThan(0);
          }
          // The first ballot of each voter stands.
          if (kind === 'named') for (const b of ballots) expect(first.get(b.voter!.personId)).toBe(b.optionId);
          else for (const b of ballots) expect(b.voter).toBeNull();
        },
      ),
      { numRuns: 80 },
    );
  });
});
