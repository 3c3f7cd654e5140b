/**
 * Roster changes in the record: what parliament IT changes about a person while a sitting is open
 * (roles, voting right, the username that finds them) becomes an entry of that sitting's record, so
 * no one gains or loses a vote, or another identity, without a trace in the protocol.
 */
import { RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent, RosterFacts } from './events';
import type { ProcedureState } from './state';

type NoteChange = Extract<ProcedureCommand, { kind: 'roster.note_change' }>;

export function sameFacts(a: RosterFacts | null, b: RosterFacts | null): boolean {
  if (a === null || b === null) return a === b;
  const roles = (r: RosterFacts) => [...r.roles].sort().join(',');
  return a.username === b.username && a.votingRights === b.votingRights && roles(a) === roles(b);
}

export function noteChange(state: ProcedureState, command: NoteChange, ctx: DecideContext): readonly ProcedureEvent[] {
  if (!ctx.actor.roles.includes('it_admin')) throw new RuleViolation('forbidden.it_admin_only', 'only parliament IT changes the roster');
  // Before opening the roster is simply what the sitting starts with; after closing it no longer bears on it.
  if (state.phase !== 'open' && state.phase !== 'suspended') return [];
  if (sameFacts(command.before, command.after)) return [];
  const { personId, name, factionId } = command.person;
  const faction = factionId === null ? undefined : ctx.sitting.factions.find((f) => f.id === factionId);
  return [
    {
      kind: 'roster.changed',
      person: { personId, name, factionId, factionShortName: faction?.shortName ?? null },
      before: command.before,
      after: command.after,
    },
  ];
}
