import { describe, expect, it } from 'vitest';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament, municipalCouncil } from '../rulebook/presets';
import { upgradeRulebook } from '../rulebook/upgrade';
import { graceEndsAt, runningMs } from './clocks';
import { Chamber, chair, ruleOf as rule, sittingContext } from './spec-support';

function council(floor: Partial<Rulebook['floor']> = {}, base: Rulebook = municipalCouncil): Chamber {
  const rulebook: Rulebook = { ...base, floor: { ...base.floor, ...floor } };
  const c = new Chamber(sittingContext(rulebook)).open(['j.brandt', 'l.vogel', 'f.kuhn']);
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}

function speaking(c: Chamber, who = 'j.brandt'): string {
  const id = c.request(who);
  c.run(chair, { kind: 'floor.grant', requestId: id, personId: null, limitSeconds: 60 });
  return c.state.floor!.floorId;
}

describe('the rulebook on the floor', () => {
  it('the presets say it, and older records read as they were (clock ran on, no grace, no stick)', () => {
    for (const preset of [bundestag2025, europeanParliament, municipalCouncil]) {
      expect(preset.floor).toEqual({ warningSeconds: 30, graceSeconds: null, talkingStick: false, clocksDuringMuteAll: 'stop' });
    }
    const { floor: _none, ...old } = bundestag2025;
    expect(upgradeRulebook(old as Rulebook).floor).toEqual({ warningSeconds: 30, graceSeconds: null, talkingStick: false, clocksDuringMuteAll: 'run' });
  });
});

describe('the grace period', () => {
  it('ends the floor once, only past the time and the grace, and only by the clock', () => {
    const c = council({ graceSeconds: 10 });
    const floorId = speaking(c);
    c.run(chair, { kind: 'floor.extend', seconds: 20 });
    expect(graceEndsAt(c.state.floor!, 10, c.now)).toBe(new Date(c.now.getTime() + 90_000).toISOString());
    c.advance(89);
    expect(rule(() => c.run(null, { kind: 'floor.expire', floorId }))).toBe('floor.not_expired');
    expect(rule(() => c.run(chair, { kind: 'floor.expire', floorId }))).toBe('forbidden.system_only');
    c.advance(1);
    expect(c.run(null, { kind: 'floor.expire', floorId })).toEqual([{ kind: 'floor.ended', floorId, by: 'grace_expired' }]);
    expect(c.run(null, { kind: 'floor.expire', floorId })).toEqual([]);
  });

  it('without a grace period in the rules, the timer ends nothing', () => {
    const c = council();
    const floorId = speaking(c);
    c.advance(3600);
    expect(graceEndsAt(c.state.floor!, null, c.now)).toBeNull();
    expect(c.run(null, { kind: 'floor.expire', floorId })).toEqual([]);
    expect(c.state.floor?.floorId).toBe(floorId);
  });
});

describe('the talking stick', () => {
  it('the speaker passes the floor to the next on the list, without the chair', () => {
    const c = council({ talkingStick: true });
    const floorId = speaking(c);
    const next = c.request('l.vogel');
    expect(rule(() => c.run('l.vogel', { kind: 'floor.pass' }))).toBe('forbidden.not_speaker');
    const events = c.run('j.brandt', { kind: 'floor.pass' });
    expect(events[0]).toEqual({ kind: 'floor.ended', floorId, by: 'passed' });
    expect(events[1]).toMatchObject({ kind: 'floor.granted', requestId: next, person: { personId: 'l.vogel' } });
    expect(c.state.floor?.person.personId).toBe('l.vogel');
    expect(rule(() => c.run('l.vogel', { kind: 'floor.pass' }))).toBe('speaker.list_empty');
  });

  it('is refused where the rules leave the floor to the chair, and while a point of order waits', () => {
    const closed = council();
    speaking(closed);
    closed.request('l.vogel');
    expect(rule(() => closed.run('j.brandt', { kind: 'floor.pass' }))).toBe('floor.no_talking_stick');
    const open = council({ talkingStick: true });
    speaking(open);
    open.request('l.vogel');
    open.run('f.kuhn', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'Enough' });
    expect(rule(() => open.run('j.brandt', { kind: 'floor.pass' }))).toBe('point_of_order.pending');
  });
});

describe('the clocks under "mute all"', () => {
  it('stop where the rules say so: the stretch muted is not the speaker’s', () => {
    const c = council({ clocksDuringMuteAll: 'stop' });
    speaking(c);
    c.advance(10);
    expect(c.run(chair, { kind: 'chamber.mute_all' })).toEqual([{ kind: 'chamber.muted_all', clocksStop: true }]);
    c.advance(30);
    expect(runningMs(c.state.floor!, c.now)).toBe(10_000);
    expect(graceEndsAt(c.state.floor!, 5, c.now)).toBeNull();
    c.run(chair, { kind: 'chamber.lift_mute_all' });
    c.advance(5);
    expect(runningMs(c.state.floor!, c.now)).toBe(15_000);
    c.run(chair, { kind: 'floor.end' });
    expect(c.state.floors.at(-1)?.ms).toBe(15_000);
  });

  it('run on where the rules say so', () => {
    const c = council({ clocksDuringMuteAll: 'run' });
    speaking(c);
    c.advance(10);
    expect(c.run(chair, { kind: 'chamber.mute_all' })).toEqual([{ kind: 'chamber.muted_all', clocksStop: false }]);
    c.advance(30);
    expect(runningMs(c.state.floor!, c.now)).toBe(40_000);
  });

  it('an interjection and a mute that overlap stop the clock once, not twice', () => {
    const c = council({ clocksDuringMuteAll: 'stop' }, bundestag2025);
    speaking(c);
    const q = c.request('l.vogel', 'interjection');
    c.advance(10);
    c.run('j.brandt', { kind: 'interjection.accept', requestId: q });
    c.advance(5);
    c.run(chair, { kind: 'chamber.mute_all' });
    c.advance(5);
    c.run(chair, { kind: 'interjection.end' });
    c.advance(5);
    c.run(chair, { kind: 'chamber.lift_mute_all' });
    c.advance(5);
    // 10 s spoken, 15 s standing (interjection 10 s, of which 5 s muted, then 5 s muted), 5 s spoken.
    expect(runningMs(c.state.floor!, c.now)).toBe(15_000);
    c.run(chair, { kind: 'floor.end' });
    expect(c.state.floors.at(-1)?.ms).toBe(15_000);
  });

  it('a floor ended while muted leaves the muted stretch out', () => {
    const c = council({ clocksDuringMuteAll: 'stop' });
    speaking(c);
    c.advance(10);
    c.run(chair, { kind: 'chamber.mute_all' });
    c.advance(20);
    c.run(chair, { kind: 'floor.end' });
    expect(c.state.floors.at(-1)?.ms).toBe(10_000);
  });
});
