/**
 * The protocol's own commands. The President or a Vice-President takes the chair (presidency.take);
 * clerks and the chair's team note applause, interjections and calls with their moment (minutes.note)
 * and correct texts of the protocol by a new entry naming the one corrected (protocol.correct); a chair
 * approves the protocol of the closed sitting as the record stands (protocol.approve).
 *
 * After approval a correction is still taken, and lapses the approval: the protocol shows the
 * correction and is "awaiting approval" until a chair approves it again. The record keeps both
 * approvals, so nothing approved is silently changed.
 */
import { isChairTeam } from '@contract/roles';
import { minutesNoteMaxDelaySeconds } from '@contract/minutes-words';
import { InputError, RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import { actingPerson, personRef, requireNotClosed } from './permissions';
import type { ProcedureState } from './state';

/** A clock a few seconds ahead of the server's is not a note from the future. */
const CLOCK_SKEW_MS = 5_000;

function requireRecordKeeper(ctx: DecideContext, what: string): void {
  if (!isChairTeam(ctx.actor.roles) && !ctx.actor.roles.includes('clerk'))
    throw new RuleViolation('forbidden.record_keepers_only', `only the clerks and the chair's team may ${what}`);
}

function requirePresidingRole(ctx: DecideContext, what: string): void {
  if (!ctx.actor.roles.includes('chair')) throw new RuleViolation('forbidden.presiding_only', `only the President or a Vice-President may ${what}`);
}

function requireSittingUnderway(state: ProcedureState, what: string): void {
  requireNotClosed(state, what);
  if (state.phase === 'scheduled') throw new RuleViolation('sitting.not_open', `the sitting has not been opened; ${what} needs it open or suspended`);
}

export function takePresidency(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requirePresidingRole(ctx, 'take the chair');
  requireSittingUnderway(state, 'taking the chair');
  const person = actingPerson(ctx, 'taking the chair');
  const presiding = state.presiding?.personId ?? state.openedBy;
  if (presiding === person.id) return [];
  return [{ kind: 'presidency.taken', person: personRef(ctx.sitting, person) }];
}

export function note(state: ProcedureState, c: Extract<ProcedureCommand, { kind: 'minutes.note' }>, ctx: DecideContext): ProcedureEvent[] {
  requireRecordKeeper(ctx, 'note the minutes');
  requireSittingUnderway(state, 'a minutes note');
  const text = c.text.trim();
  if (!text) throw new InputError([{ path: ['text'], message: 'must not be empty' }]);
  const now = ctx.now.getTime();
  const moment = c.moment === null ? ctx.now : new Date(c.moment);
  const t = moment.getTime();
  if (Number.isNaN(t)) throw new InputError([{ path: ['moment'], message: 'must be an ISO instant' }]);
  if (t > now + CLOCK_SKEW_MS || t < now - minutesNoteMaxDelaySeconds * 1000)
    throw new RuleViolation('minutes.moment_out_of_range', `a note's moment lies between ${minutesNoteMaxDelaySeconds / 60} minutes ago and now`);
  return [
    {
      kind: 'minutes.noted',
      noteId: ctx.newId(),
      noteKind: c.noteKind,
      text,
      moment: new Date(Math.min(t, now)).toISOString(),
      agendaItemId: state.currentItemId,
      floorId: state.floor?.floorId ?? null,
    },
  ];
}

export function correct(state: ProcedureState, c: Extract<ProcedureCommand, { kind: 'protocol.correct' }>, ctx: DecideContext): ProcedureEvent[] {
  requireRecordKeeper(ctx, 'correct the protocol');
  if (state.phase === 'scheduled') throw new RuleViolation('sitting.not_open', 'a sitting not yet opened has no protocol to correct');
  const target = state.corrigible[String(c.seq)];
  if (!Object.hasOwn(state.corrigible, String(c.seq)) || !target)
    throw new RuleViolation(
      'protocol.not_correctable',
      `entry ${c.seq} holds no text of the protocol a correction may replace (a minutes note, a point of order, a decision's note)`,
    );
  const text = c.text.trim();
  if (!text) throw new InputError([{ path: ['text'], message: 'must not be empty' }]);
  if (text === target.text) return [];
  return [{ kind: 'protocol.corrected', correctionId: ctx.newId(), target: { seq: c.seq, hash: c.hash, kind: target.kind }, text }];
}

export function approve(state: ProcedureState, c: Extract<ProcedureCommand, { kind: 'protocol.approve' }>, ctx: DecideContext): ProcedureEvent[] {
  requirePresidingRole(ctx, 'approve the protocol');
  if (state.phase !== 'closed') throw new RuleViolation('protocol.sitting_not_closed', 'the protocol is approved once the sitting is closed');
  const person = actingPerson(ctx, 'approving the protocol');
  if (state.approval && state.approval.seq === c.seq && state.approval.head === c.head) return [];
  if (c.seq !== state.lastSeq)
    throw new RuleViolation('protocol.record_moved_on', `the record has ${state.lastSeq} entries, not ${c.seq}: read the protocol again before approving it`);
  return [{ kind: 'protocol.approved', seq: c.seq, head: c.head, by: personRef(ctx.sitting, person) }];
}
