import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import { municipalCouncil } from '../rulebook/presets';
import { Chamber, chair, membersOf, ruleOf as rule, sittingContext } from './spec-support';
import { attendanceView } from './views';

describe('attendance', () => {
  it('a person joins and leaves themselves; repeats change nothing', () => {
    const c = new Chamber();
    expect(c.run('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' })).toEqual([
      { kind: 'attendance.joined', person: { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' } },
    ]);
    expect(c.decide('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' })).toEqual([]);
    expect(c.run('j.brandt', { kind: 'attendance.leave', personId: 'j.brandt' })).toEqual([{ kind: 'attendance.left', personId: 'j.brandt' }]);
    expect(c.decide('j.brandt', { kind: 'attendance.leave', personId: 'j.brandt' })).toEqual([]);
    expect(c.state.present).toEqual({});
  });

  it('only the chair’s team records someone else; unknown people are not found', () => {
    const c = new Chamber();
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.join', personId: 'l.vogel' }))).toBe('forbidden.not_self');
    expect(rule(() => c.decide('j.brandt', { kind: 'attendance.leave', personId: 'l.vogel' }))).toBe('forbidden.not_self');
    expect(c.decide('moderator', { kind: 'attendance.join', personId: 'l.vogel' })).toHaveLength(1);
    expect(() => c.decide(chair, { kind: 'attendance.join', personId: 'nobody' })).toThrow(NotFoundError);
  });

  it('independents and guests are recorded without a faction', () => {
    const c = new Chamber();
    c.run('l.noack', { kind: 'attendance.join', personId: 'l.noack' });
    c.run('minister', { kind: 'attendance.join', personId: 'minister' });
    expect(c.state.present['l.noack']?.person).toMatchObject({ factionId: null, factionShortName: null });
    expect(Object.keys(c.state.present)).toEqual(['l.noack', 'minister']);
  });
});

describe('attendance view and quorum', () => {
  it('counts present members with voting rights against the statutory membership (more than half of 49: 25)', () => {
    const c = new Chamber();
    const members = [...membersOf(c.sitting, 'sda'), ...membersOf(c.sitting, 'cvp')]; // 14 + 12
    c.open([...members.slice(0, 24), 'minister', 'interpreter.en1', 'clerk', 'moderator']);
    let view = attendanceView(c.state, c.sitting);
    expect(view.quorum).toEqual({ present: 24, required: 25, quorate: false });
    expect(view.present).toHaveLength(28);
    expect(view.perFaction.find((f) => f.factionId === 'sda')).toEqual({ factionId: 'sda', shortName: 'SDA', seats: 14, present: 14, votingPresent: 14 });
    expect(view.perFaction.find((f) => f.factionId === 'cvp')).toMatchObject({ present: 10, votingPresent: 10 });
    // Guests, interpreters, clerks and moderators are present but no members: not counted for faction or quorum.
    expect(view.perFaction.find((f) => f.factionId === null)).toMatchObject({ present: 0, votingPresent: 0, seats: null });
    c.run(members[24]!, { kind: 'attendance.join', personId: members[24]! });
    view = attendanceView(c.state, c.sitting);
    expect(view.quorum).toEqual({ present: 25, required: 25, quorate: true });
  });

  it('uses the rules in force: frozen at opening, else the parliament’s', () => {
    const c = new Chamber(sittingContext(municipalCouncil));
    c.run(chair, { kind: 'attendance.join', personId: chair });
    expect(attendanceView(c.state, c.sitting).quorum).toEqual({ present: 1, required: 25, quorate: false });
  });
});
