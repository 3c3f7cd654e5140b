/**
 * Who asks to enter a sitting, as the lobby names them: a roster person by their person id, an
 * account with no person by a stable id of the account (issuer and subject; never the username,
 * which the identity provider may give to someone else). Media peers of such guests carry the same id.
 */
import { createHash } from 'node:crypto';
import type { AuthUser } from '../../auth';
import type { Entrant } from '../../domain/procedure/events';
import { fullName, type Person } from '../../domain/parliament';

/** `account:` and 32 hex digits of SHA-256 over issuer and subject. */
export function accountEntrantId(user: Pick<AuthUser, 'issuer' | 'subject'>): string {
  return `account:${createHash('sha256').update(`${user.issuer}\n${user.subject}`).digest('hex').slice(0, 32)}`;
}

export function entrantOf(user: AuthUser, person: Person | undefined): Entrant {
  if (person) return { entrantId: person.id, name: fullName(person), personId: person.id };
  return { entrantId: accountEntrantId(user), name: user.name, personId: null };
}
