import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/database';
import { findPersonByUsername } from '../db/people';
import { roles as allRoles } from '../domain/parliament';
import { readFixture } from '../services/seed';

/** An account of the development provider: what its tokens say about a person. */
export interface DevAccount {
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface DevAccounts {
  /** The person in Plenum's database with this username, else the demo parliament's (fixtures/parliament.json). */
  find(username: string): Promise<DevAccount | undefined>;
  /** The one development password. */
  passwordMatches(password: string): boolean;
  /** One demo username per role, for the sign-in page. */
  readonly examples: readonly string[];
}

export const devPassword = 'plenum';
const devPasswordDigest = createHash('sha256').update(devPassword).digest();

/**
 * Everyone in the database can sign in (so imported or benchmark members can), and the fixture's
 * people always can, so that a fresh, empty database can still be administered (it.admin).
 */
export async function loadDevAccounts(db: Kysely<Database>): Promise<DevAccounts> {
  const fixture = await readFixture();
  const demo = new Map<string, DevAccount>(
    fixture.people.map((p) => [
      p.username,
      { username: p.username, givenName: p.givenName, familyName: p.familyName, email: p.email ?? `${p.username}@plenum.test`, roles: p.roles },
    ]),
  );
  const examples: string[] = [];
  for (const role of allRoles) {
    const person = fixture.people.find((p) => p.roles.includes(role) && !examples.some((e) => e.startsWith(`${p.username} `)));
    if (person) examples.push(`${person.username} (${role})`);
  }
  return {
    find: async (username) => {
      const person = await findPersonByUsername(db, username);
      if (!person) return demo.get(username);
      return {
        username: person.username,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email ?? `${person.username}@plenum.test`,
        roles: person.roles,
      };
    },
    passwordMatches: (password) => timingSafeEqual(createHash('sha256').update(password).digest(), devPasswordDigest),
    examples,
  };
}
