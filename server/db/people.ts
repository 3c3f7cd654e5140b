import { sql, type Kysely } from 'kysely';
import type { Database, PersonRow } from './database';
import type { Person } from '../domain/parliament';
import type { StoredPerson } from '../domain/roster-import/model';
import { mapConstraintError } from './errors';

const conflicts = {
  people_username_key: 'a person with this username exists already',
  people_faction_id_fkey: 'the faction does not exist',
  people_booth_id_fkey: 'the booth does not exist',
};

export function rowToPerson(r: PersonRow): Person {
  return {
    id: r.id,
    username: r.username,
    givenName: r.given_name,
    familyName: r.family_name,
    title: r.title,
    email: r.email,
    factionId: r.faction_id,
    office: r.office,
    roles: r.roles,
    votingRights: r.voting_rights,
    boothId: r.booth_id,
  };
}

/** A page of people: at most `limit`, after skipping `offset`, in a stable order (name, then id). */
export interface PeoplePage {
  readonly limit: number;
  readonly offset: number;
}

export interface PeopleFilter {
  readonly factionIds?: readonly string[];
  /** Only people whose membership has not ended by this day (YYYY-MM-DD): an ended person stays in the records, not in the lists. */
  readonly currentOn?: string;
}

export async function listPeople(db: Kysely<Database>, filter: PeopleFilter = {}, page?: PeoplePage): Promise<Person[]> {
  let q = db.selectFrom('people').selectAll();
  const day = filter.currentOn;
  if (day !== undefined) q = q.where((w) => w.or([w('member_to', 'is', null), w('member_to', '>', day)]));
  if (filter.factionIds) {
    if (filter.factionIds.length === 0) return [];
    q = q.where('faction_id', 'in', filter.factionIds);
  }
  q = q.orderBy('family_name').orderBy('given_name').orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  return rows.map(rowToPerson);
}

export async function findPersonByUsername(db: Kysely<Database>, username: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('username', '=', username).executeTakeFirst();
  return row && rowToPerson(row);
}

export async function findPersonById(db: Kysely<Database>, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToPerson(row);
}

export type PersonFields = Omit<Person, 'id'>;

function toColumns(p: Partial<PersonFields>) {
  return {
    ...(p.username !== undefined ? { username: p.username } : {}),
    ...(p.givenName !== undefined ? { given_name: p.givenName } : {}),
    ...(p.familyName !== undefined ? { family_name: p.familyName } : {}),
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    ...(p.factionId !== undefined ? { faction_id: p.factionId } : {}),
    ...(p.office !== undefined ? { office: p.office } : {}),
    ...(p.roles !== undefined ? { roles: JSON.stringify(p.roles) } : {}),
    ...(p.votingRights !== undefined ? { voting_rights: p.votingRights } : {}),
    ...(p.boothId !== undefined ? { booth_id: p.boothId } : {}),
  };
}

export async function insertPerson(db: Kysely<Database>, p: PersonFields & { id?: string }): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({
      ...(p.id ? { id: p.id } : {}),
      username: p.username,
      given_name: p.givenName,
      family_name: p.familyName,
      roles: JSON.stringify(p.roles),
      voting_rights: p.votingRights,
      ...toColumns({ title: p.title, email: p.email, factionId: p.factionId, office: p.office, boothId: p.boothId }),
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return rowToPerson(row);
}

export async function updatePerson(db: Kysely<Database>, id: string, p: Partial<PersonFields>): Promise<Person | undefined> {
  const row = await db
    .updateTable('people')
    .set({ ...toColumns(p), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return row && rowToPerson(row);
}

export async function deletePerson(db: Kysely<Database>, id: string): Promise<boolean> {
  const res = await db.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return res.numDeletedRows > 0n;
}

// ---- the roster as an import or export sees it (server/domain/roster-import)

export function rowToStoredPerson(r: PersonRow): StoredPerson {
  return { ...rowToPerson(r), externalId: r.external_id, memberFrom: r.member_from, memberTo: r.member_to };
}

export async function listStoredPeople(db: Kysely<Database>): Promise<StoredPerson[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('family_name').orderBy('given_name').orderBy('id').execute();
  return rows.map(rowToStoredPerson);
}

export async function findStoredPerson(db: Kysely<Database>, id: string): Promise<StoredPerson | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToStoredPerson(row);
}

/** Every field an import sets; the booth is not the roster's and is left as it is. */
export type ImportedPersonFields = Omit<StoredPerson, 'id' | 'externalId'> & { readonly externalId: string };

function importedColumns(p: ImportedPersonFields) {
  return {
    external_id: p.externalId,
    username: p.username,
    given_name: p.givenName,
    family_name: p.familyName,
    title: p.title,
    email: p.email,
    faction_id: p.factionId,
    office: p.office,
    roles: JSON.stringify(p.roles),
    voting_rights: p.votingRights,
    member_from: p.memberFrom,
    member_to: p.memberTo,
    updated_at: new Date(),
  };
}

/** Many people in few statements (an import adds thousands): in chunks, answered in the order given. */
export async function insertImportedPeople(db: Kysely<Database>, people: readonly ImportedPersonFields[], chunk = 500): Promise<StoredPerson[]> {
  const out: StoredPerson[] = [];
  for (let i = 0; i < people.length; i += chunk) {
    const part = people.slice(i, i + chunk);
    const rows = await db
      .insertInto('people')
      .values(part.map(importedColumns))
      .returningAll()
      .execute()
      .catch((e: unknown) => mapConstraintError(e, conflicts));
    const byExternalId = new Map(rows.map((r) => [r.external_id, r]));
    for (const p of part) {
      const row = byExternalId.get(p.externalId);
      if (!row) throw new Error(`the insert did not return ${p.externalId}`);
      out.push(rowToStoredPerson(row));
    }
  }
  return out;
}

export async function updateImportedPerson(db: Kysely<Database>, id: string, p: ImportedPersonFields): Promise<StoredPerson | undefined> {
  const row = await db
    .updateTable('people')
    .set(importedColumns(p))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return row && rowToStoredPerson(row);
}

/**
 * Whether a sitting's record names the person: a ballot, an entry they made, or an entry about them
 * (a speech, a call to order). Such a person is ended, never deleted: the record must keep naming them.
 */
export async function personInRecord(db: Kysely<Database>, id: string): Promise<boolean> {
  const ballot = await db.selectFrom('ballots').select('vote_id').where('person_id', '=', id).limit(1).executeTakeFirst();
  if (ballot) return true;
  const entry = await db
    .selectFrom('record_entries')
    .select('seq')
    .where((eb) => eb.or([eb('actor_id', '=', id), eb(sql<number>`position(${id} in payload::text)`, '>', 0)]))
    .limit(1)
    .executeTakeFirst();
  return entry !== undefined;
}

/** Ends a membership on `day` (YYYY-MM-DD): the voting right goes with it; the person and their record stay. */
export async function endMembership(db: Kysely<Database>, id: string, day: string): Promise<StoredPerson | undefined> {
  return setMembershipEnd(db, id, day, false);
}

/** The end of a membership and the voting right, as they were (to take an ending back). */
export async function setMembershipEnd(db: Kysely<Database>, id: string, memberTo: string | null, votingRights: boolean): Promise<StoredPerson | undefined> {
  const row = await db
    .updateTable('people')
    .set({ member_to: memberTo, voting_rights: votingRights, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && rowToStoredPerson(row);
}
