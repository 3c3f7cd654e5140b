import { describe, expect, it } from 'vitest';
import {
  channelKey,
  DUCKED_FLOOR_GAIN,
  EMPTY_FLOOR,
  holdReason,
  isLive,
  sameFloor,
  listenPlan,
  mayPublish,
  parseChannelKey,
  type Channel,
  type FloorState,
  type MediaParticipant,
} from './topology';

const chair: MediaParticipant = { id: 'chair', roles: ['chair', 'member'], booth: null };
const member: MediaParticipant = { id: 'm1', roles: ['member'], booth: null };
const other: MediaParticipant = { id: 'm2', roles: ['member'], booth: null };
const guest: MediaParticipant = { id: 'minister', roles: ['podium_guest'], booth: null };
const clerk: MediaParticipant = { id: 'clerk', roles: ['clerk'], booth: null };
const frBooth = { id: 'booth-fr', language: 'fr', kind: 'spoken' } as const;
const interpA: MediaParticipant = { id: 'fr-a', roles: ['interpreter'], booth: frBooth };
const interpB: MediaParticipant = { id: 'fr-b', roles: ['interpreter'], booth: frBooth };
const signer: MediaParticipant = { id: 'dgs', roles: ['interpreter'], booth: { id: 'booth-dgs', language: 'gsg', kind: 'sign' } };

const floor = (patch: Partial<FloorState>): FloorState => ({ ...EMPTY_FLOOR, ...patch });
const FLOOR: Channel = { kind: 'floor' };
const FR: Channel = { kind: 'interpretation', language: 'fr' };

describe('channel keys', () => {
  it('round-trips every kind', () => {
    const channels: Channel[] = [FLOOR, { kind: 'sign' }, FR, { kind: 'subroom', subroomId: 'f-green' }];
    for (const c of channels) expect(parseChannelKey(channelKey(c))).toEqual(c);
  });
  it('rejects strings that name no channel', () => {
    for (const bad of ['', 'floor:x', 'interpretation:', 'subroom', 'video:1']) expect(() => parseChannelKey(bad)).toThrow(/not a channel key/);
  });
});

describe('who may publish where', () => {
  it('lets speakers publish on the floor, not clerks or interpreters', () => {
    expect([chair, member, guest].map((p) => mayPublish(p, FLOOR, EMPTY_FLOOR))).toEqual([true, true, true]);
    expect([clerk, interpA].map((p) => mayPublish(p, FLOOR, EMPTY_FLOOR))).toEqual([false, false]);
  });
  it('keeps each interpreter to their own booth language', () => {
    expect(mayPublish(interpA, FR, EMPTY_FLOOR)).toBe(true);
    expect(mayPublish(interpA, { kind: 'interpretation', language: 'en' }, EMPTY_FLOOR)).toBe(false);
    expect(mayPublish(member, FR, EMPTY_FLOOR)).toBe(false);
    expect(mayPublish(signer, { kind: 'sign' }, EMPTY_FLOOR)).toBe(true);
    expect(mayPublish(interpA, { kind: 'sign' }, EMPTY_FLOOR)).toBe(false);
  });
  it('admits to a subroom channel only those sitting in it', () => {
    const f = floor({ subrooms: new Map([['m1', 'green']]) });
    expect(mayPublish(member, { kind: 'subroom', subroomId: 'green' }, f)).toBe(true);
    expect(mayPublish(other, { kind: 'subroom', subroomId: 'green' }, f)).toBe(false);
    expect(mayPublish(member, { kind: 'subroom', subroomId: 'red' }, f)).toBe(false);
  });
});

describe('who is live', () => {
  it('unmutes a member only while they have the floor', () => {
    expect(isLive(member, FLOOR, EMPTY_FLOOR)).toBe(false);
    expect(isLive(member, FLOOR, floor({ speakers: ['m1'] }))).toBe(true);
    expect(isLive(other, FLOOR, floor({ speakers: ['m1'] }))).toBe(false);
  });
  it('mutes all but the chair and podium guests', () => {
    const f = floor({ speakers: ['m1'], mutedAll: true });
    expect([chair, guest, member].map((p) => isLive(p, FLOOR, f))).toEqual([true, true, false]);
  });
  it('switches a booth between its interpreters on hand-over', () => {
    const aLive = floor({ liveInterpreters: new Map([['booth-fr', 'fr-a']]) });
    const bLive = floor({ liveInterpreters: new Map([['booth-fr', 'fr-b']]) });
    expect([isLive(interpA, FR, aLive), isLive(interpB, FR, aLive)]).toEqual([true, false]);
    expect([isLive(interpA, FR, bLive), isLive(interpB, FR, bLive)]).toEqual([false, true]);
  });
  it("lets an interjection's asker be heard beside the speaker", () => {
    const f = floor({ speakers: ['m1', 'm2'] });
    expect([isLive(member, FLOOR, f), isLive(other, FLOOR, f)]).toEqual([true, true]);
  });
  it("keeps the whole chair's team audible, moderators included", () => {
    const moderator: MediaParticipant = { id: 'mod', roles: ['moderator'], booth: null };
    expect(isLive(moderator, FLOOR, floor({ mutedAll: true }))).toBe(true);
  });
  it('says why a producer is held, for the UI', () => {
    expect(holdReason(member, FLOOR, EMPTY_FLOOR)).toBe('no_floor');
    expect(holdReason(member, FLOOR, floor({ speakers: ['m1'], mutedAll: true }))).toBe('muted_all');
    expect(holdReason(interpB, FR, floor({ liveInterpreters: new Map([['booth-fr', 'fr-a']]) }))).toBe('not_on_air');
    expect(holdReason(clerk, FLOOR, EMPTY_FLOOR)).toBe('not_allowed');
    expect(holdReason(guest, FLOOR, floor({ mutedAll: true }))).toBeNull();
  });
  it('never makes live what may not be published', () => {
    expect(isLive(clerk, FLOOR, floor({ speakers: ['clerk'] }))).toBe(false);
  });
});

describe('what each participant hears', () => {
  it('plays the floor at full volume by default', () => {
    expect(listenPlan(member, { language: null, sign: false }, EMPTY_FLOOR)).toEqual([{ channel: 'floor', gain: 1 }]);
  });
  it('ducks the floor under a chosen language and adds sign on request', () => {
    expect(listenPlan(member, { language: 'fr', sign: true }, EMPTY_FLOOR)).toEqual([
      { channel: 'floor', gain: DUCKED_FLOOR_GAIN },
      { channel: 'interpretation:fr', gain: 1 },
      { channel: 'sign', gain: 1 },
    ]);
  });
  it('puts a subroom at full volume and the floor one-way and low; the floor does not hear the subroom', () => {
    const f = floor({ subrooms: new Map([['m1', 'green']]) });
    expect(listenPlan(member, { language: null, sign: false }, f)).toEqual([
      { channel: 'floor', gain: DUCKED_FLOOR_GAIN },
      { channel: 'subroom:green', gain: 1 },
    ]);
    expect(listenPlan(other, { language: null, sign: false }, f).map((l) => l.channel)).toEqual(['floor']);
    expect(listenPlan(chair, { language: null, sign: false }, f).map((l) => l.channel)).toEqual(['floor']);
  });
  it('feeds an interpreter the floor, or the relay channel with the floor ducked, plus their own booth', () => {
    expect(listenPlan(interpA, { language: 'de', sign: false }, EMPTY_FLOOR)).toEqual([
      { channel: 'floor', gain: 1 },
      { channel: 'interpretation:fr', gain: 1 },
    ]);
    const relay = floor({ relays: new Map([['booth-fr', 'en']]) });
    expect(listenPlan(interpA, { language: null, sign: false }, relay)).toEqual([
      { channel: 'interpretation:en', gain: 1 },
      { channel: 'floor', gain: DUCKED_FLOOR_GAIN },
      { channel: 'interpretation:fr', gain: 1 },
    ]);
  });
  it('lets the sign interpreter see the sign channel they publish into', () => {
    expect(listenPlan(signer, { language: null, sign: false }, EMPTY_FLOOR).map((l) => l.channel)).toEqual(['floor', 'sign']);
  });
});

describe('sameFloor', () => {
  it('tells a floor state that changes nothing from one that does', () => {
    expect(sameFloor(floor({ speakers: ['m1'] }), floor({ speakers: ['m1'] }))).toBe(true);
    expect(sameFloor(floor({ speakers: ['m1'] }), floor({ speakers: ['m1', 'm2'] }))).toBe(false);
    expect(sameFloor(EMPTY_FLOOR, floor({ mutedAll: true }))).toBe(false);
    expect(sameFloor(EMPTY_FLOOR, floor({ relays: new Map([['booth-fr', 'en']]) }))).toBe(false);
    expect(sameFloor(floor({ subrooms: new Map([['m1', 'a']]) }), floor({ subrooms: new Map([['m1', 'b']]) }))).toBe(false);
  });
});
