import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament, municipalCouncil } from '../rulebook/presets';
import { upgradeRulebook } from '../rulebook/upgrade';
import { fold } from './state';
import { Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';

function debate(rulebook: Rulebook = bundestag2025): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}

/** A debate with j.brandt holding the floor. */
function speaking(rulebook: Rulebook = bundestag2025): Chamber {
  const c = debate(rulebook);
  c.run(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: 300 });
  return c;
}

describe('calls to the point and to order', () => {
  it('are recorded with the calls counted in the speech (Bundestag § 36)', () => {
    const c = speaking();
    const floorId = c.state.floor!.floorId;
    expect(c.run(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: ' off topic ' })).toEqual([
      {
        kind: 'order.called_to_point',
        measureId: expect.any(String),
        person: expect.objectContaining({ personId: 'j.brandt' }),
        floorId,
        reason: 'off topic',
        calls: 1,
      },
    ]);
    expect(c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null })).toEqual([
      expect.objectContaining({ kind: 'order.called_to_order', calls: 2, reason: null }),
    ]);
    // A call to order from the seat does not count toward the speaker's withdrawal.
    expect(c.run(chair, { kind: 'order.call_to_order', personId: 'f.kuhn', reason: null })).toEqual([
      expect.objectContaining({ kind: 'order.called_to_order', floorId: null, calls: 0 }),
    ]);
    expect(c.state.order.calls).toHaveLength(3);
  });

  it('are the chair team’s only, in an open sitting, never against the chair’s team', () => {
    const c = speaking();
    expect(rule(() => c.decide('f.kuhn', { kind: 'order.call_to_order', personId: 'j.brandt', reason: null }))).toBe('forbidden.chair_only');
    expect(rule(() => c.decide(chair, { kind: 'order.call_to_order', personId: chair, reason: null }))).toBe('order.chair_team');
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: null });
    expect(rule(() => c.decide(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null }))).toBe('sitting.not_open');
  });

  it('a call to the point is for the speaker; the EP knows none', () => {
    expect(rule(() => debate().decide(chair, { kind: 'order.call_to_point', personId: 'f.kuhn', reason: null }))).toBe('floor.empty');
    expect(rule(() => speaking(europeanParliament).decide(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: null }))).toBe(
      'order.call_to_point_not_allowed',
    );
  });
});

describe('withdrawal of the floor', () => {
  it('is allowed after the third call in one speech (Bundestag § 37) and ends the speech', () => {
    const c = speaking();
    const floorId = c.state.floor!.floorId;
    c.run(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: null });
    c.run(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: null });
    expect(rule(() => c.decide(chair, { kind: 'order.withdraw_floor', reason: null }))).toBe('order.withdrawal_needs_calls');
    c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null });
    expect(c.run(chair, { kind: 'order.withdraw_floor', reason: 'third call' })).toEqual([
      { kind: 'order.floor_withdrawn', floorId, person: expect.objectContaining({ personId: 'j.brandt' }), reason: 'third call', calls: 3 },
      { kind: 'floor.ended', floorId },
    ]);
    expect(c.state.floor).toBeNull();
  });

  it('counts calls per speech: a new speech starts from none', () => {
    const c = speaking();
    for (let i = 0; i < 3; i++) c.run(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: null });
    c.run(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: 300 });
    expect(rule(() => c.decide(chair, { kind: 'order.withdraw_floor', reason: null }))).toBe('order.withdrawal_needs_calls');
  });

  it('counts calls in the whole sitting where the rules say so (EP: after two calls to order)', () => {
    const c = debate(europeanParliament);
    c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null });
    c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null });
    c.run(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: 60 });
    expect(c.run(chair, { kind: 'order.withdraw_floor', reason: null })[0]).toEqual(expect.objectContaining({ kind: 'order.floor_withdrawn', calls: 2 }));
  });

  it('at any time where the rules set no number (an older rulebook of no preset)', () => {
    const custom = upgradeRulebook({ ...bundestag2025, preset: 'custom', orderMeasures: undefined } as unknown as Rulebook);
    expect(custom.orderMeasures).toEqual(expect.objectContaining({ withdrawAfterCalls: null, maxExclusionSittingDays: 1 }));
    expect(upgradeRulebook({ ...municipalCouncil, orderMeasures: undefined } as unknown as Rulebook).orderMeasures).toEqual(municipalCouncil.orderMeasures);
    const c = speaking(custom);
    expect(c.run(chair, { kind: 'order.withdraw_floor', reason: null }).map((e) => e.kind)).toEqual(['order.floor_withdrawn', 'floor.ended']);
    expect(rule(() => c.decide(chair, { kind: 'order.withdraw_floor', reason: null }))).toBe('floor.empty');
  });
});

describe('individual mute', () => {
  it('holds one member’s microphone until unmuted; repeats change nothing', () => {
    const c = speaking();
    expect(c.run(chair, { kind: 'order.mute', personId: 'j.brandt' })).toEqual([
      { kind: 'order.muted', person: expect.objectContaining({ personId: 'j.brandt' }) },
    ]);
    expect(c.decide(chair, { kind: 'order.mute', personId: 'j.brandt' })).toEqual([]);
    expect(Object.keys(c.state.order.muted)).toEqual(['j.brandt']);
    expect(c.run(chair, { kind: 'order.unmute', personId: 'j.brandt' }).map((e) => e.kind)).toEqual(['order.unmuted']);
    expect(c.decide(chair, { kind: 'order.unmute', personId: 'j.brandt' })).toEqual([]);
    expect(c.state.order.muted).toEqual({});
  });
});

describe('exclusion', () => {
  it('takes the member out at once: speech ended, requests removed, no longer present', () => {
    const c = speaking();
    c.request('j.brandt');
    const floorId = c.state.floor!.floorId;
    const events = c.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 5, reason: 'gross breach' });
    expect(events.map((e) => e.kind)).toEqual(['order.excluded', 'floor.ended', 'speaker.removed', 'attendance.left']);
    expect(events[0]).toEqual({
      kind: 'order.excluded',
      exclusionId: expect.any(String),
      person: expect.objectContaining({ personId: 'j.brandt' }),
      sittingDays: 5,
      reason: 'gross breach',
    });
    expect(events[1]).toEqual({ kind: 'floor.ended', floorId });
    expect(c.state.present['j.brandt']).toBeUndefined();
  });

  it('refuses the excluded member: joining, asking to speak, the floor, a point of order, a ballot', () => {
    const c = debate();
    c.run(chair, { kind: 'vote.open', draft: draft({ agendaItemId: 'item-2' }) });
    c.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 1, reason: null });
    const voteId = c.state.openVoteId!;
    expect(rule(() => c.decide('j.brandt', { kind: 'vote.cast', voteId, optionId: 'yes', pseudonym: null }))).toBe('order.excluded');
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }))).toBe('order.excluded');
    expect(rule(() => c.decide(chair, { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'speech', stance: null, addressesRequestId: null }))).toBe(
      'order.excluded',
    );
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: null }))).toBe('order.excluded');
    expect(rule(() => c.decide('j.brandt', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'x' }))).toBe('order.excluded');
    expect(rule(() => c.decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 1, reason: null }))).toBe('order.excluded');
  });

  it('lasts at most the rules’ sitting days (Bundestag 30, the council 3)', () => {
    expect(rule(() => debate().decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 31, reason: null }))).toBe('order.exclusion_too_long');
    expect(debate().decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 30, reason: null })[0]?.kind).toBe('order.excluded');
    expect(rule(() => debate(municipalCouncil).decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 4, reason: null }))).toBe(
      'order.exclusion_too_long',
    );
    expect(() => debate().decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 0, reason: null })).toThrow(InputError);
    expect(() => debate().decide(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 1.5, reason: null })).toThrow(InputError);
  });

  it('records the objection and the decision; upheld, the member may return', () => {
    const c = debate();
    c.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 3, reason: null });
    const exclusionId = Object.keys(c.state.order.exclusions)[0]!;
    expect(rule(() => c.decide(chair, { kind: 'order.decide_objection', exclusionId, upheld: true, note: null }))).toBe('order.no_objection');
    expect(c.run(chair, { kind: 'order.record_objection', exclusionId, text: 'I object' })).toEqual([
      { kind: 'order.objection_recorded', exclusionId, person: expect.objectContaining({ personId: 'j.brandt' }), text: 'I object' },
    ]);
    expect(rule(() => c.decide(chair, { kind: 'order.record_objection', exclusionId, text: null }))).toBe('order.objection_recorded');
    c.run(chair, { kind: 'order.decide_objection', exclusionId, upheld: true, note: 'the house upholds it' });
    expect(rule(() => c.decide(chair, { kind: 'order.decide_objection', exclusionId, upheld: false, note: null }))).toBe('order.objection_decided');
    expect(c.run('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }).map((e) => e.kind)).toEqual(['attendance.joined']);
  });

  it('a rejected objection leaves the exclusion; rules without objection refuse it', () => {
    const c = debate();
    c.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 3, reason: null });
    const exclusionId = Object.keys(c.state.order.exclusions)[0]!;
    c.run(chair, { kind: 'order.record_objection', exclusionId, text: null });
    c.run(chair, { kind: 'order.decide_objection', exclusionId, upheld: false, note: null });
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }))).toBe('order.excluded');
    expect(rule(() => c.decide(chair, { kind: 'order.record_objection', exclusionId: 'nope', text: null }))).toBe('order.not_excluded');
    const none: Rulebook = { ...bundestag2025, orderMeasures: { ...bundestag2025.orderMeasures, objection: false } };
    const d = debate(none);
    d.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 1, reason: null });
    const id = Object.keys(d.state.order.exclusions)[0]!;
    expect(rule(() => d.decide(chair, { kind: 'order.record_objection', exclusionId: id, text: null }))).toBe('order.objection_not_allowed');
  });

  it('carries into a later sitting: noted at opening, the member is refused there', () => {
    const person = { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' };
    const c = new Chamber({
      ...sittingContext(),
      exclusions: [{ exclusionId: 'x-1', person, fromSittingId: 'sitting-41', sittingDays: 3, servedSince: 0, objection: null }],
    });
    expect(c.run(chair, { kind: 'sitting.open' }).map((e) => e.kind)).toEqual(['sitting.opened', 'order.exclusion_carried']);
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }))).toBe('order.excluded');
    // The objection lodged in the earlier sitting may be decided in this one.
    c.run(chair, { kind: 'order.record_objection', exclusionId: 'x-1', text: null });
    c.run(chair, { kind: 'order.decide_objection', exclusionId: 'x-1', upheld: true, note: null });
    expect(c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' })).toHaveLength(1);
    // The state is the record's fold.
    expect(fold(c.entries).order).toEqual(c.state.order);
  });

  it('counts the days served: the days imposed less the sitting it was imposed in and those opened since; a served one is not carried', () => {
    const person = { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' };
    const opening = (sittingDays: number, servedSince: number) =>
      new Chamber({
        ...sittingContext(),
        exclusions: [{ exclusionId: 'x-1', person, fromSittingId: 'sitting-41', sittingDays, servedSince, objection: null }],
      }).run(chair, { kind: 'sitting.open' });
    expect(opening(3, 1)).toContainEqual(expect.objectContaining({ kind: 'order.exclusion_carried', remaining: 1 }));
    expect(opening(3, 2).map((e) => e.kind)).toEqual(['sitting.opened']);
    expect(opening(1, 0).map((e) => e.kind)).toEqual(['sitting.opened']);
  });
});
