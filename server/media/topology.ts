// The chamber's media topology as pure functions: who may publish into which channel, whose
// producer flows right now, and what each participant hears at which volume. No mediasoup here:
// SittingMedia applies these answers to producers and consumers.
//
// The floor state is set from procedure events ("floor granted to X", "mute all", booth
// hand-over); this module never decides procedure, it only maps that state to media.
import type { BoothKind, Role } from '../db/database';
import { isChairTeam, maySpeakOnFloor } from '@contract/roles';
import type { Channel, ChannelKey, HoldReason, ListenerChoice, Listening } from '@contract/media-channels';

// Channels, hold reasons and listening are the contract's, shared with the browser.
export { channelKey, parseChannelKey } from '@contract/media-channels';
export type { Channel, ChannelKey, HoldReason, ListenerChoice, Listening };

export interface Booth {
  readonly id: string;
  /** BCP 47 tag of the language the booth interprets into ('de', 'en', 'fr', 'gsg' for sign). */
  readonly language: string;
  readonly kind: BoothKind;
}

export interface MediaParticipant {
  /** The person's id; one media peer per person and sitting. */
  readonly id: string;
  readonly roles: readonly Role[];
  /** Set for interpreters: the booth they work in. */
  readonly booth: Booth | null;
}

/** Procedure state as the media layer needs it. Built by the services from events. */
export interface FloorState {
  /** Who may be heard on the floor besides the chair's team and podium: the holder of the floor and, during an interjection, its asker. */
  readonly speakers: readonly string[];
  /** "Mute all": only the chair and podium guests stay live. The services lift it on the next grant. */
  readonly mutedAll: boolean;
  /** Booth id → the interpreter who is live in it now; hand-over changes the entry. */
  readonly liveInterpreters: ReadonlyMap<string, string>;
  /** Booth id → language the booth takes as relay instead of the floor. */
  readonly relays: ReadonlyMap<string, string>;
  /** Person id → the subroom (faction consultation) they sit in. */
  readonly subrooms: ReadonlyMap<string, string>;
  /** People whose floor microphone the chair holds (an order measure), even with the floor. Absent: none. */
  readonly muted?: readonly string[];
  /** People excluded from the sitting: their peer is closed and they cannot join. Absent: none. */
  readonly excluded?: readonly string[];
}

/** Volume of the floor under an interpretation or a subroom (20 %): audible, not competing; listeners adjust it. */
export const DUCKED_FLOOR_GAIN = 0.2;

export const EMPTY_FLOOR: FloorState = Object.freeze({
  speakers: [],
  mutedAll: false,
  liveInterpreters: new Map<string, string>(),
  relays: new Map<string, string>(),
  subrooms: new Map<string, string>(),
});

const has = (p: MediaParticipant, role: Role): boolean => p.roles.includes(role);

/** Roles that speak on the floor; the others (interpreters, clerks, IT) only listen there. */

/** Whether the participant may have a producer in the channel at all (it may still be paused). */
export function mayPublish(p: MediaParticipant, channel: Channel, floor: FloorState): boolean {
  switch (channel.kind) {
    case 'floor':
      return maySpeakOnFloor(p.roles);
    case 'interpretation':
      return has(p, 'interpreter') && p.booth?.kind === 'spoken' && p.booth.language === channel.language;
    case 'sign':
      return has(p, 'interpreter') && p.booth?.kind === 'sign';
    case 'subroom':
      return floor.subrooms.get(p.id) === channel.subroomId;
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${JSON.stringify(never)}`);
    }
  }
}

/** The chair's team presides and podium guests keep their voice through "mute all". */
export function isAlwaysHeard(p: MediaParticipant): boolean {
  return isChairTeam(p.roles) || has(p, 'podium_guest');
}

/** Whether the participant's producer in the channel flows now (resumed) or is held (paused). */
export function isLive(p: MediaParticipant, channel: Channel, floor: FloorState): boolean {
  return holdReason(p, channel, floor) === null;
}

/** null: the producer flows; else why the server holds it. Self-mute is the peer's own, on top. */
export function holdReason(p: MediaParticipant, channel: Channel, floor: FloorState): HoldReason | null {
  if (!mayPublish(p, channel, floor)) return 'not_allowed';
  switch (channel.kind) {
    case 'floor':
      // The chair's individual mute holds anyone it names, podium guests too (the domain never names the chair's team).
      if (floor.muted?.includes(p.id)) return 'muted_by_chair';
      if (isAlwaysHeard(p)) return null;
      if (!floor.speakers.includes(p.id)) return 'no_floor';
      return floor.mutedAll ? 'muted_all' : null;
    case 'interpretation':
    case 'sign':
      return p.booth !== null && floor.liveInterpreters.get(p.booth.id) === p.id ? null : 'not_on_air';
    case 'subroom':
      return null;
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${JSON.stringify(never)}`);
    }
  }
}

/** The channels a participant consumes and at which volume, given their choice and the floor state. */
export function listenPlan(p: MediaParticipant, choice: ListenerChoice, floor: FloorState): readonly Listening[] {
  const plan: Listening[] = [];
  const booth = has(p, 'interpreter') ? p.booth : null;
  if (booth) {
    // Interpreters hear their source at full volume: the floor, or the relay channel.
    const relay = floor.relays.get(booth.id);
    plan.push(relay ? { channel: `interpretation:${relay}`, gain: 1 } : { channel: 'floor', gain: 1 });
    if (relay) plan.push({ channel: 'floor', gain: DUCKED_FLOOR_GAIN });
    // Both interpreters of a booth hear its channel: the one not live follows the partner for hand-over.
    if (booth.kind === 'spoken' && relay !== booth.language) plan.push({ channel: `interpretation:${booth.language}`, gain: 1 });
    if (booth.kind === 'sign') plan.push({ channel: 'sign', gain: 1 });
    return plan;
  }
  const subroom = floor.subrooms.get(p.id);
  const ducked = subroom !== undefined || choice.language !== null;
  plan.push({ channel: 'floor', gain: ducked ? DUCKED_FLOOR_GAIN : 1 });
  if (choice.language !== null) plan.push({ channel: `interpretation:${choice.language}`, gain: subroom ? DUCKED_FLOOR_GAIN : 1 });
  if (subroom !== undefined) plan.push({ channel: `subroom:${subroom}`, gain: 1 });
  if (choice.sign) plan.push({ channel: 'sign', gain: 1 });
  return plan;
}

/** The gain at which a plan plays a channel, or undefined when the plan does not include it. */
export function gainIn(plan: readonly Listening[], channel: ChannelKey): number | undefined {
  return plan.find((l) => l.channel === channel)?.gain;
}

/** Whether two floor states would apply the same way (speakers, mute all, individual mutes, exclusions, booths, relays, subrooms). */
export function sameFloor(a: FloorState, b: FloorState): boolean {
  const sameMap = (x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>) => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  const sameList = (x: readonly string[] = [], y: readonly string[] = []) => x.length === y.length && x.every((id, i) => y[i] === id);
  return (
    a.mutedAll === b.mutedAll &&
    sameList(a.speakers, b.speakers) &&
    sameList(a.muted, b.muted) &&
    sameList(a.excluded, b.excluded) &&
    sameMap(a.liveInterpreters, b.liveInterpreters) &&
    sameMap(a.relays, b.relays) &&
    sameMap(a.subrooms, b.subrooms)
  );
}
