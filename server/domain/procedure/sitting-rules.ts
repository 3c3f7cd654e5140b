/** The sitting (scheduled → open ⇄ suspended → closed) and its agenda: operated by the chair's team. */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import { allotSpeakingTime } from '../rulebook/speaking-time';
import { transition } from '../sitting';
import { carriedExclusions } from './order-measures';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';
import { orderPolicies } from './vocabulary';
import { endCurrentFloor } from './clocks';
import { endItemAdmissions } from './lobby';
import { addSeconds, itemOf } from './lookup';
import { requireChair, requireNotClosed, requireOpen, rulesOf } from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

/** The longest break a suspension may announce: one day. */
const maxBreakMinutes = 24 * 60;
/** The longest debate an item may be allotted: one day. */
const maxDebateSeconds = 24 * 3600;

export function openSitting(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'open the sitting');
  if (ctx.sitting.cancelled) throw new RuleViolation('sitting.cancelled', 'the sitting has been cancelled; it cannot be opened');
  if (state.phase === 'suspended') throw new RuleViolation('sitting.invalid_transition', 'a suspended sitting is resumed, not opened again');
  transition(state.phase, 'open');
  // The rules in force from now on are those of this moment: frozen into the record.
  // Exclusions of earlier sittings still to be served are noted at once: the excluded stay out.
  return [{ kind: 'sitting.opened', rulebook: ctx.sitting.rulebook, statutoryMembers: ctx.sitting.statutoryMembers }, ...carriedExclusions(ctx)];
}

export function suspendSitting(state: ProcedureState, cmd: Of<'sitting.suspend'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'suspend the sitting');
  transition(state.phase, 'suspended');
  requireNoOpenVote(state, 'suspended');
  const minutes = cmd.breakMinutes;
  if (minutes !== null && !(Number.isFinite(minutes) && minutes > 0 && minutes <= maxBreakMinutes)) {
    throw new InputError([{ path: ['breakMinutes'], message: `a break lasts more than 0 and at most ${maxBreakMinutes} minutes` }]);
  }
  const reason = cmd.reason?.trim() || null;
  const resumesAt = minutes === null ? null : addSeconds(ctx.now, minutes * 60);
  // The clock does not run through a break: whoever has the floor yields it.
  return [...endCurrentFloor(state), { kind: 'sitting.suspended', reason, resumesAt }];
}

export function resumeSitting(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'resume the sitting');
  if (state.phase !== 'suspended') throw new RuleViolation('sitting.invalid_transition', `a ${state.phase} sitting cannot be resumed`);
  transition(state.phase, 'open');
  return [{ kind: 'sitting.resumed' }];
}

export function closeSitting(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'close the sitting');
  transition(state.phase, 'closed');
  requireNoOpenVote(state, 'closed');
  return [...endCurrentFloor(state), { kind: 'sitting.closed' }];
}

function requireNoOpenVote(state: ProcedureState, to: string): void {
  if (state.openVoteId !== null) throw new RuleViolation('sitting.vote_open', `a vote is open; close or cancel it before the sitting is ${to}`);
}

function agendaItem(ctx: DecideContext, agendaItemId: string) {
  const item = ctx.sitting.agenda.find((i) => i.id === agendaItemId);
  if (!item) throw new NotFoundError('agendaItem', agendaItemId);
  return item;
}

/** Calls an item of this sitting's agenda: the floor of the previous item ends; its planned debate time (or the rulebook's) is allotted. */
export function callItem(state: ProcedureState, cmd: Of<'agenda.call'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'call an agenda item');
  requireOpen(state, 'calling an agenda item');
  const item = agendaItem(ctx, cmd.agendaItemId);
  if (state.currentItemId === item.id) return [];
  const events: ProcedureEvent[] = [
    ...endCurrentFloor(state),
    // Podium guests admitted for the item before leave with it.
    ...endItemAdmissions(state, item.id),
    { kind: 'agenda.item_called', agendaItemId: item.id, position: item.position, title: item.title },
  ];
  // The time planned for the item in the back office, else the rulebook's default.
  const debateSeconds = item.debateMinutes ? item.debateMinutes * 60 : rulesOf(state, ctx).speakingTime.debateSeconds;
  if (debateSeconds !== null && itemOf(state, item.id).allotment === null) events.push(allotment(state, ctx, item.id, debateSeconds));
  return events;
}

export function setOrderPolicy(state: ProcedureState, cmd: Of<'agenda.set_order_policy'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'set the order of speakers');
  requireNotClosed(state, 'setting the order of speakers');
  agendaItem(ctx, cmd.agendaItemId);
  if (!orderPolicies.includes(cmd.policy)) throw new InputError([{ path: ['policy'], message: `unknown order policy ${String(cmd.policy)}` }]);
  return [{ kind: 'agenda.order_policy_set', agendaItemId: cmd.agendaItemId, policy: cmd.policy }];
}

export function allotTime(state: ProcedureState, cmd: Of<'agenda.allot_speaking_time'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'allot speaking time');
  requireNotClosed(state, 'allotting speaking time');
  agendaItem(ctx, cmd.agendaItemId);
  const s = cmd.debateSeconds;
  if (!(Number.isInteger(s) && s > 0 && s <= maxDebateSeconds)) {
    throw new InputError([{ path: ['debateSeconds'], message: `a debate lasts a whole number of seconds, more than 0 and at most ${maxDebateSeconds}` }]);
  }
  return [allotment(state, ctx, cmd.agendaItemId, s)];
}

/** Split a debate among the factions by the rulebook (independents' pool under ""). */
function allotment(state: ProcedureState, ctx: DecideContext, agendaItemId: string, debateSeconds: number): ProcedureEvent {
  let independents = 0;
  for (const p of ctx.sitting.people.values()) if (p.factionId === null && p.roles.includes('member')) independents += 1;
  const factions = ctx.sitting.factions.map((f) => ({ id: f.id, seats: f.seats }));
  const perFaction = allotSpeakingTime(rulesOf(state, ctx).speakingTime, debateSeconds, factions, independents);
  return { kind: 'agenda.speaking_time_allotted', agendaItemId, debateSeconds, perFaction };
}
