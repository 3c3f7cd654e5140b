import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../errors';
import { bundestag2025 } from '../rulebook/presets';
import { orderBy, type Candidate, type PolicyContext } from './order-policies';
import type { ProcedureCommand } from './commands';
import { Chamber, chair, sittingContext } from './spec-support';
import { orderPolicies, type OrderPolicy, type Stance } from './vocabulary';
import { speakerQueue } from './views';

const groups = ['sda', 'cvp', 'grn', 'lib', 'lnk', 'person:l.noack'];
const stance = fc.constantFrom<Stance | null>('pro', 'contra', null);
const candidates = fc
  .uniqueArray(fc.record({ seq: fc.integer({ min: 1, max: 10_000 }), group: fc.constantFrom(...groups), stance, guest: fc.boolean() }), {
    selector: (c) => c.seq,
    maxLength: 30,
  })
  .map((list) => list.map((c): Candidate => ({ requestId: `r${c.seq}`, seq: c.seq, group: c.group, stance: c.stance, pool: c.guest ? null : c.group })));
const context = fc.record({
  previousGroup: fc.constantFrom(null, ...groups),
  previousStance: stance,
  heard: fc.dictionary(fc.constantFrom(...groups), fc.integer({ min: 0, max: 5 })),
  seats: fc.dictionary(fc.constantFrom(...groups), fc.integer({ min: 0, max: 300 })),
  remaining: fc.option(fc.dictionary(fc.constantFrom(...groups), fc.integer({ min: -100, max: 3600 })), { nil: null }),
  plannedSeconds: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }),
});
const toCtx = (c: {
  previousGroup: string | null;
  previousStance: Stance | null;
  heard: Record<string, number>;
  seats: Record<string, number>;
  remaining: Record<string, number> | null;
  plannedSeconds: number | null;
}): PolicyContext => ({
  ...c,
  strength: (g) => c.seats[g] ?? 0,
});

describe('order policies (properties)', () => {
  it('every policy returns a permutation of the requests it is given', () => {
    fc.assert(
      fc.property(fc.constantFrom(...orderPolicies), candidates, context, (policy, list, ctx) => {
        const out = orderBy(policy, list, toCtx(ctx));
        expect(out.map((c) => c.requestId).sort()).toEqual(list.map((c) => c.requestId).sort());
      }),
    );
  });

  it('alternation never puts a faction twice in a row while another faction waits', () => {
    fc.assert(
      fc.property(candidates, context, (list, ctx) => {
        const out = orderBy('alternate_factions', list, toCtx(ctx));
        let previous = ctx.previousGroup;
        out.forEach((c, i) => {
          if (c.group === previous) expect(out.slice(i).every((rest) => rest.group === previous)).toBe(true);
          previous = c.group;
        });
      }),
    );
  });

  it('pro/contra never skips the other side while it waits', () => {
    fc.assert(
      fc.property(candidates, context, (list, ctx) => {
        const out = orderBy('pro_contra', list, toCtx(ctx));
        let previous = ctx.previousStance;
        out.forEach((c, i) => {
          const wanted: Stance = previous === 'pro' ? 'contra' : 'pro';
          if (c.stance !== wanted) expect(out.slice(i).some((rest) => rest.stance === wanted)).toBe(false);
          if (c.stance !== null) previous = c.stance;
        });
      }),
    );
  });

  it('quota puts guests first, then a speaker of a pool with the most remaining time', () => {
    fc.assert(
      fc.property(candidates, context, (list, ctx) => {
        const remaining = ctx.remaining ?? {};
        const out = orderBy('quota', list, toCtx({ ...ctx, remaining }));
        const guests = list.filter((c) => c.pool === null).length;
        expect(out.slice(0, guests).every((c) => c.pool === null)).toBe(true);
        const first = out[guests];
        if (first) {
          const best = Math.max(...list.filter((c) => c.pool !== null).map((c) => remaining[c.pool!] ?? 0));
          expect(remaining[first.pool!] ?? 0).toBe(best);
        }
      }),
    );
  });
});

const speakers = ['j.brandt', 'l.vogel', 'f.hartmann', 'f.kuhn', 'm.jung', 'j.thiel', 'a.ernst', 'n.ludwig', 'd.peters', 'h.lange', 'l.noack'];
type Step =
  | { readonly do: 'request'; readonly who: string; readonly stance: Stance | null; readonly kind: 'speech' | 'short_intervention' }
  | { readonly do: 'withdraw' | 'remove'; readonly pick: number }
  | { readonly do: 'reorder'; readonly seed: number }
  | { readonly do: 'next' | 'end' | 'policy'; readonly policy: OrderPolicy };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant('request' as const),
    who: fc.constantFrom(...speakers),
    stance,
    kind: fc.constantFrom('speech' as const, 'speech' as const, 'short_intervention' as const),
  }),
  fc.record({ do: fc.constantFrom('withdraw' as const, 'remove' as const), pick: fc.nat() }),
  fc.record({ do: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ do: fc.constantFrom('next' as const, 'end' as const, 'policy' as const), policy: fc.constantFrom(...orderPolicies) }),
);

function apply(c: Chamber, s: Step, allowReorder: boolean): void {
  const pending = Object.values(c.state.requests).filter((r) => r.status === 'pending' && r.requestKind !== 'interjection' && r.agendaItemId === 'item-2');
  const attempt = (who: string, cmd: ProcedureCommand) => {
    try {
      c.run(who, cmd);
    } catch (e) {
      if (!(e instanceof RuleViolation)) throw e;
    }
  };
  switch (s.do) {
    case 'request':
      return attempt(s.who, { kind: 'speaker.request', personId: s.who, requestKind: s.kind, stance: s.stance, addressesRequestId: null });
    case 'withdraw':
    case 'remove': {
      const r = pending[s.pick % Math.max(1, pending.length)];
      if (r)
        attempt(s.do === 'withdraw' ? r.person.personId : chair, { kind: s.do === 'withdraw' ? 'speaker.withdraw' : 'speaker.remove', requestId: r.requestId });
      return;
    }
    case 'reorder': {
      if (!allowReorder) return;
      const order = pending.map((r) => r.requestId).sort((a, b) => ((a.length * 31 + s.seed) % 7) - ((b.length * 17 + s.seed) % 5) || a.localeCompare(b));
      return attempt(chair, { kind: 'speaker.reorder', order: s.seed % 2 ? order.reverse() : order });
    }
    case 'next':
      c.advance(45);
      return attempt(chair, { kind: 'floor.next' });
    case 'end':
      c.advance(20);
      return attempt(chair, { kind: 'floor.end' });
    case 'policy':
      return allowReorder ? attempt(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-2', policy: s.policy }) : undefined;
  }
}

function debate(policy: OrderPolicy): Chamber {
  const c = new Chamber(sittingContext(bundestag2025)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  c.run(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-2', policy });
  return c;
}

describe('the speaker list through the record (properties)', () => {
  it('the queue is always a permutation of the pending requests, whatever the chair and members did', () => {
    fc.assert(
      fc.property(fc.constantFrom(...orderPolicies), fc.array(step, { maxLength: 40 }), (policy, steps) => {
        const c = debate(policy);
        for (const s of steps) {
          apply(c, s, true);
          const queue = speakerQueue(c.state, c.sitting, undefined, c.now)
            .map((q) => q.requestId)
            .sort();
          const pending = Object.values(c.state.requests)
            .filter((r) => r.status === 'pending' && r.requestKind !== 'interjection' && r.agendaItemId === 'item-2')
            .map((r) => r.requestId)
            .sort();
          expect(queue).toEqual(pending);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with alternation, the speeches of the list never follow the same faction while another waits', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const c = debate('alternate_factions');
        for (const s of steps) {
          apply(c, s, false);
          const speeches = speakerQueue(c.state, c.sitting, undefined, c.now).filter((q) => q.requestKind === 'speech');
          const lastSpeech = [...c.state.floors, ...(c.state.floor ? [c.state.floor] : [])].filter((f) => f.floorKind === 'speech').at(-1);
          let previous = lastSpeech ? (lastSpeech.person.factionId ?? `person:${lastSpeech.person.personId}`) : null;
          speeches.forEach((q, i) => {
            const group = q.person.factionId ?? `person:${q.person.personId}`;
            if (group === previous) expect(speeches.slice(i).every((r) => (r.person.factionId ?? `person:${r.person.personId}`) === group)).toBe(true);
            previous = group;
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
