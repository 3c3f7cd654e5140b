import { describe, expect, it } from 'vitest';
import { bundestag2025 } from '../rulebook/presets';
import type { Rulebook } from '../rulebook';
import { orderBy, type Candidate, type PolicyContext } from './order-policies';
import { Chamber, chair, sittingContext } from './spec-support';
import type { OrderPolicy } from './vocabulary';
import { speakerQueue } from './views';

const base: PolicyContext = { previousGroup: null, previousStance: null, heard: {}, strength: () => 0, remaining: null, plannedSeconds: null };
const c = (requestId: string, group: string, more: Partial<Candidate> = {}): Candidate => ({
  requestId,
  seq: Number(requestId.slice(1)),
  group,
  stance: null,
  pool: group,
  ...more,
});
const order = (policy: OrderPolicy, list: Candidate[], ctx: Partial<PolicyContext> = {}) => orderBy(policy, list, { ...base, ...ctx }).map((x) => x.requestId);

describe('order policies on plain candidates', () => {
  it('first come: arrival order, whatever order they are given in', () => {
    expect(order('first_come', [c('r3', 'a'), c('r1', 'b'), c('r2', 'a')])).toEqual(['r1', 'r2', 'r3']);
  });

  it('alternation: each faction before another gets a further speaker, strongest first, never twice in a row when avoidable', () => {
    const seats: Record<string, number> = { sda: 14, cvp: 12, grn: 9 };
    const strength = (g: string) => seats[g] ?? 0;
    const list = [c('r1', 'sda'), c('r2', 'sda'), c('r3', 'sda'), c('r4', 'grn'), c('r5', 'cvp')];
    expect(order('alternate_factions', list, { strength })).toEqual(['r1', 'r5', 'r4', 'r2', 'r3']);
    // After an SDA speech the SDA waits; factions that have spoken less come first.
    expect(order('alternate_factions', list, { strength, previousGroup: 'sda', heard: { sda: 1, grn: 1 } })).toEqual(['r5', 'r1', 'r4', 'r2', 'r3']);
    // Only one faction waiting: no way to alternate.
    expect(order('alternate_factions', [c('r1', 'lnk'), c('r2', 'lnk')], { previousGroup: 'lnk' })).toEqual(['r1', 'r2']);
  });

  it('pro/contra: pro first, then alternating; without the other side the earliest; no stance does not break the rhythm', () => {
    const list = [c('r1', 'a', { stance: 'pro' }), c('r2', 'b', { stance: 'pro' }), c('r3', 'c', { stance: null }), c('r4', 'd', { stance: 'contra' })];
    expect(order('pro_contra', list)).toEqual(['r1', 'r4', 'r2', 'r3']);
    expect(order('pro_contra', list, { previousStance: 'pro' })).toEqual(['r4', 'r1', 'r2', 'r3']);
    const contraOnly = [c('r1', 'a', { stance: 'contra' }), c('r2', 'b', { stance: null }), c('r3', 'c', { stance: 'pro' })];
    expect(order('pro_contra', contraOnly, { previousStance: 'pro' })).toEqual(['r1', 'r3', 'r2']);
  });

  it('quota: most remaining time first, each queued speech assumed to use its limit; guests outside the quotas first', () => {
    const remaining = { sda: 600, cvp: 500, lnk: 100 };
    const list = [c('r1', 'lnk'), c('r2', 'sda'), c('r3', 'cvp'), c('r4', 'sda'), c('r5', 'x', { pool: null })];
    expect(order('quota', list, { remaining, plannedSeconds: 300 })).toEqual(['r5', 'r2', 'r3', 'r4', 'r1']);
    // Without a limit a speech may use all that is left: the second SDA speaker waits for everyone else.
    expect(order('quota', list, { remaining, plannedSeconds: null })).toEqual(['r5', 'r2', 'r3', 'r1', 'r4']);
    // No allotment: first come.
    expect(order('quota', list, { remaining: null })).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });
});

function chamber(policy: OrderPolicy, rulebook: Rulebook = bundestag2025): Chamber {
  const ch = new Chamber(sittingContext(rulebook)).open();
  ch.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  ch.run(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-2', policy });
  return ch;
}
const queue = (ch: Chamber) => speakerQueue(ch.state, ch.sitting, undefined, ch.now).map((q) => q.person.personId);

describe('the speaker list of an item', () => {
  it('alternates factions by the Bundestag rule, continuing from the speeches held', () => {
    const ch = chamber('alternate_factions');
    for (const p of ['j.brandt', 'l.vogel', 'f.kuhn', 'j.thiel']) ch.request(p);
    expect(queue(ch)).toEqual(['j.brandt', 'f.kuhn', 'j.thiel', 'l.vogel']);
    ch.run(chair, { kind: 'floor.next' });
    ch.request('f.hartmann');
    // SDA has spoken: CVP, GRN before the next SDA speakers.
    expect(queue(ch)).toEqual(['f.kuhn', 'j.thiel', 'l.vogel', 'f.hartmann']);
  });

  it('pro/contra alternation uses the stance given with the request', () => {
    const ch = chamber('pro_contra');
    ch.request('j.brandt', 'speech', 'pro');
    ch.request('l.vogel', 'speech', 'pro');
    ch.request('f.kuhn', 'speech', 'contra');
    expect(queue(ch)).toEqual(['j.brandt', 'f.kuhn', 'l.vogel']);
  });

  it('quota: the faction with the most time left speaks first; podium guests are outside the quotas', () => {
    const ch = chamber('quota');
    ch.request('d.peters');
    ch.request('j.brandt');
    ch.request('l.vogel');
    ch.run(chair, { kind: 'speaker.request', personId: 'minister', requestKind: 'speech', stance: null, addressesRequestId: null });
    // Bundestag: no speech limit, so a queued SDA speech may use all SDA time; LNK comes before the second SDA speaker.
    expect(queue(ch)).toEqual(['minister', 'j.brandt', 'd.peters', 'l.vogel']);
  });

  it('the chair’s order pins the requests pending at the time; later speeches follow by policy, later short interventions go first', () => {
    const ch = chamber('first_come');
    const a = ch.request('j.brandt');
    const b = ch.request('f.kuhn');
    const d = ch.request('j.thiel');
    ch.run(chair, { kind: 'speaker.reorder', order: [d, a, b] });
    ch.request('n.ludwig');
    expect(queue(ch)).toEqual(['j.thiel', 'j.brandt', 'f.kuhn', 'n.ludwig']);
    expect(speakerQueue(ch.state, ch.sitting).map((q) => [q.position, q.pinned])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    ch.run(chair, { kind: 'floor.next' });
    ch.run(chair, { kind: 'floor.end' });
    ch.request('d.peters', 'short_intervention');
    expect(queue(ch)).toEqual(['d.peters', 'j.brandt', 'f.kuhn', 'n.ludwig']);
  });

  it('a new order policy clears the chair’s order', () => {
    const ch = chamber('first_come');
    const a = ch.request('j.brandt');
    const b = ch.request('l.vogel');
    const d = ch.request('f.kuhn');
    ch.run(chair, { kind: 'speaker.reorder', order: [b, a, d] });
    expect(queue(ch)).toEqual(['l.vogel', 'j.brandt', 'f.kuhn']);
    ch.run(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-2', policy: 'alternate_factions' });
    expect(ch.state.items['item-2']?.manualOrder).toBeNull();
    expect(queue(ch)).toEqual(['j.brandt', 'f.kuhn', 'l.vogel']);
  });

  it('lists of other items and settled requests stay out of the queue', () => {
    const ch = chamber('first_come');
    ch.request('j.brandt');
    ch.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    ch.request('f.kuhn');
    expect(queue(ch)).toEqual(['f.kuhn']);
    expect(speakerQueue(ch.state, ch.sitting, 'item-2').map((q) => q.person.personId)).toEqual(['j.brandt']);
  });
});
