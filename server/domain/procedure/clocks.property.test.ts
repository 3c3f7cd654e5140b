import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025 } from '../rulebook/presets';
import type { ProcedureCommand } from './commands';
import { runningMs } from './clocks';
import { Chamber, chair, sittingContext } from './spec-support';
import { quotaView, speakingTimeTotals } from './views';

const people = ['j.brandt', 'l.vogel', 'f.kuhn', 'm.jung', 'j.thiel', 'n.ludwig', 'd.peters', 'h.lange', 'l.noack', 'minister'];
type Step =
  | { readonly do: 'request' | 'grant'; readonly who: string }
  | { readonly do: 'next' | 'end' }
  | { readonly do: 'wait'; readonly seconds: number }
  | { readonly do: 'extend'; readonly seconds: number }
  | { readonly do: 'interject'; readonly who: string; readonly seconds: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ do: fc.constantFrom('request' as const, 'grant' as const), who: fc.constantFrom(...people) }),
  fc.record({ do: fc.constantFrom('next' as const, 'end' as const) }),
  fc.record({ do: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 600 }) }),
  fc.record({ do: fc.constant('extend' as const), seconds: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ do: fc.constant('interject' as const), who: fc.constantFrom(...people), seconds: fc.integer({ min: 1, max: 90 }) }),
);

function attempt(c: Chamber, who: string, cmd: ProcedureCommand): void {
  try {
    c.run(who, cmd);
  } catch (e) {
    if (!(e instanceof RuleViolation)) throw e;
  }
}

function apply(c: Chamber, s: Step): void {
  switch (s.do) {
    case 'request':
      return attempt(c, s.who === 'minister' ? chair : s.who, {
        kind: 'speaker.request',
        personId: s.who,
        requestKind: 'speech',
        stance: null,
        addressesRequestId: null,
      });
    case 'grant':
      return attempt(c, chair, { kind: 'floor.grant', requestId: null, personId: s.who, limitSeconds: null });
    case 'next':
      return attempt(c, chair, { kind: 'floor.next' });
    case 'end':
      return attempt(c, chair, { kind: 'floor.end' });
    case 'wait':
      return c.advance(s.seconds);
    case 'extend':
      return attempt(c, chair, { kind: 'floor.extend', seconds: s.seconds });
    case 'interject': {
      if (s.who === 'minister') return;
      const before = c.entries.length;
      attempt(c, s.who, { kind: 'speaker.request', personId: s.who, requestKind: 'interjection', stance: null, addressesRequestId: null });
      if (c.entries.length === before) return;
      attempt(c, chair, { kind: 'interjection.accept', requestId: c.lastRequestId() });
      c.advance(s.seconds);
      return attempt(c, chair, { kind: 'interjection.end' });
    }
  }
}

function debate(speechLimit: number | null, debateSeconds: number): Chamber {
  const rulebook: Rulebook = {
    ...bundestag2025,
    speech: { ...bundestag2025.speech, limits: { ...bundestag2025.speech.limits, speech: speechLimit, interjection: 60 } },
    speakingTime: { ...bundestag2025.speakingTime, debateSeconds },
  };
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  c.run(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-2', policy: 'quota' });
  return c;
}

/** Seconds each faction's speakers ran past the limit recorded at the grant (extensions included in the overrun). */
function overrunPerPool(c: Chamber): Map<string, number> {
  const over = new Map<string, number>();
  const floors = [...c.state.floors, ...(c.state.floor ? [{ ...c.state.floor, ms: runningMs(c.state.floor, c.now) }] : [])];
  for (const f of floors) {
    if (f.floorKind !== 'speech' && f.floorKind !== 'chair_grant') continue;
    if (!c.sitting.people.get(f.person.personId)?.roles.includes('member')) continue;
    const secs = f.ms / 1000;
    const key = f.person.factionId ?? '';
    const past = f.limitSeconds === null ? Number.POSITIVE_INFINITY : Math.max(0, secs - f.limitSeconds);
    over.set(key, (over.get(key) ?? 0) + past);
  }
  return over;
}

describe('speaking time from the record (properties)', () => {
  it('quotas never go below zero unless a speaker ran past the limit the record gave them', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 30, max: 600 }), { nil: null }),
        fc.integer({ min: 300, max: 3600 }),
        fc.array(step, { maxLength: 50 }),
        (limit, debateSeconds, steps) => {
          const c = debate(limit, debateSeconds);
          for (const s of steps) {
            apply(c, s);
            const over = overrunPerPool(c);
            for (const line of quotaView(c.state, 'item-2', c.now, c.sitting) ?? []) {
              expect(line.allotted - line.used).toBeCloseTo(line.remaining, 9);
              expect(line.remaining).toBeGreaterThanOrEqual(-(over.get(line.factionId) ?? 0) - 1e-9);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('speaking-time totals equal the floors’ durations in the record, per person and per faction', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 30, max: 600 }), { nil: null }), fc.array(step, { maxLength: 50 }), (limit, steps) => {
        const c = debate(limit, 3600);
        for (const s of steps) apply(c, s);
        // Independently of the state: the wall-clock time between each floor.granted and its floor.ended (or now).
        const open = new Map<string, number>();
        let wallMs = 0;
        for (const e of c.entries) {
          if (e.event.kind === 'floor.granted') open.set(e.event.floorId, Date.parse(e.at));
          if (e.event.kind === 'floor.ended') {
            wallMs += Date.parse(e.at) - open.get(e.event.floorId)!;
            open.delete(e.event.floorId);
          }
        }
        for (const start of open.values()) wallMs += c.now.getTime() - start;
        const totals = speakingTimeTotals(c.state, c.now);
        const perPerson = totals.perPerson.reduce((s, t) => s + t.seconds, 0);
        const perFaction = totals.perFaction.reduce((s, f) => s + f.seconds, 0);
        expect(perPerson).toBeCloseTo(wallMs / 1000, 9);
        expect(perFaction).toBeCloseTo(wallMs / 1000, 9);
        for (const f of totals.perFaction) {
          const members = totals.perPerson.filter((t) => t.person.factionId === f.factionId).reduce((s, t) => s + t.seconds, 0);
          expect(f.seconds).toBeCloseTo(members, 9);
        }
      }),
      { numRuns: 80 },
    );
  });
});
