import { describe, expect, it } from 'vitest';
import { RuleViolation } from './errors';
import { checkPersonEdit } from './roster-edits';
import { noteChange, sameFacts } from './procedure/roster-changes';
import { initialState } from './procedure/state';
import type { DecideContext } from './procedure/commands';
import type { RosterFacts } from './procedure/events';

const member: RosterFacts = { username: 'j.brandt', roles: ['member'], votingRights: true };
const it_: RosterFacts = { username: 'it.admin', roles: ['it_admin'], votingRights: false };
const admin = { personId: 'it', roles: ['it_admin'] as const };
const rule = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolation) return e.rule;
    throw e;
  }
  return 'allowed';
};

describe('checkPersonEdit', () => {
  it('keeps voting rights to members of parliament', () => {
    expect(rule(() => checkPersonEdit(admin, 'x', null, { ...it_, username: 'x', votingRights: true }))).toBe('roster.voting_right_needs_member');
    expect(rule(() => checkPersonEdit(admin, 'jb', member, { ...member, roles: ['chair'] }))).toBe('roster.voting_right_needs_member');
    expect(rule(() => checkPersonEdit(admin, 'jb', member, { ...member, votingRights: false }))).toBe('allowed');
    expect(rule(() => checkPersonEdit(admin, null, null, member))).toBe('allowed');
  });

  it('refuses anyone their own roles, voting right or removal, but not their own name', () => {
    expect(rule(() => checkPersonEdit(admin, 'it', it_, { ...it_, roles: ['it_admin', 'member'], votingRights: true }))).toBe('roster.own_rights');
    expect(rule(() => checkPersonEdit(admin, 'it', it_, { ...it_, roles: ['it_admin', 'chair'] }))).toBe('roster.own_rights');
    expect(rule(() => checkPersonEdit(admin, 'it', it_, null))).toBe('roster.own_rights');
    expect(rule(() => checkPersonEdit(admin, 'it', it_, { ...it_, username: 'i.t' }))).toBe('allowed');
  });
});

describe('roster.note_change', () => {
  const ctx = (roles: DecideContext['actor']['roles']): DecideContext => ({
    now: new Date('2026-12-06T10:00:00Z'),
    actor: { personId: 'it', roles },
    sitting: {
      sittingId: 's',
      rulebook: {} as DecideContext['sitting']['rulebook'],
      statutoryMembers: 3,
      factions: [{ id: 'sda', shortName: 'SDA', seats: 2 }],
      people: new Map(),
      agenda: [],
    },
    newId: () => 'id',
    randomInt: () => 0,
  });
  const command = {
    kind: 'roster.note_change' as const,
    person: { personId: 'jb', name: 'Jonas Brandt', factionId: 'sda' },
    before: member,
    after: { ...member, votingRights: false },
  };

  it('is an entry only while the sitting is open or suspended, only by IT, only for a real change', () => {
    expect(noteChange(initialState, command, ctx(['it_admin']))).toEqual([]);
    const open = { ...initialState, phase: 'open' as const };
    expect(noteChange(open, command, ctx(['it_admin']))).toEqual([
      {
        kind: 'roster.changed',
        person: { personId: 'jb', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' },
        before: member,
        after: { ...member, votingRights: false },
      },
    ]);
    expect(noteChange({ ...initialState, phase: 'suspended' }, command, ctx(['it_admin']))).toHaveLength(1);
    expect(noteChange({ ...initialState, phase: 'closed' }, command, ctx(['it_admin']))).toEqual([]);
    expect(noteChange(open, { ...command, after: member }, ctx(['it_admin']))).toEqual([]);
    expect(rule(() => noteChange(open, command, ctx(['chair'])))).toBe('forbidden.it_admin_only');
  });

  it('compares roles as sets', () => {
    expect(sameFacts({ ...member, roles: ['member', 'chair'] }, { ...member, roles: ['chair', 'member'] })).toBe(true);
    expect(sameFacts(null, member)).toBe(false);
    expect(sameFacts(null, null)).toBe(true);
  });
});
