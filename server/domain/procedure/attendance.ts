/** Attendance: people join and leave (themselves; the chair's team may record anyone). Repeats change nothing. */
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';
import { personOf, personRef, requireNotClosed, requireNotExcluded, requireSelfOrChair } from './permissions';
import { RuleViolation } from '../errors';
import { mayEnter } from './lobby';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

export function join(state: ProcedureState, cmd: Of<'attendance.join'>, ctx: DecideContext): ProcedureEvent[] {
  requireNotClosed(state, 'joining');
  const person = personOf(ctx.sitting, cmd.personId);
  requireSelfOrChair(ctx.actor, person.id, 'record attendance');
  if (!mayEnter(state, person.id, true))
    throw new RuleViolation('lobby.removed', `${person.name} was removed from the sitting; only admission from the lobby lets them in again`);
  if (Object.hasOwn(state.present, person.id)) return [];
  requireNotExcluded(state, person.id, 'joining');
  return [{ kind: 'attendance.joined', person: personRef(ctx.sitting, person) }];
}

export function leave(state: ProcedureState, cmd: Of<'attendance.leave'>, ctx: DecideContext): ProcedureEvent[] {
  requireNotClosed(state, 'leaving');
  requireSelfOrChair(ctx.actor, cmd.personId, 'record attendance');
  if (!Object.hasOwn(state.present, cmd.personId)) return [];
  return [{ kind: 'attendance.left', personId: cmd.personId }];
}
