/**
 * What parliament IT may change about a person. Separation of duties: voting rights belong to
 * members of parliament only (IT, clerks, interpreters and guests never vote), and nobody changes
 * their own roles or voting right: another member of IT has to, and in an open sitting the record says so.
 */
import { RuleViolation } from './errors';
import type { Actor } from './procedure/commands';
import type { RosterFacts } from './procedure/events';

export function checkPersonEdit(editor: Actor, personId: string | null, before: RosterFacts | null, after: RosterFacts | null): void {
  if (after && after.votingRights && !after.roles.includes('member')) {
    throw new RuleViolation('roster.voting_right_needs_member', 'only members of parliament hold a voting right; give the member role too, or no voting right');
  }
  if (editor.personId === null || personId === null || editor.personId !== personId) return;
  const roles = (f: RosterFacts | null) => (f ? [...f.roles].sort().join(',') : '');
  if (before?.votingRights !== after?.votingRights || roles(before) !== roles(after) || after === null) {
    throw new RuleViolation('roster.own_rights', 'nobody changes their own roles or voting right, or removes themselves: ask another member of parliament IT');
  }
}
