/** The floor in the state: one speech at a time, an accepted interjection beside it, finished floors kept for the clocks. */
import type { ProcedureEvent } from './events';
import type { CurrentFloor, FinishedFloor, ProcedureState, SpeakerRequest } from './state';
import { msBetween, own } from './lookup';

type Granted = Extract<ProcedureEvent, { kind: 'floor.granted' }>;

/** The id an interjection or short intervention uses for a floor: its request, or the floor itself when it served none. */
export function addressOf(floor: Pick<CurrentFloor, 'floorId' | 'requestId'>): string {
  return floor.requestId ?? floor.floorId;
}

export function grantFloor(previous: ProcedureState, e: Granted, at: string): ProcedureState {
  // Exactly one speech holds the floor: a grant over a running one ends it (decide emits floor.ended first anyway).
  const state = previous.floor ? endFloor(previous, previous.floor.floorId, at) : previous;
  const floor: CurrentFloor = {
    floorId: e.floorId,
    agendaItemId: e.agendaItemId,
    person: e.person,
    floorKind: e.floorKind,
    requestId: e.requestId,
    limitSeconds: e.limitSeconds,
    extensionSeconds: 0,
    startedAt: at,
    pausedMs: 0,
    interjection: null,
    mutedSince: null,
  };
  return markServed({ ...state, floor }, e);
}

/** The request or point of order a grant serves: heard; a short intervention answered; a point's speaker against heard. */
function markServed(state: ProcedureState, e: Granted): ProcedureState {
  if (e.requestId === null) return state;
  const request = own(state.requests, e.requestId);
  if (request && request.requestKind !== 'interjection') {
    const isHolder = request.person.personId === e.person.personId;
    let next: SpeakerRequest = request;
    if (request.status === 'pending' && isHolder) next = { ...request, status: 'heard' };
    else if (request.requestKind === 'short_intervention' && request.status === 'heard' && !isHolder) next = { ...request, answered: true };
    return next === request ? state : { ...state, requests: { ...state.requests, [request.requestId]: next } };
  }
  const point = own(state.points, e.requestId);
  if (point && point.status === 'pending') {
    const next = point.person.personId === e.person.personId ? { ...point, heard: true } : { ...point, counterHeard: true };
    return { ...state, points: { ...state.points, [point.pointId]: next } };
  }
  return state;
}

export function extendFloor(state: ProcedureState, floorId: string, seconds: number): ProcedureState {
  if (!state.floor || state.floor.floorId !== floorId || !(seconds > 0)) return state;
  return { ...state, floor: { ...state.floor, extensionSeconds: state.floor.extensionSeconds + seconds } };
}

/**
 * What a closing stretch of standing clock adds to the pause: its length, less the part that overlaps
 * the other stretch still open since `otherSince` (that part is added when the other one closes).
 */
function closedStretch(at: string, since: string, otherSince: string | null): number {
  const own = msBetween(since, at);
  if (otherSince === null) return own;
  return own - msBetween(Date.parse(since) > Date.parse(otherSince) ? since : otherSince, at);
}

/** "Mute all" with clocks that stop: the speech clock stands from now. */
export function muteFloor(state: ProcedureState, at: string): ProcedureState {
  if (!state.floor || state.floor.mutedSince !== null) return state;
  return { ...state, floor: { ...state.floor, mutedSince: at } };
}

/** "Mute all" lifted: the clock runs again; the stretch it stood is not the speaker's. */
export function unmuteFloor(state: ProcedureState, at: string): ProcedureState {
  const floor = state.floor;
  if (!floor || floor.mutedSince === null) return state;
  const stood = closedStretch(at, floor.mutedSince, floor.interjection?.startedAt ?? null);
  return { ...state, floor: { ...floor, pausedMs: floor.pausedMs + stood, mutedSince: null } };
}

export function endFloor(previous: ProcedureState, floorId: string, at: string): ProcedureState {
  const current = previous.floor;
  if (!current || current.floorId !== floorId) return previous;
  const ended = current.interjection ? endInterjection(previous, current.interjection.requestId, at) : previous;
  const state = unmuteFloor(ended, at);
  const floor = state.floor ?? current;
  const { interjection: _none, mutedSince: _muted, ...rest } = floor;
  const finished: FinishedFloor = { ...rest, endedAt: at, ms: Math.max(0, msBetween(floor.startedAt, at) - floor.pausedMs) };
  return { ...state, floor: null, floors: [...state.floors, finished], requests: lapseInterjections(state.requests, addressOf(floor)) };
}

/** Interjections still waiting for the speaker's answer lapse with the speech they were asked of. */
function lapseInterjections(requests: ProcedureState['requests'], address: string): ProcedureState['requests'] {
  let changed: Record<string, SpeakerRequest> | null = null;
  for (const r of Object.values(requests)) {
    if (r.requestKind === 'interjection' && r.status === 'pending' && r.addressesRequestId === address) {
      changed ??= { ...requests };
      changed[r.requestId] = { ...r, status: 'lapsed' };
    }
  }
  return changed ?? requests;
}

export function acceptInterjection(state: ProcedureState, requestId: string, floorId: string, at: string): ProcedureState {
  const request = own(state.requests, requestId);
  const floor = state.floor;
  if (!request || request.requestKind !== 'interjection' || request.status !== 'pending') return state;
  if (!floor || floor.floorId !== floorId || floor.interjection) return state;
  return {
    ...state,
    requests: { ...state.requests, [requestId]: { ...request, status: 'accepted' } },
    floor: { ...floor, interjection: { requestId, person: request.person, startedAt: at } },
  };
}

export function endInterjection(state: ProcedureState, requestId: string, at: string): ProcedureState {
  const floor = state.floor;
  const running = floor?.interjection;
  if (!floor || !running || running.requestId !== requestId) return state;
  const ms = msBetween(running.startedAt, at);
  const request = own(state.requests, requestId);
  // Under a "mute all" that stops the clock, the stretch both stood is added when the mute is lifted.
  const stood = closedStretch(at, running.startedAt, floor.mutedSince);
  return {
    ...state,
    floor: { ...floor, pausedMs: floor.pausedMs + stood, interjection: null },
    interjections: [
      ...state.interjections,
      { requestId, floorId: floor.floorId, agendaItemId: floor.agendaItemId, person: running.person, startedAt: running.startedAt, endedAt: at, ms },
    ],
    requests: request ? { ...state.requests, [requestId]: { ...request, status: 'heard' } } : state.requests,
  };
}
