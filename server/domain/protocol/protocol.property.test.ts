import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../errors';
import { bundestag2025 } from '../rulebook/presets';
import type { Rulebook } from '../rulebook';
import { chainEntries, GENESIS_HASH, type StoredEntry } from '../record';
import type { ProcedureCommand } from '../procedure/commands';
import { floorTime, wholeSeconds } from '../procedure/clocks';
import { Chamber, chair, sittingContext } from '../procedure/spec-support';
import { buildProtocol, type Protocol, type ProtocolFloor } from './protocol';

const people = ['j.brandt', 'l.vogel', 'f.kuhn', 'm.jung', 'j.thiel', 'n.ludwig', 'd.peters', 'h.lange', 'l.noack', 'minister'];
const who = fc.constantFrom(...people);
/** Milliseconds, so that times fall between whole seconds and rounding is put to the test. */
const ms = (max: number) => fc.integer({ min: 0, max });

type Step =
  | { readonly do: 'request' | 'short' | 'grant' | 'point'; readonly who: string }
  | { readonly do: 'next' | 'end' | 'decide' | 'call' }
  | { readonly do: 'wait'; readonly ms: number }
  | { readonly do: 'extend'; readonly seconds: number }
  | { readonly do: 'interject'; readonly who: string; readonly accept: boolean; readonly ms: number; readonly endIt: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ do: fc.constantFrom('request' as const, 'grant' as const), who }), weight: 6 },
  { arbitrary: fc.record({ do: fc.constantFrom('short' as const, 'point' as const), who }), weight: 2 },
  { arbitrary: fc.record({ do: fc.constantFrom('next' as const, 'end' as const) }), weight: 6 },
  { arbitrary: fc.record({ do: fc.constantFrom('decide' as const, 'call' as const) }), weight: 1 },
  { arbitrary: fc.record({ do: fc.constant('wait' as const), ms: ms(400_000) }), weight: 5 },
  { arbitrary: fc.record({ do: fc.constant('extend' as const), seconds: fc.integer({ min: 1, max: 120 }) }), weight: 1 },
  { arbitrary: fc.record({ do: fc.constant('interject' as const), who, accept: fc.boolean(), ms: ms(90_000), endIt: fc.boolean() }), weight: 3 },
);

const rulebook: Rulebook = {
  ...bundestag2025,
  speech: { ...bundestag2025.speech, limits: { ...bundestag2025.speech.limits, speech: 300 }, interjectionsEnabled: true, shortInterventionsEnabled: true },
};
const category = rulebook.pointsOfOrder.categories[0]!.id;

/** Commands are tried as a chair or member would; what the rules refuse is simply not in the record. */
function attempt(c: Chamber, actor: string, cmd: ProcedureCommand): boolean {
  try {
    c.run(actor, cmd);
    return true;
  } catch (e) {
    if (!(e instanceof RuleViolation)) throw e;
    return false;
  }
}

const items = ['item-1', 'item-2', 'item-3'];

function apply(c: Chamber, s: Step): void {
  const self = (p: string) => (p === 'minister' ? chair : p);
  switch (s.do) {
    case 'request':
      attempt(c, self(s.who), { kind: 'speaker.request', personId: s.who, requestKind: 'speech', stance: null, addressesRequestId: null });
      return;
    case 'short':
      attempt(c, self(s.who), { kind: 'speaker.request', personId: s.who, requestKind: 'short_intervention', stance: null, addressesRequestId: null });
      return;
    case 'grant':
      attempt(c, chair, { kind: 'floor.grant', requestId: null, personId: s.who, limitSeconds: null });
      return;
    case 'point':
      attempt(c, s.who, { kind: 'point_of_order.raise', category, text: 'Zur Geschäftsordnung' });
      return;
    case 'next':
      attempt(c, chair, { kind: 'floor.next' });
      return;
    case 'end':
      attempt(c, chair, { kind: 'floor.end' });
      return;
    case 'decide': {
      const point = Object.values(c.state.points).find((p) => p.status === 'pending');
      if (point) attempt(c, chair, { kind: 'point_of_order.decide', pointId: point.pointId, decision: 'noted', note: null, voteDraftId: null });
      return;
    }
    case 'call': {
      const next = items[(items.indexOf(c.state.currentItemId ?? '') + 1) % items.length]!;
      attempt(c, chair, { kind: 'agenda.call', agendaItemId: next });
      return;
    }
    case 'wait':
      c.now = new Date(c.now.getTime() + s.ms);
      return;
    case 'extend':
      attempt(c, chair, { kind: 'floor.extend', seconds: s.seconds });
      return;
    case 'interject': {
      if (s.who === 'minister') return;
      if (!attempt(c, s.who, { kind: 'speaker.request', personId: s.who, requestKind: 'interjection', stance: null, addressesRequestId: null })) return;
      const requestId = c.lastRequestId();
      if (!s.accept) {
        attempt(c, chair, { kind: 'interjection.decline', requestId });
        return;
      }
      if (!attempt(c, chair, { kind: 'interjection.accept', requestId })) return;
      c.now = new Date(c.now.getTime() + s.ms);
      // Left running, the interjection ends with the speech (the next grant, an end, or the close).
      if (s.endIt) attempt(c, chair, { kind: 'interjection.end' });
      return;
    }
  }
}

/** A sitting from open to close: members join, the first item is called, then the steps, then the chair closes. */
function sitting(steps: readonly Step[]): { c: Chamber; protocol: Protocol } {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: items[0]! });
  for (const s of steps) apply(c, s);
  c.now = new Date(c.now.getTime() + 1234);
  c.run(chair, { kind: 'sitting.close' });
  const chained = chainEntries(GENESIS_HASH, 1, c.sitting.sittingId, c.entries);
  const stored: StoredEntry[] = chained.map((e) => ({ ...e.content, prevHash: e.prevHash, hash: e.hash }));
  const protocol = buildProtocol({
    sitting: { id: c.sitting.sittingId, number: 42, title: 'Sitzung', startsAt: '2026-12-03T08:00:00.000Z' },
    parliamentName: 'Landtag',
    agenda: c.sitting.agenda,
    entries: stored,
  });
  return { c, protocol };
}

/** Speaking time per faction pool straight from the entries: each floor from its grant to its end, less the interjections put to it. */
function fromEntries(c: Chamber): Map<string, number> {
  const started = new Map<string, { at: number; key: string; counted: boolean }>();
  const interjections = new Map<string, { at: number; floorId: string }>();
  const pools = new Map<string, number>();
  const add = (key: string, d: number) => pools.set(key, (pools.get(key) ?? 0) + d);
  for (const { event: e, at } of c.entries) {
    const t = Date.parse(at);
    if (e.kind === 'floor.granted') started.set(e.floorId, { at: t, key: e.person.factionId ?? '', counted: e.floorKind !== 'point_of_order' });
    if (e.kind === 'interjection.accepted') interjections.set(e.requestId, { at: t, floorId: e.floorId });
    if (e.kind === 'interjection.ended') {
      const i = interjections.get(e.requestId)!;
      const f = started.get(i.floorId)!;
      if (f.counted) add(f.key, -(t - i.at));
    }
    if (e.kind === 'floor.ended') {
      const f = started.get(e.floorId)!;
      if (f.counted) add(f.key, t - f.at);
    }
  }
  return pools;
}

describe('the protocol and the live state agree (properties)', () => {
  it('per-faction speaking time in the protocol equals the live state’s at close, rounded once', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        const { c, protocol } = sitting(steps);
        expect(c.state.phase).toBe('closed');
        expect(c.state.floor).toBeNull();
        // The live state as the engine holds it (decided and folded command by command).
        const live = floorTime(c.state).perFaction;
        expect(protocol.speakingTime.perFaction.map((f) => [f.factionId ?? '', f.floors, f.seconds]).sort()).toEqual(
          [...live.entries()].map(([key, g]) => [key, g.floors, wholeSeconds(g.ms)]).sort(),
        );
        // And the live state's milliseconds are the record's own: grant to end, less interjections.
        const raw = fromEntries(c);
        for (const [key, g] of live) expect(g.ms).toBe(raw.get(key));
        expect(live.size).toBe(raw.size);
      }),
      { numRuns: 120 },
    );
  });

  it('gives every floor the live state’s end and speaking time, and every interjection its duration', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        const { c, protocol } = sitting(steps);
        const floors = protocol.sections.flatMap((s) => s.proceedings).filter((p): p is ProtocolFloor => p.kind === 'floor');
        const finished = c.state.floors.filter((f) => f.floorKind !== 'point_of_order');
        expect(floors.map((f) => f.floorId)).toEqual(finished.map((f) => f.floorId));
        for (const [i, f] of finished.entries()) {
          const p = floors[i]!;
          expect([p.endedAt, p.speakingSeconds, p.extendedSeconds]).toEqual([f.endedAt, wholeSeconds(f.ms), f.extensionSeconds]);
          const put = c.state.interjections.filter((x) => x.floorId === f.floorId);
          expect(p.interjections.filter((x) => x.outcome === 'accepted').map((x) => [x.requestId, x.endedAt, x.durationSeconds])).toEqual(
            put.map((x) => [x.requestId, x.endedAt, wholeSeconds(x.ms)]),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
