import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import { bundestag2025, municipalCouncil } from '../rulebook/presets';
import { Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';

describe('sitting: scheduled → open ⇄ suspended → closed', () => {
  it('opening freezes the rulebook and the statutory membership into the record', () => {
    const c = new Chamber();
    expect(c.run(chair, { kind: 'sitting.open' })).toEqual([{ kind: 'sitting.opened', rulebook: bundestag2025, statutoryMembers: 49 }]);
    expect(c.state.phase).toBe('open');
    expect(c.state.rulebook).toBe(bundestag2025);
    // Later changes of the parliament's rulebook do not touch an open sitting.
    const later = new Chamber(sittingContext(municipalCouncil));
    later.append(chair, ...c.entries.map((e) => e.event));
    expect(later.state.rulebook?.preset).toBe('bundestag-2025');
  });

  it('only the chair’s team operates the sitting; moderators count, members and guests do not', () => {
    const c = new Chamber();
    expect(rule(() => c.decide('j.brandt', { kind: 'sitting.open' }))).toBe('forbidden.chair_only');
    expect(rule(() => c.decide('minister', { kind: 'sitting.open' }))).toBe('forbidden.chair_only');
    expect(rule(() => c.decide(null, { kind: 'sitting.open' }))).toBe('forbidden.chair_only');
    expect(c.decide('moderator', { kind: 'sitting.open' })).toHaveLength(1);
    expect(c.decide('c.sommer', { kind: 'sitting.open' })).toHaveLength(1);
  });

  it('suspends with a break timer and resumes', () => {
    const c = new Chamber().open([]);
    const events = c.run(chair, { kind: 'sitting.suspend', reason: ' coffee ', breakMinutes: 15 });
    expect(events).toEqual([{ kind: 'sitting.suspended', reason: 'coffee', resumesAt: '2026-12-03T08:15:00.000Z' }]);
    expect(c.state.suspension).toEqual({ reason: 'coffee', resumesAt: '2026-12-03T08:15:00.000Z', since: c.now.toISOString() });
    expect(rule(() => c.decide(chair, { kind: 'agenda.call', agendaItemId: 'item-1' }))).toBe('sitting.not_open');
    expect(rule(() => c.decide(chair, { kind: 'sitting.open' }))).toBe('sitting.invalid_transition');
    expect(c.run(chair, { kind: 'sitting.resume' })).toEqual([{ kind: 'sitting.resumed' }]);
    expect(c.state).toMatchObject({ phase: 'open', suspension: null });
    expect(rule(() => c.decide(chair, { kind: 'sitting.resume' }))).toBe('sitting.invalid_transition');
  });

  it('a suspension without a break has no resume time; a nonsense break is refused', () => {
    const c = new Chamber().open([]);
    expect(c.decide(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: null })).toEqual([
      { kind: 'sitting.suspended', reason: null, resumesAt: null },
    ]);
    for (const breakMinutes of [0, -5, Number.NaN, 24 * 60 + 1]) {
      expect(() => c.decide(chair, { kind: 'sitting.suspend', reason: null, breakMinutes })).toThrow(InputError);
    }
  });

  it('refuses moves the sitting rules forbid', () => {
    const c = new Chamber();
    expect(rule(() => c.decide(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: null }))).toBe('sitting.invalid_transition');
    expect(rule(() => c.decide(chair, { kind: 'sitting.resume' }))).toBe('sitting.invalid_transition');
    expect(rule(() => c.decide(chair, { kind: 'sitting.close' }))).toBe('sitting.invalid_transition');
    c.open([]);
    expect(rule(() => c.decide(chair, { kind: 'sitting.open' }))).toBe('sitting.invalid_transition');
    c.run(chair, { kind: 'sitting.close' });
    expect(rule(() => c.decide(chair, { kind: 'sitting.open' }))).toBe('sitting.invalid_transition');
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }))).toBe('sitting.closed');
  });

  it('suspending or closing ends the speech on the floor; an open vote must be closed first', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const floorId = c.state.floor!.floorId;
    expect(c.decide(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: 10 })[0]).toEqual({ kind: 'floor.ended', floorId });
    expect(c.decide(chair, { kind: 'sitting.close' })).toEqual([{ kind: 'floor.ended', floorId }, { kind: 'sitting.closed' }]);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    expect(rule(() => c.decide(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: 10 }))).toBe('sitting.vote_open');
    expect(rule(() => c.decide(chair, { kind: 'sitting.close' }))).toBe('sitting.vote_open');
  });
});

describe('agenda', () => {
  it('calls items of this agenda only, records position and title, and repeats change nothing', () => {
    const c = new Chamber().open([]);
    expect(() => c.decide(chair, { kind: 'agenda.call', agendaItemId: 'item-99' })).toThrow(NotFoundError);
    expect(rule(() => c.decide('j.brandt', { kind: 'agenda.call', agendaItemId: 'item-1' }))).toBe('forbidden.chair_only');
    const events = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-1' });
    expect(events[0]).toEqual({ kind: 'agenda.item_called', agendaItemId: 'item-1', position: 1, title: 'Opening of the sitting, approval of the agenda' });
    expect(c.state.currentItemId).toBe('item-1');
    expect(c.decide(chair, { kind: 'agenda.call', agendaItemId: 'item-1' })).toEqual([]);
  });

  it('allots the rulebook’s default debate time when an item is first called (Bundestag: 60 minutes by seats)', () => {
    const c = new Chamber().open([]);
    const events = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    const allotted = events.find((e) => e.kind === 'agenda.speaking_time_allotted');
    expect(allotted).toMatchObject({ agendaItemId: 'item-2', debateSeconds: 3600 });
    const perFaction = allotted?.kind === 'agenda.speaking_time_allotted' ? allotted.perFaction : {};
    expect(Object.values(perFaction).reduce((a, b) => a + b, 0)).toBe(3600);
    expect(perFaction.sda).toBeGreaterThan(perFaction.lnk!);
    expect(Object.keys(perFaction)).toContain('');
    // Called again later: the allotment stands (time used stays used).
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    expect(c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' }).map((e) => e.kind)).toEqual(['agenda.item_called']);
  });

  it('without a default debate length no quota is allotted; the chair may allot one', () => {
    const c = new Chamber(sittingContext(municipalCouncil)).open([]);
    expect(c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' }).map((e) => e.kind)).toEqual(['agenda.item_called']);
    const [e] = c.run(chair, { kind: 'agenda.allot_speaking_time', agendaItemId: 'item-2', debateSeconds: 1800 });
    expect(e).toMatchObject({ kind: 'agenda.speaking_time_allotted', debateSeconds: 1800 });
    expect(c.state.items['item-2']?.allotment?.debateSeconds).toBe(1800);
    for (const debateSeconds of [0, -1, 1.5, 86_401]) {
      expect(() => c.decide(chair, { kind: 'agenda.allot_speaking_time', agendaItemId: 'item-2', debateSeconds })).toThrow(InputError);
    }
  });

  it('calling another item ends the speech of the previous one', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const kinds = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' }).map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['floor.ended', 'agenda.item_called']);
    expect(c.state.floor).toBeNull();
  });

  it('sets an order policy per item (and may prepare it before the sitting opens)', () => {
    const c = new Chamber();
    expect(c.run(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-4', policy: 'pro_contra' })).toEqual([
      { kind: 'agenda.order_policy_set', agendaItemId: 'item-4', policy: 'pro_contra' },
    ]);
    expect(c.state.items['item-4']?.policy).toBe('pro_contra');
    expect(() => c.decide(chair, { kind: 'agenda.set_order_policy', agendaItemId: 'item-4', policy: 'lottery' as never })).toThrow(InputError);
    expect(rule(() => c.decide('j.brandt', { kind: 'agenda.set_order_policy', agendaItemId: 'item-4', policy: 'quota' }))).toBe('forbidden.chair_only');
  });
});

describe('what the back office planned', () => {
  it('allots the debate time planned for an item when it is called, else the rulebook’s', () => {
    const planned = sittingContext();
    const c = new Chamber({ ...planned, agenda: planned.agenda.map((i) => (i.id === 'item-2' ? { ...i, debateMinutes: 60 } : i)) }).open();
    const called = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    expect(called.find((e) => e.kind === 'agenda.speaking_time_allotted')).toMatchObject({ debateSeconds: 3600 });
    const other = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    const rulebookDefault = planned.rulebook.speakingTime.debateSeconds;
    if (rulebookDefault === null) expect(other.some((e) => e.kind === 'agenda.speaking_time_allotted')).toBe(false);
    else expect(other.find((e) => e.kind === 'agenda.speaking_time_allotted')).toMatchObject({ debateSeconds: rulebookDefault });
  });

  it('never opens a sitting cancelled in the back office', () => {
    const c = new Chamber({ ...sittingContext(), cancelled: true });
    expect(rule(() => c.decide(chair, { kind: 'sitting.open' }))).toBe('sitting.cancelled');
    expect(c.entries).toEqual([]);
  });
});
