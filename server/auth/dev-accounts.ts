import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/database';
import { findPersonById, findPersonByUsername } from '../db/people';
import type { Person } from '../domain/parliament';
import { roles as allRoles } from '../domain/parliament';
import { fixturePersonId, readFixture, type Fixture } from '../services/seed';

/** An account of the development provider: what its tokens say about a person. */
export interface DevAccount {
  /** The token's `sub`: the person's id, which no edit changes (a fixture person's is derived from the fixture). */
  readonly subject: string;
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface DevAccounts {
  /** The account that signs in with this username: the person in Plenum's database, else the demo parliament's (fixtures/parliament.json). */
  find(username: string): Promise<DevAccount | undefined>;
  /** The account behind a `sub` this provider issued. */
  findBySubject(subject: string): Promise<DevAccount | undefined>;
  /** The one development password. */
  passwordMatches(password: string): boolean;
  /** One demo username per role, for the sign-in page. */
  readonly examples: readonly string[];
}

export const devPassword = 'plenum';
const devPasswordDigest = createHash('sha256').update(devPassword).digest();

type FixturePerson = Fixture['people'][number];

function fromPerson(person: Person): DevAccount {
  return {
    subject: person.id,
    username: person.username,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email ?? `${person.username}@plenum.test`,
    roles: person.roles,
  };
}

function fromFixture(p: FixturePerson): DevAccount {
  return {
    subject: fixturePersonId(p.username),
    username: p.username,
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email ?? `${p.username}@plenum.test`,
    roles: p.roles,
  };
}

/**
 * Everyone in the database can sign in (so imported or benchmark members can), and the fixture's
 * people always can, so that a fresh, empty database can still be administered (it.admin).
 * Like a real provider's, an account keeps its `sub` for life: it is the person's id, never the username.
 */
export async function loadDevAccounts(db: Kysely<Database>): Promise<DevAccounts> {
  const fixture = await readFixture();
  const demo = new Map(fixture.people.map((p) => [p.username, p]));
  const demoBySubject = new Map(fixture.people.map((p) => [fixturePersonId(p.username), p]));
  const examples: string[] = [];
  for (const role of allRoles) {
    const person = fixture.people.find((p) => p.roles.includes(role) && !examples.some((e) => e.startsWith(`${p.username} `)));
    if (person) examples.push(`${person.username} (${role})`);
  }
  return {
    find: async (username) => {
      const person = await findPersonByUsername(db, username);
      if (person) return fromPerson(person);
      const p = demo.get(username);
      if (!p) return undefined;
      // A fixture person who was renamed signs in under the new username only.
      return (await findPersonById(db, fixturePersonId(p.username))) ? undefined : fromFixture(p);
    },
    findBySubject: async (subject) => {
      const person = await findPersonById(db, subject);
      if (person) return fromPerson(person);
      const p = demoBySubject.get(subject);
      return p && fromFixture(p);
    },
    passwordMatches: (password) => timingSafeEqual(createHash('sha256').update(password).digest(), devPasswordDigest),
    examples,
  };
}
