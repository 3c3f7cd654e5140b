import type { Kysely } from 'kysely';
import type { Database } from './database';

export interface Account {
  readonly issuer: string;
  readonly subject: string;
}

/** The person this account is bound to, if it is. */
export async function findBoundPerson(db: Kysely<Database>, account: Account): Promise<string | undefined> {
  const row = await db
    .selectFrom('person_identities')
    .select('person_id')
    .where('issuer', '=', account.issuer)
    .where('subject', '=', account.subject)
    .executeTakeFirst();
  return row?.person_id;
}

/**
 * The person named `username`, bound to this account if neither is bound yet, in one statement
 * (two first sign-ins at once cannot both win). Answers who is bound to the account afterwards, or
 * `taken` when the person is bound to another account, or undefined when nobody has this username.
 */
export async function bindByUsername(db: Kysely<Database>, account: Account, username: string): Promise<{ personId: string } | { taken: string } | undefined> {
  const person = await db.selectFrom('people').select('id').where('username', '=', username).executeTakeFirst();
  if (!person) return undefined;
  await db
    .insertInto('person_identities')
    .values({ issuer: account.issuer, subject: account.subject, person_id: person.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const bound = await findBoundPerson(db, account);
  return bound !== undefined ? { personId: bound } : { taken: person.id };
}

/** Whether the person is bound to some account (the roster shows it; nothing else may change it). */
export async function boundPersonIds(db: Kysely<Database>, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('person_identities').select('person_id').where('person_id', 'in', personIds).execute();
  return new Set(rows.map((r) => r.person_id));
}
