import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { bindByUsername, findBoundPerson } from '../db/identities';
import type { Logger } from '../log';
import { AuthError } from './errors';
import type { AuthUser, ClaimedUser } from './user';

/** Accounts with no person (or refused) are asked again after this long: IT may have added the person meanwhile. */
const UNBOUND_RETRY_MS = 5_000;
const CACHE_LIMIT = 100_000;

export interface IdentityBinder {
  /**
   * The person bound to the user's account (issuer + subject). An account not yet bound is bound to
   * the person whose username it claims, if that person is bound to no account: once, for good.
   * Throws AuthError IDENTITY_CONFLICT when that person is bound to another account.
   */
  resolve(user: ClaimedUser): Promise<AuthUser>;
}

/**
 * People are bound to the identity provider's account, not to a username: an editor who renames
 * people, or points a username at someone else, changes labels, never who an account acts as.
 */
export function createIdentityBinder(db: Kysely<Database>, log: Logger, now: () => Date = () => new Date()): IdentityBinder {
  // Bindings never change: remembered for good. Misses are remembered briefly.
  const bound = new Map<string, string>();
  const missed = new Map<string, { until: number; conflict: boolean }>();
  const remember = <V>(m: Map<string, V>, key: string, value: V) => {
    if (m.size >= CACHE_LIMIT) m.delete(m.keys().next().value!);
    m.set(key, value);
  };
  const conflict = (user: ClaimedUser) =>
    new AuthError('IDENTITY_CONFLICT', `the username ${user.username} belongs to a person who signs in with another account; this account acts as nobody here`);

  return {
    async resolve(user) {
      const key = `${user.issuer}\n${user.subject}`;
      const hit = bound.get(key);
      if (hit !== undefined) return { ...user, personId: hit };
      const miss = missed.get(key);
      if (miss && miss.until > now().getTime()) {
        if (miss.conflict) throw conflict(user);
        return { ...user, personId: null };
      }
      const account = { issuer: user.issuer, subject: user.subject };
      const existing = await findBoundPerson(db, account);
      const outcome = existing !== undefined ? { personId: existing } : await bindByUsername(db, account, user.username);
      if (outcome && 'personId' in outcome) {
        if (existing === undefined)
          log.info('identity | account bound to person', { issuer: user.issuer, subject: user.subject, username: user.username, person: outcome.personId });
        missed.delete(key);
        remember(bound, key, outcome.personId);
        return { ...user, personId: outcome.personId };
      }
      remember(missed, key, { until: now().getTime() + UNBOUND_RETRY_MS, conflict: outcome !== undefined });
      if (outcome === undefined) return { ...user, personId: null };
      log.warn('identity | refused: the username names a person bound to another account', {
        issuer: user.issuer,
        subject: user.subject,
        username: user.username,
        person: outcome.taken,
      });
      throw conflict(user);
    },
  };
}
