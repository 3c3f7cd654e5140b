import { describe, expect, it } from 'vitest';
import {
  decideArrangement,
  NO_ARRANGEMENTS,
  subroomOfPerson,
  type ChamberBooth,
  type ArrangementCommand,
  type ChamberContext,
  type ArrangementPerson,
  type Arrangements,
} from './arrangements';
import { NotFoundError, RuleViolation } from './errors';

const people: ArrangementPerson[] = [
  { id: 'chair', factionId: 'sda', roles: ['member', 'chair'], boothId: null },
  { id: 'a1', factionId: 'sda', roles: ['member'], boothId: null },
  { id: 'a2', factionId: 'sda', roles: ['member'], boothId: null },
  { id: 'b1', factionId: 'gn', roles: ['member'], boothId: null },
  { id: 'ind', factionId: null, roles: ['member'], boothId: null },
  { id: 'guest', factionId: null, roles: ['podium_guest'], boothId: null },
  { id: 'en1', factionId: null, roles: ['interpreter'], boothId: 'en' },
  { id: 'en2', factionId: null, roles: ['interpreter'], boothId: 'en' },
  { id: 'dgs', factionId: null, roles: ['interpreter'], boothId: 'dgs' },
];
const booths: ChamberBooth[] = [
  { id: 'en', language: 'en', kind: 'spoken' },
  { id: 'fr', language: 'fr', kind: 'spoken' },
  { id: 'dgs', language: 'de-DGS', kind: 'sign' },
];
let n = 0;
const ctx = (actor: string, phase: ChamberContext['phase'] = 'open'): ChamberContext => ({
  phase,
  actor: people.find((p) => p.id === actor)!,
  people: new Map(people.map((p) => [p.id, p])),
  booths,
  newId: () => `room-${++n}`,
});
const run = (state: Arrangements, actor: string, command: ArrangementCommand) => decideArrangement(state, command, ctx(actor));
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e.rule;
    throw e;
  }
  throw new Error('no rule violated');
};

describe('booths', () => {
  it('puts the first interpreter on air, hands over to the partner and back with one action from either side', () => {
    let s = run(NO_ARRANGEMENTS, 'en2', { kind: 'booth.hand_over' });
    expect(s.onAir).toEqual({ en: 'en2' });
    s = run(s, 'en2', { kind: 'booth.hand_over' });
    expect(s.onAir).toEqual({ en: 'en1' });
    s = run(s, 'en2', { kind: 'booth.hand_over' });
    expect(s.onAir).toEqual({ en: 'en2' });
  });
  it('refuses a booth without a partner, and anyone not in a booth', () => {
    const s = run(NO_ARRANGEMENTS, 'dgs', { kind: 'booth.hand_over' });
    expect(ruleOf(() => run(s, 'dgs', { kind: 'booth.hand_over' }))).toBe('booth.no_partner');
    expect(ruleOf(() => run(s, 'a1', { kind: 'booth.hand_over' }))).toBe('forbidden.not_interpreter');
  });
  it('relays only another spoken channel, and returns to the floor', () => {
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'en1', { kind: 'booth.set_source', relayLanguage: 'en' }))).toBe('booth.relay_own_language');
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'en1', { kind: 'booth.set_source', relayLanguage: 'de-DGS' }))).toBe('booth.no_such_channel');
    const s = run(NO_ARRANGEMENTS, 'en1', { kind: 'booth.set_source', relayLanguage: 'fr' });
    expect(s.relays).toEqual({ en: 'fr' });
    expect(run(s, 'en2', { kind: 'booth.set_source', relayLanguage: null }).relays).toEqual({});
  });
});

describe('subrooms', () => {
  it('lets a member consult their own faction only; the chair any members; guests and independents none', () => {
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'a1', { kind: 'subroom.open', name: 'SDA', invitees: ['b1'] }))).toBe('subroom.other_faction');
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'ind', { kind: 'subroom.open', name: 'Me', invitees: [] }))).toBe('subroom.no_faction');
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'guest', { kind: 'subroom.open', name: 'G', invitees: [] }))).toBe('forbidden.not_member');
    expect(ruleOf(() => run(NO_ARRANGEMENTS, 'chair', { kind: 'subroom.open', name: 'Elders', invitees: ['en1'] }))).toBe('subroom.not_member');
    expect(() => run(NO_ARRANGEMENTS, 'a1', { kind: 'subroom.open', name: 'SDA', invitees: ['nobody'] })).toThrow(NotFoundError);
    const s = run(NO_ARRANGEMENTS, 'chair', { kind: 'subroom.open', name: 'Elders', invitees: ['a1', 'b1', 'ind'] });
    expect(s.subrooms[0]).toMatchObject({ factionId: null, members: ['chair'], invited: ['a1', 'b1', 'ind'] });
  });
  it('joins on acceptance, one subroom at a time, and closes when the last one leaves', () => {
    let s = run(NO_ARRANGEMENTS, 'a1', { kind: 'subroom.open', name: 'SDA', invitees: ['a2', 'a2'] });
    const room = s.subrooms[0]!.id;
    expect(s.subrooms[0]!.invited).toEqual(['a2']);
    expect(ruleOf(() => run(s, 'b1', { kind: 'subroom.accept', subroomId: room }))).toBe('subroom.not_invited');
    s = run(s, 'a2', { kind: 'subroom.accept', subroomId: room });
    expect(s.subrooms[0]).toMatchObject({ members: ['a1', 'a2'], invited: [] });
    // Opening another leaves the first.
    s = run(s, 'a2', { kind: 'subroom.open', name: 'Small', invitees: [] });
    expect(subroomOfPerson(s, 'a2')?.name).toBe('Small');
    expect(s.subrooms.find((r) => r.id === room)?.members).toEqual(['a1']);
    s = run(s, 'a1', { kind: 'subroom.leave', subroomId: room });
    expect(s.subrooms.map((r) => r.name)).toEqual(['Small']);
    expect(ruleOf(() => run(s, 'a1', { kind: 'subroom.leave', subroomId: s.subrooms[0]!.id }))).toBe('subroom.not_in');
  });
  it('is closed by who opened it or by the chair, and declines leave no trace', () => {
    let s = run(NO_ARRANGEMENTS, 'a1', { kind: 'subroom.open', name: 'SDA', invitees: ['a2'] });
    const room = s.subrooms[0]!.id;
    s = run(s, 'a2', { kind: 'subroom.decline', subroomId: room });
    expect(s.subrooms[0]!.invited).toEqual([]);
    expect(ruleOf(() => run(s, 'a2', { kind: 'subroom.close', subroomId: room }))).toBe('forbidden.subroom_owner');
    expect(run(s, 'chair', { kind: 'subroom.close', subroomId: room }).subrooms).toEqual([]);
    expect(() => run(s, 'a1', { kind: 'subroom.leave', subroomId: 'nope' })).toThrow(NotFoundError);
  });
});

describe('the sitting', () => {
  it('is arranged only while open or suspended', () => {
    expect(decideArrangement(NO_ARRANGEMENTS, { kind: 'booth.hand_over' }, ctx('en1', 'suspended')).onAir).toEqual({ en: 'en1' });
    for (const phase of ['scheduled', 'closed'] as const) {
      expect(ruleOf(() => decideArrangement(NO_ARRANGEMENTS, { kind: 'booth.hand_over' }, ctx('en1', phase)))).toBe('sitting.not_open');
    }
  });
});
