/**
 * Order measures (GO-BT §§ 36–39, EP Rules 175–177, a council's rules): calls to the point and to
 * order, withdrawal of the floor, an individual mute, exclusion for sitting days and the objection to
 * it. The chair's team decides them; what the rules allow comes from `rulebook.orderMeasures`.
 * The media layer enforces them from the state (a withdrawn floor's microphone, a mute, an exclusion).
 */
import { InputError, RuleViolation } from '../errors';
import type { OrderMeasureRules } from '../rulebook';
import { isChairTeam as chairTeamRoles } from '@contract/roles';
import type { DecideContext, ProcedureCommand } from './commands';
import { endCurrentFloor } from './clocks';
import type { PersonRef, ProcedureEvent } from './events';
import { exclusionOf } from './evolve-order';
import { own } from './lookup';
import { personOf, personRef, requireChair, requireNotClosed, requireOpen, rulesOf } from './permissions';
import type { Exclusion, ProcedureState } from './state';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

/** The person a measure concerns: known, and not of the chair's team (who keep order, not receive it). */
function subject(ctx: DecideContext, personId: string): PersonRef {
  const person = personOf(ctx.sitting, personId);
  if (chairTeamRoles(person.roles)) throw new RuleViolation('order.chair_team', `${person.name} is of the chair's team; order measures do not apply`);
  return personRef(ctx.sitting, person);
}

const reasonOf = (reason: string | null): string | null => reason?.trim() || null;

/** The person's calls that count toward withdrawal: in the speech they hold (or the whole sitting, as the rules say). */
export function callsCounted(state: ProcedureState, rules: OrderMeasureRules, personId: string): number {
  const per = rules.callsCountedPer;
  const floorId = state.floor?.person.personId === personId ? state.floor.floorId : null;
  return state.order.calls.filter((c) => c.personId === personId && (per === 'sitting' || (floorId !== null && c.floorId === floorId))).length;
}

export function call(state: ProcedureState, cmd: Of<'order.call_to_point' | 'order.call_to_order'>, ctx: DecideContext): ProcedureEvent[] {
  const toPoint = cmd.kind === 'order.call_to_point';
  requireChair(ctx.actor, toPoint ? 'call a speaker to the point' : 'call a member to order');
  requireOpen(state, 'a call to order');
  const rules = rulesOf(state, ctx).orderMeasures;
  if (toPoint && !rules.callToPoint)
    throw new RuleViolation('order.call_to_point_not_allowed', 'these rules know no call to the point; call the member to order');
  const person = subject(ctx, cmd.personId);
  // A call to the point is for the speaker: it needs the floor. A call to order may reach a member in their seat.
  const floorId = state.floor?.person.personId === person.personId ? state.floor.floorId : null;
  if (toPoint && floorId === null) throw new RuleViolation('floor.empty', `${person.name} does not have the floor: a call to the point is for the speaker`);
  return [
    {
      kind: toPoint ? 'order.called_to_point' : 'order.called_to_order',
      measureId: ctx.newId(),
      person,
      floorId,
      reason: reasonOf(cmd.reason),
      // This call counts too where calls count: in the speech held, or anywhere in the sitting.
      calls: callsCounted(state, rules, person.personId) + (floorId !== null || rules.callsCountedPer === 'sitting' ? 1 : 0),
    },
  ];
}

export function withdrawFloor(state: ProcedureState, cmd: Of<'order.withdraw_floor'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'withdraw the floor');
  requireOpen(state, 'withdrawing the floor');
  const floor = state.floor;
  if (!floor) throw new RuleViolation('floor.empty', 'nobody has the floor');
  const person = subject(ctx, floor.person.personId);
  const needed = rulesOf(state, ctx).orderMeasures.withdrawAfterCalls;
  const calls = callsCounted(state, rulesOf(state, ctx).orderMeasures, person.personId);
  if (needed !== null && calls < needed) {
    throw new RuleViolation('order.withdrawal_needs_calls', `the rules allow withdrawing the floor after ${needed} calls; ${person.name} has had ${calls}`);
  }
  return [{ kind: 'order.floor_withdrawn', floorId: floor.floorId, person, reason: reasonOf(cmd.reason), calls }, ...endCurrentFloor(state)];
}

export function mute(state: ProcedureState, cmd: Of<'order.mute'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, "mute a member's microphone");
  requireNotClosed(state, 'muting a member');
  const person = subject(ctx, cmd.personId);
  if (exclusionOf(state, person.personId)) throw new RuleViolation('order.excluded', `${person.name} is excluded from the sitting`);
  return own(state.order.muted, person.personId) ? [] : [{ kind: 'order.muted', person }];
}

export function unmute(state: ProcedureState, cmd: Of<'order.unmute'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, "unmute a member's microphone");
  requireNotClosed(state, 'unmuting a member');
  const muted = own(state.order.muted, cmd.personId);
  return muted ? [{ kind: 'order.unmuted', person: muted }] : [];
}

export function exclude(state: ProcedureState, cmd: Of<'order.exclude'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'exclude a member');
  requireOpen(state, 'an exclusion');
  const max = rulesOf(state, ctx).orderMeasures.maxExclusionSittingDays;
  if (!Number.isInteger(cmd.sittingDays) || cmd.sittingDays < 1) {
    throw new InputError([{ path: ['sittingDays'], message: 'an exclusion lasts a whole number of sitting days, at least 1 (this sitting)' }]);
  }
  if (cmd.sittingDays > max) throw new RuleViolation('order.exclusion_too_long', `the rules allow an exclusion for at most ${max} sitting days`);
  const person = subject(ctx, cmd.personId);
  if (exclusionOf(state, person.personId)) throw new RuleViolation('order.excluded', `${person.name} is excluded already`);
  const id = person.personId;
  const events: ProcedureEvent[] = [{ kind: 'order.excluded', exclusionId: ctx.newId(), person, sittingDays: cmd.sittingDays, reason: reasonOf(cmd.reason) }];
  // The excluded member leaves at once: their speech ends, their requests and points of order lapse, they are no longer present.
  if (state.floor?.person.personId === id) events.push(...endCurrentFloor(state));
  else if (state.floor?.interjection?.person.personId === id) events.push({ kind: 'interjection.ended', requestId: state.floor.interjection.requestId });
  for (const r of Object.values(state.requests))
    if (r.person.personId === id && r.status === 'pending') events.push({ kind: 'speaker.removed', requestId: r.requestId });
  for (const p of Object.values(state.points))
    if (p.person.personId === id && p.status === 'pending') events.push({ kind: 'point_of_order.withdrawn', pointId: p.pointId });
  if (Object.hasOwn(state.present, id)) events.push({ kind: 'attendance.left', personId: id });
  return events;
}

function exclusionById(state: ProcedureState, exclusionId: string): Exclusion {
  const x = own(state.order.exclusions, exclusionId);
  if (!x) throw new RuleViolation('order.not_excluded', `no exclusion ${exclusionId} in this sitting`);
  return x;
}

export function recordObjection(state: ProcedureState, cmd: Of<'order.record_objection'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'record an objection');
  requireNotClosed(state, 'recording an objection');
  if (!rulesOf(state, ctx).orderMeasures.objection) throw new RuleViolation('order.objection_not_allowed', 'these rules provide no objection to an exclusion');
  const x = exclusionById(state, cmd.exclusionId);
  if (x.objection) throw new RuleViolation('order.objection_recorded', 'an objection to this exclusion is recorded already');
  return [{ kind: 'order.objection_recorded', exclusionId: x.exclusionId, person: x.person, text: reasonOf(cmd.text) }];
}

export function decideObjection(state: ProcedureState, cmd: Of<'order.decide_objection'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'record the decision on an objection');
  requireNotClosed(state, 'deciding an objection');
  const x = exclusionById(state, cmd.exclusionId);
  if (!x.objection) throw new RuleViolation('order.no_objection', 'no objection to this exclusion is recorded');
  if (x.objection.decision) throw new RuleViolation('order.objection_decided', 'the objection has been decided already');
  return [{ kind: 'order.objection_decided', exclusionId: x.exclusionId, person: x.person, upheld: cmd.upheld, note: reasonOf(cmd.note) }];
}

/** At opening: the exclusions of earlier sittings this one serves, into the record. */
export function carriedExclusions(ctx: DecideContext): ProcedureEvent[] {
  return (ctx.sitting.exclusions ?? []).flatMap((x) => {
    // Days left with this sitting: the days imposed, less the sitting it was imposed in and those opened since.
    const remaining = x.sittingDays - 1 - x.servedSince;
    if (remaining < 1) return [];
    return [
      {
        kind: 'order.exclusion_carried' as const,
        exclusionId: x.exclusionId,
        person: x.person,
        fromSittingId: x.fromSittingId,
        sittingDays: x.sittingDays,
        remaining,
        objection: x.objection,
      },
    ];
  });
}

/** Calls a person has had in this sitting, and in the speech they hold now. */
export interface PersonCalls {
  readonly person: PersonRef;
  readonly toPoint: number;
  readonly toOrder: number;
  /** Calls in the speech they hold now (0 without the floor). */
  readonly inThisSpeech: number;
  /** Calls that count toward withdrawal of the floor, as the rules count them. */
  readonly counted: number;
}

/** What the chair's console and the member's notice read: the rules, each person's calls, mutes and exclusions. */
export interface OrderView {
  readonly rules: OrderMeasureRules;
  /** The floor's holder and whether the rules let the chair withdraw it now. */
  readonly floor: { readonly person: PersonRef; readonly counted: number; readonly mayWithdraw: boolean } | null;
  readonly calls: readonly PersonCalls[];
  readonly muted: readonly PersonRef[];
  /** People whose floor was withdrawn in this sitting (each once). */
  readonly withdrawnFrom: readonly string[];
  /** Exclusions in this sitting (imposed or carried), in force or lifted by an upheld objection, oldest first. */
  readonly exclusions: readonly Exclusion[];
}

export function orderView(state: ProcedureState, rules: OrderMeasureRules): OrderView {
  const floor = state.floor;
  const people = new Map<string, { person: PersonRef; toPoint: number; toOrder: number; inThisSpeech: number }>();
  for (const c of state.order.calls) {
    const entry = people.get(c.personId) ?? { person: c.person, toPoint: 0, toOrder: 0, inThisSpeech: 0 };
    people.set(c.personId, {
      ...entry,
      toPoint: entry.toPoint + (c.kind === 'to_point' ? 1 : 0),
      toOrder: entry.toOrder + (c.kind === 'to_order' ? 1 : 0),
      inThisSpeech: entry.inThisSpeech + (floor !== null && c.floorId === floor.floorId ? 1 : 0),
    });
  }
  const counted = floor ? callsCounted(state, rules, floor.person.personId) : 0;
  return {
    rules,
    floor: floor && {
      person: floor.person,
      counted,
      mayWithdraw: rules.withdrawAfterCalls === null || counted >= rules.withdrawAfterCalls,
    },
    calls: [...people.values()].map((p) => ({ ...p, counted: callsCounted(state, rules, p.person.personId) })),
    muted: Object.values(state.order.muted),
    withdrawnFrom: [...new Set(state.order.withdrawals.map((w) => w.personId))],
    exclusions: Object.values(state.order.exclusions).sort((a, b) => a.at.localeCompare(b.at)),
  };
}
