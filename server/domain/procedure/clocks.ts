/**
 * Time on the floor, derived from the record: the running clock of a speech (interjections stop it),
 * and the faction quotas an agenda item's debate consumes.
 */
import type { PersonRef, ProcedureEvent } from './events';
import type { CurrentFloor, ProcedureState } from './state';
import type { FloorKind } from './vocabulary';
import { itemOf, msBetween } from './lookup';

/** Since when the speech clock stands now (an interjection holds the floor, or a "mute all" that stops clocks); null: it runs. */
export function standingSince(floor: CurrentFloor): string | null {
  const since = [floor.interjection?.startedAt, floor.mutedSince].filter((s): s is string => typeof s === 'string');
  if (since.length === 0) return null;
  return since.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

/** Speaking time of the holder so far: since the grant, less the time interjections (and a stopping "mute all") held the clock. */
export function runningMs(floor: CurrentFloor, now: Date | string): number {
  const standing = standingSince(floor);
  const paused = floor.pausedMs + (standing ? msBetween(standing, now) : 0);
  return Math.max(0, msBetween(floor.startedAt, now) - paused);
}

/** The speech's limit with its extensions, in seconds; null: no limit. */
export function limitOf(floor: CurrentFloor): number | null {
  return floor.limitSeconds === null ? null : floor.limitSeconds + floor.extensionSeconds;
}

/**
 * When the floor ends by itself: the limit plus the grace period, if the clock runs on from `now`
 * (null: no limit, no grace, or the clock stands now, so no instant can be named yet).
 */
export function graceEndsAt(floor: CurrentFloor, graceSeconds: number | null, now: Date): string | null {
  const limit = limitOf(floor);
  if (limit === null || graceSeconds === null || standingSince(floor) !== null) return null;
  const leftMs = (limit + graceSeconds) * 1000 - runningMs(floor, now);
  return new Date(now.getTime() + Math.max(0, leftMs)).toISOString();
}

/** The events that end whatever holds the floor: the interjection beside it first, then the speech. */
export function endCurrentFloor(state: ProcedureState, by?: 'grace_expired' | 'passed'): ProcedureEvent[] {
  const floor = state.floor;
  if (!floor) return [];
  const events: ProcedureEvent[] = [];
  if (floor.interjection) events.push({ kind: 'interjection.ended', requestId: floor.interjection.requestId });
  events.push(by ? { kind: 'floor.ended', floorId: floor.floorId, by } : { kind: 'floor.ended', floorId: floor.floorId });
  return events;
}

/**
 * Which floors use a faction's time: speeches (from the list or granted by the chair). Points of order,
 * short interventions and their answers, and interjections are outside the allotment (Bundestag practice).
 */
export function chargesQuota(kind: FloorKind): boolean {
  return kind === 'speech' || kind === 'chair_grant';
}

/** The pool a person's time is charged to: their faction, or "" (the independents' pool). */
export function quotaKey(person: PersonRef): string {
  return person.factionId ?? '';
}

/** Whose speeches count against a quota: by default everyone; the service passes "members only" (guests are not charged). */
export type Chargeable = (person: PersonRef) => boolean;
export const everyone: Chargeable = () => true;

/** Milliseconds of each pool used on an item, the running speech included up to `now`. */
export function usedMs(state: ProcedureState, agendaItemId: string, now: Date | string, chargeable: Chargeable = everyone): Map<string, number> {
  const used = new Map<string, number>();
  const add = (person: PersonRef, ms: number) => used.set(quotaKey(person), (used.get(quotaKey(person)) ?? 0) + ms);
  for (const f of state.floors) {
    if (f.agendaItemId === agendaItemId && chargesQuota(f.floorKind) && chargeable(f.person)) add(f.person, f.ms);
  }
  const live = state.floor;
  if (live && live.agendaItemId === agendaItemId && chargesQuota(live.floorKind) && chargeable(live.person)) add(live.person, runningMs(live, now));
  return used;
}

export interface QuotaLine {
  readonly factionId: string;
  readonly allotted: number;
  readonly used: number;
  readonly remaining: number;
}

/** Seconds allotted, used and remaining per pool of an item; null when the item has no allotment. */
export function quotaLines(state: ProcedureState, agendaItemId: string, now: Date | string, chargeable: Chargeable = everyone): QuotaLine[] | null {
  const allotment = itemOf(state, agendaItemId).allotment;
  if (!allotment) return null;
  const used = usedMs(state, agendaItemId, now, chargeable);
  return Object.entries(allotment.perFaction).map(([factionId, allotted]) => {
    const usedSeconds = (used.get(factionId) ?? 0) / 1000;
    return { factionId, allotted, used: usedSeconds, remaining: allotted - usedSeconds };
  });
}

/** Remaining seconds of a pool (0 for a pool with no allotment); null when the item has none. */
export function remainingOf(lines: readonly QuotaLine[] | null, key: string): number | null {
  if (!lines) return null;
  return lines.find((l) => l.factionId === key)?.remaining ?? 0;
}

/**
 * The one rounding rule for speaking time. The record keeps instants to the millisecond and the live
 * clocks count exact seconds; where whole seconds are printed (the protocol), each figure is rounded
 * once from its milliseconds, half a second up. A total is never a sum of rounded parts.
 */
export function wholeSeconds(ms: number): number {
  return Math.round(ms / 1000);
}

/** Which floors count as speaking time in the protocol: speeches, short interventions, grants by the chair; not points of order. */
export function countsAsFloorTime(kind: FloorKind): boolean {
  return kind !== 'point_of_order';
}

export interface FactionFloorTime {
  readonly factionId: string | null;
  readonly factionShortName: string | null;
  readonly floors: number;
  readonly ms: number;
}

export interface FloorTime {
  /** By person id. */
  readonly perPerson: ReadonlyMap<string, { readonly person: PersonRef; readonly floors: number; readonly ms: number }>;
  /** By pool (quotaKey: the faction id, or "" for people without one); named after the first floor seen. */
  readonly perFaction: ReadonlyMap<string, FactionFloorTime>;
}

/** Counted speaking time of the finished floors (a floor still held is not counted yet), in milliseconds. */
export function floorTime(state: ProcedureState): FloorTime {
  const perPerson = new Map<string, { person: PersonRef; floors: number; ms: number }>();
  const perFaction = new Map<string, FactionFloorTime>();
  for (const f of state.floors) {
    if (!countsAsFloorTime(f.floorKind)) continue;
    const p = perPerson.get(f.person.personId) ?? { person: f.person, floors: 0, ms: 0 };
    perPerson.set(f.person.personId, { ...p, floors: p.floors + 1, ms: p.ms + f.ms });
    const key = quotaKey(f.person);
    const g = perFaction.get(key) ?? { factionId: f.person.factionId, factionShortName: f.person.factionShortName, floors: 0, ms: 0 };
    perFaction.set(key, { ...g, floors: g.floors + 1, ms: g.ms + f.ms });
  }
  return { perPerson, perFaction };
}
