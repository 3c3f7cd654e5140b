/**
 * Admission from the lobby. People not on the roster (guests, press, a substitute) and people removed
 * from the sitting ask to enter; the chair's team admits them as something (none of them votes) or
 * declines, with a reason if it wishes. A podium guest may be admitted for the item under discussion
 * only. Removing someone ends their admission (or a roster person's right to walk in) until admitted
 * again; the media layer closes their peer on the entry.
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import { textLimits } from '../text';
import type { DecideContext, ProcedureCommand } from './commands';
import { admissionRoles, type ProcedureEvent } from './events';
import type { Admission, ProcedureState } from './state';
import { endCurrentFloor } from './clocks';
import { own } from './lookup';
import { personOf, personRef, requireChair, requireNotClosed } from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

/**
 * Whether someone may be in the sitting now: a roster person unless removed (and not admitted since);
 * anyone else once admitted (and not removed, declined or past their agenda item).
 */
export function mayEnter(state: ProcedureState, id: string, onRoster: boolean): boolean {
  const admission = own(state.admissions, id);
  if (!admission) return onRoster;
  return admission.status === 'admitted';
}

/** The ids procedure keeps out of the sitting now: removed, declined, waiting, or past their agenda item. */
export function keptOut(state: ProcedureState): ReadonlySet<string> {
  return new Set(
    Object.values(state.admissions)
      .filter((a) => a.status !== 'admitted')
      .map((a) => a.entrant.entrantId),
  );
}

/** Everyone admitted now, by entrant id. */
export function admitted(state: ProcedureState): Admission[] {
  return Object.values(state.admissions).filter((a) => a.status === 'admitted');
}

/** The lobby: who waits, first come first. */
export function waiting(state: ProcedureState): Admission[] {
  return Object.values(state.admissions)
    .filter((a) => a.status === 'waiting')
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
}

function reasonOf(reason: string | null): string | null {
  const r = reason?.trim() ?? '';
  if (r.length > textLimits.reason) throw new InputError([{ path: ['reason'], message: `a reason is at most ${textLimits.reason} characters` }]);
  return r === '' ? null : r;
}

export function ask(state: ProcedureState, cmd: Of<'lobby.ask'>, ctx: DecideContext): ProcedureEvent[] {
  requireNotClosed(state, 'asking to enter');
  const { entrant } = cmd;
  // The service names the entrant from the signed-in account; the domain checks it is the actor.
  if (entrant.personId !== ctx.actor.personId) throw new RuleViolation('forbidden.not_self', 'one asks to enter for oneself');
  const onRoster = entrant.personId !== null && ctx.sitting.people.has(entrant.personId);
  if (mayEnter(state, entrant.entrantId, onRoster)) throw new RuleViolation('lobby.not_needed', 'you may enter the sitting without asking');
  if (own(state.admissions, entrant.entrantId)?.status === 'waiting') return [];
  const name = entrant.name.trim().slice(0, textLimits.reason) || entrant.entrantId;
  return [{ kind: 'lobby.asked', entrant: { ...entrant, name } }];
}

export function admit(state: ProcedureState, cmd: Of<'lobby.admit'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'admit someone to the sitting');
  requireNotClosed(state, 'admitting someone');
  const admission = own(state.admissions, cmd.entrantId);
  if (!admission || admission.status !== 'waiting') throw new RuleViolation('lobby.not_waiting', 'nobody of that id waits in the lobby');
  if (!admissionRoles.includes(cmd.role)) throw new InputError([{ path: ['role'], message: `unknown role ${String(cmd.role)}` }]);
  let substituteFor = null;
  if (cmd.role === 'substitute') {
    if (cmd.substituteForId === null) throw new InputError([{ path: ['substituteForId'], message: 'a substitute stands in for a named member' }]);
    const member = personOf(ctx.sitting, cmd.substituteForId);
    if (!member.roles.includes('member')) throw new InputError([{ path: ['substituteForId'], message: `${member.name} is not a member` }]);
    substituteFor = personRef(ctx.sitting, member);
  } else if (cmd.substituteForId !== null) {
    throw new InputError([{ path: ['substituteForId'], message: 'only a substitute stands in for a member' }]);
  }
  let agendaItemId: string | null = null;
  if (cmd.currentItemOnly) {
    if (cmd.role !== 'podium_guest') throw new InputError([{ path: ['currentItemOnly'], message: 'podium guests are admitted for one agenda item' }]);
    if (state.currentItemId === null) throw new RuleViolation('lobby.no_current_item', 'no agenda item is under discussion');
    agendaItemId = state.currentItemId;
  }
  return [{ kind: 'lobby.admitted', entrant: admission.entrant, role: cmd.role, substituteFor, agendaItemId }];
}

export function decline(state: ProcedureState, cmd: Of<'lobby.decline'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'decline someone in the lobby');
  requireNotClosed(state, 'declining someone');
  const admission = own(state.admissions, cmd.entrantId);
  if (!admission || admission.status !== 'waiting') throw new RuleViolation('lobby.not_waiting', 'nobody of that id waits in the lobby');
  return [{ kind: 'lobby.declined', entrantId: cmd.entrantId, reason: reasonOf(cmd.reason) }];
}

export function remove(state: ProcedureState, cmd: Of<'participant.remove'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'remove someone from the sitting');
  requireNotClosed(state, 'removing someone');
  const id = cmd.participantId;
  if (id === ctx.actor.personId) throw new RuleViolation('participant.self', 'the chair does not remove themselves');
  const admission = own(state.admissions, id);
  const person = ctx.sitting.people.get(id);
  let name: string;
  if (admission?.status === 'admitted') name = admission.entrant.name;
  else if (person && !admission) name = person.name;
  else if (admission)
    return []; // not in the sitting: removed, declined, waiting or past their item
  else throw new NotFoundError('participant', id);
  const reason = reasonOf(cmd.reason);
  // Whoever is removed does not keep the floor.
  const floor = state.floor?.person.personId === id ? endCurrentFloor(state) : [];
  return [...floor, { kind: 'participant.removed', participantId: id, name, reason }];
}

/** Admissions for one agenda item end when the chair calls another: the events to append with the call. */
export function endItemAdmissions(state: ProcedureState, nextItemId: string): ProcedureEvent[] {
  return admitted(state)
    .filter((a) => a.agendaItemId !== null && a.agendaItemId !== nextItemId)
    .map((a) => ({ kind: 'lobby.admission_ended', entrantId: a.entrant.entrantId, agendaItemId: a.agendaItemId ?? '' }));
}
