/**
 * The floor: exactly one speech holds it (an accepted interjection question briefly beside it). The
 * chair's team gives it to the next in order (points of order first), to a request, or to anyone who
 * may speak; extends and ends it. Limits come from the rulebook by kind, capped by the faction's
 * remaining time where the item has an allotment, unless the chair names a limit.
 *
 * A short intervention's answer is a floor of kind short_intervention for the addressed speaker, serving
 * the intervention's request id: `floor.grant { requestId: <the heard intervention> }`, or
 * `floor.grant { personId: <addressed speaker> }` during or right after the intervention; limit
 * rulebook.speech.shortInterventionAnswerSeconds. It is given once per intervention.
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import { numberLimits } from '../number-limits';
import type { DecideContext, ProcedureCommand } from './commands';
import type { PersonRef, ProcedureEvent } from './events';
import type { PointOfOrder, ProcedureState, SpeakerRequest } from './state';
import type { FloorKind } from './vocabulary';
import { addressOf } from './evolve-floor';
import { chargesQuota, endCurrentFloor, limitOf, quotaKey, quotaLines, remainingOf, runningMs } from './clocks';
import { own } from './lookup';
import { orderedRequests } from './queue';
import {
  canSpeak,
  isChairTeam,
  membersOnly,
  personOf,
  personRef,
  requireChair,
  requireNotClosed,
  requireNotExcluded,
  requireOpen,
  rulesOf,
} from './permissions';
import { pendingPoints } from './points-of-order';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

interface Grant {
  readonly person: PersonRef;
  readonly floorKind: FloorKind;
  readonly requestId: string | null;
  readonly agendaItemId: string | null;
  readonly limitSeconds: number | null;
}

function granted(state: ProcedureState, ctx: DecideContext, g: Grant): ProcedureEvent[] {
  requireNotExcluded(state, g.person.personId, 'giving them the floor');
  return [...endCurrentFloor(state), { kind: 'floor.granted', floorId: ctx.newId(), ...g }];
}

/** A speech's limit: the rulebook's (or the chair's), capped by what is left of the speaker's faction time. */
function speechLimit(state: ProcedureState, ctx: DecideContext, person: PersonRef, agendaItemId: string | null, override: number | null): number | null {
  if (override !== null) return override;
  const limit = rulesOf(state, ctx).speech.limits.speech;
  const chargeable = membersOnly(ctx.sitting);
  if (agendaItemId === null || !chargeable(person)) return limit;
  const remaining = remainingOf(quotaLines(state, agendaItemId, ctx.now, chargeable), quotaKey(person));
  if (remaining === null) return limit;
  const left = Math.floor(remaining);
  if (left <= 0)
    throw new RuleViolation(
      'speaker.quota_exhausted',
      `${person.factionShortName ?? 'the independents'} have no speaking time left on this item (the chair may grant a limit)`,
    );
  return limit === null ? left : Math.min(limit, left);
}

function requireNoPendingPoint(state: ProcedureState): void {
  if (pendingPoints(state).length) throw new RuleViolation('point_of_order.pending', 'a point of order goes first and is decided before the debate goes on');
}

export function next(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'give the floor');
  requireOpen(state, 'giving the floor');
  const points = pendingPoints(state);
  if (points.some((p) => p.heard)) throw new RuleViolation('point_of_order.undecided', 'decide the point of order before the debate goes on');
  const point = points[0];
  if (point) return granted(state, ctx, pointGrant(state, ctx, point, point.person, null));
  const first = state.currentItemId === null ? undefined : orderedRequests(state, ctx.sitting, state.currentItemId, ctx.now)[0];
  if (!first) throw new RuleViolation('speaker.list_empty', 'nobody is waiting for the floor');
  return granted(state, ctx, requestGrant(state, ctx, first.request, null));
}

function pointGrant(state: ProcedureState, ctx: DecideContext, point: PointOfOrder, person: PersonRef, override: number | null): Grant {
  const limitSeconds = override ?? rulesOf(state, ctx).pointsOfOrder.limitSeconds;
  return { person, floorKind: 'point_of_order', requestId: point.pointId, agendaItemId: point.agendaItemId ?? state.currentItemId, limitSeconds };
}

function requestGrant(state: ProcedureState, ctx: DecideContext, request: SpeakerRequest, override: number | null): Grant {
  const limits = rulesOf(state, ctx).speech.limits;
  const limitSeconds =
    request.requestKind === 'speech' ? speechLimit(state, ctx, request.person, request.agendaItemId, override) : (override ?? limits.short_intervention);
  return { person: request.person, floorKind: request.requestKind, requestId: request.requestId, agendaItemId: request.agendaItemId, limitSeconds };
}

/** The answer of the addressed speaker to a heard short intervention. */
function answerGrant(state: ProcedureState, ctx: DecideContext, intervention: SpeakerRequest, override: number | null): Grant {
  if (intervention.answered) throw new RuleViolation('speaker.already_answered', 'the short intervention has been answered');
  const speech = state.floors.find((f) => addressOf(f) === intervention.addressesRequestId);
  if (!speech) throw new RuleViolation('speaker.no_finished_speech', 'the speech this short intervention replied to is not in the record');
  const known = ctx.sitting.people.get(speech.person.personId);
  return {
    person: known ? personRef(ctx.sitting, known) : speech.person,
    floorKind: 'short_intervention',
    requestId: intervention.requestId,
    agendaItemId: intervention.agendaItemId,
    limitSeconds: override ?? rulesOf(state, ctx).speech.shortInterventionAnswerSeconds,
  };
}

export function grant(state: ProcedureState, cmd: Of<'floor.grant'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'give the floor');
  requireOpen(state, 'giving the floor');
  const override = cmd.limitSeconds;
  if (override !== null && !(Number.isInteger(override) && override > 0 && override <= numberLimits.limitSeconds)) {
    throw new InputError([{ path: ['limitSeconds'], message: `a limit is a whole number of seconds, 1 to ${numberLimits.limitSeconds}` }]);
  }
  if (cmd.requestId !== null) return granted(state, ctx, grantFor(state, ctx, cmd.requestId, cmd.personId, override));
  if (cmd.personId === null) throw new InputError([{ path: ['requestId'], message: 'name a request or a person to give the floor to' }]);
  const person = personOf(ctx.sitting, cmd.personId);
  if (!canSpeak(person)) throw new RuleViolation('forbidden.cannot_speak', `${person.name} does not speak in the sitting`);
  // Right after (or during) a short intervention, the floor for its addressed speaker is the answer.
  const last = state.floor ?? state.floors.at(-1);
  const intervention = last?.floorKind === 'short_intervention' && last.requestId ? own(state.requests, last.requestId) : undefined;
  if (intervention && !intervention.answered && intervention.person.personId === last?.person.personId) {
    const speech = state.floors.find((f) => addressOf(f) === intervention.addressesRequestId);
    if (speech?.person.personId === person.id) return granted(state, ctx, answerGrant(state, ctx, intervention, override));
  }
  const ref = personRef(ctx.sitting, person);
  const agendaItemId = state.currentItemId;
  return granted(state, ctx, {
    person: ref,
    floorKind: 'chair_grant',
    requestId: null,
    agendaItemId,
    limitSeconds: speechLimit(state, ctx, ref, agendaItemId, override),
  });
}

function grantFor(state: ProcedureState, ctx: DecideContext, id: string, personId: string | null, override: number | null): Grant {
  const point = own(state.points, id);
  if (point) {
    if (point.status !== 'pending') throw new RuleViolation('point_of_order.not_pending', `the point of order is ${point.status}`);
    if (personId === null || personId === point.person.personId) return pointGrant(state, ctx, point, point.person, override);
    // One speaker against, where the rules hear one before the decision.
    if (!rulesOf(state, ctx).pointsOfOrder.hearOneAgainst)
      throw new RuleViolation('point_of_order.no_counter_speech', 'the rules hear no speaker against a point of order');
    if (!point.heard) throw new RuleViolation('point_of_order.not_heard', 'the mover speaks first');
    if (point.counterHeard) throw new RuleViolation('point_of_order.counter_heard', 'one speaker against has been heard');
    const person = personOf(ctx.sitting, personId);
    if (!person.roles.includes('member')) throw new RuleViolation('forbidden.cannot_speak', 'the speaker against a point of order is a member');
    return pointGrant(state, ctx, point, personRef(ctx.sitting, person), override);
  }
  const request = own(state.requests, id);
  if (!request) throw new NotFoundError('speakerRequest', id);
  if (request.requestKind === 'interjection')
    throw new RuleViolation('speaker.not_granted', 'an interjection question is accepted by the speaker, not given the floor');
  if (request.requestKind === 'short_intervention' && request.status === 'heard') {
    const g = answerGrant(state, ctx, request, override);
    if (personId !== null && personId !== g.person.personId)
      throw new InputError([{ path: ['personId'], message: 'the answer belongs to the addressed speaker' }]);
    requireNoPendingPoint(state);
    return g;
  }
  if (request.status !== 'pending') throw new RuleViolation('speaker.not_pending', `the request is ${request.status}, no longer waiting`);
  if (personId !== null && personId !== request.person.personId) throw new InputError([{ path: ['personId'], message: 'the request is someone else’s' }]);
  if (request.agendaItemId !== state.currentItemId) throw new RuleViolation('speaker.not_current_item', 'the request belongs to another agenda item');
  requireNoPendingPoint(state);
  return requestGrant(state, ctx, request, override);
}

export function extend(state: ProcedureState, cmd: Of<'floor.extend'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'extend speaking time');
  requireOpen(state, 'extending speaking time');
  const floor = state.floor;
  if (!floor) throw new RuleViolation('floor.empty', 'nobody has the floor');
  if (!(Number.isInteger(cmd.seconds) && cmd.seconds > 0 && cmd.seconds <= 3600)) {
    throw new InputError([{ path: ['seconds'], message: 'an extension is a whole number of seconds, 1 to 3600' }]);
  }
  if (floor.limitSeconds === null) throw new RuleViolation('floor.no_limit', 'the speech has no time limit to extend');
  return [{ kind: 'floor.extended', floorId: floor.floorId, seconds: cmd.seconds }];
}

export function end(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'end a speech');
  requireNotClosed(state, 'ending a speech');
  if (!state.floor) throw new RuleViolation('floor.empty', 'nobody has the floor');
  return endCurrentFloor(state);
}

/** The current speaker or the chair's team answers an interjection question. */
function interjectionFor(state: ProcedureState, requestId: string, ctx: DecideContext): { request: SpeakerRequest; floorId: string } {
  requireOpen(state, 'answering an interjection question');
  const request = own(state.requests, requestId);
  if (!request) throw new NotFoundError('speakerRequest', requestId);
  if (request.requestKind !== 'interjection') throw new RuleViolation('speaker.not_interjection', 'the request is not an interjection question');
  if (request.status !== 'pending') throw new RuleViolation('speaker.not_pending', `the question is ${request.status}, no longer waiting`);
  const floor = state.floor;
  if (!floor || addressOf(floor) !== request.addressesRequestId || !chargesQuota(floor.floorKind)) {
    throw new RuleViolation('speaker.not_current_speech', 'the question was asked of a speech that no longer holds the floor');
  }
  requireSpeakerOrChair(ctx, floor.person.personId);
  return { request, floorId: floor.floorId };
}

function requireSpeakerOrChair(ctx: DecideContext, speakerId: string): void {
  if (ctx.actor.personId !== speakerId && !isChairTeam(ctx.actor)) {
    throw new RuleViolation('forbidden.speaker_or_chair', "only the speaker or the chair's team answers an interjection question");
  }
}

export function acceptInterjection(state: ProcedureState, cmd: Of<'interjection.accept'>, ctx: DecideContext): ProcedureEvent[] {
  const { request, floorId } = interjectionFor(state, cmd.requestId, ctx);
  if (state.floor?.interjection) throw new RuleViolation('interjection.in_progress', 'another interjection question holds the floor');
  return [{ kind: 'interjection.accepted', requestId: request.requestId, floorId }];
}

export function declineInterjection(state: ProcedureState, cmd: Of<'interjection.decline'>, ctx: DecideContext): ProcedureEvent[] {
  const { request } = interjectionFor(state, cmd.requestId, ctx);
  return [{ kind: 'interjection.declined', requestId: request.requestId }];
}

export function endInterjection(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireOpen(state, 'ending an interjection question');
  const running = state.floor?.interjection;
  if (!state.floor || !running) throw new RuleViolation('interjection.none', 'no interjection question holds the floor');
  requireSpeakerOrChair(ctx, state.floor.person.personId);
  return [{ kind: 'interjection.ended', requestId: running.requestId }];
}

/**
 * Talking stick (rulebook.floor.talkingStick): the speaker hands the floor to the next on the list,
 * without the chair. Points of order still go first: while one waits, the chair gives the floor.
 */
export function pass(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireOpen(state, 'passing the floor');
  if (!rulesOf(state, ctx).floor.talkingStick) throw new RuleViolation('floor.no_talking_stick', 'the rules leave the floor to the chair: it is not passed on');
  const floor = state.floor;
  if (!floor) throw new RuleViolation('floor.empty', 'nobody has the floor');
  if (ctx.actor.personId !== floor.person.personId) throw new RuleViolation('forbidden.not_speaker', 'only the speaker passes the floor on');
  requireNoPendingPoint(state);
  const first = state.currentItemId === null ? undefined : orderedRequests(state, ctx.sitting, state.currentItemId, ctx.now)[0];
  if (!first) throw new RuleViolation('speaker.list_empty', 'nobody is waiting for the floor');
  return [...endCurrentFloor(state, 'passed'), { kind: 'floor.granted', floorId: ctx.newId(), ...requestGrant(state, ctx, first.request, null) }];
}

/** The system's timer: the floor ran past its time and the grace period; it ends once, and only then. */
export function expire(state: ProcedureState, cmd: Of<'floor.expire'>, ctx: DecideContext): ProcedureEvent[] {
  if (ctx.actor.personId !== null || ctx.actor.roles.length > 0)
    throw new RuleViolation('forbidden.system_only', 'only the clock ends the floor after the grace period');
  const floor = state.floor;
  // Already ended (by the chair, or a repeat): nothing to do.
  if (state.phase !== 'open' || !floor || floor.floorId !== cmd.floorId) return [];
  const grace = rulesOf(state, ctx).floor.graceSeconds;
  const limit = limitOf(floor);
  if (grace === null || limit === null) return [];
  if (runningMs(floor, ctx.now) < (limit + grace) * 1000) throw new RuleViolation('floor.not_expired', 'the speaker still has time');
  return endCurrentFloor(state, 'grace_expired');
}
