import { sql, type Kysely, type Transaction } from 'kysely';
import type { BoothRow, Database } from './database';
import type { Booth, Person } from '../domain/parliament';
import type { BoothFields } from '../domain/booths';
import { mapConstraintError } from './errors';
import { rowToPerson } from './people';

/** A person with the last day of their membership (YYYY-MM-DD), as staffing judges them. */
export type PersonWithEnd = Person & { readonly memberTo: string | null };

const conflicts = { booths_pkey: 'a booth with this id exists already' };

export function rowToBooth(r: BoothRow): Booth {
  return { id: r.id, language: r.language, name: r.name, kind: r.kind };
}

export async function listBooths(db: Kysely<Database>): Promise<Booth[]> {
  return (await db.selectFrom('booths').selectAll().orderBy('id').execute()).map(rowToBooth);
}

export async function insertBooth(db: Kysely<Database>, b: Booth): Promise<void> {
  await db
    .insertInto('booths')
    .values({ id: b.id, language: b.language, name: b.name, kind: b.kind })
    .execute()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
}

export async function updateBooth(db: Kysely<Database>, id: string, b: Partial<BoothFields>): Promise<Booth | undefined> {
  const row = await db
    .updateTable('booths')
    .set({
      ...(b.language !== undefined ? { language: b.language } : {}),
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.kind !== undefined ? { kind: b.kind } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && rowToBooth(row);
}

export async function deleteBooth(db: Kysely<Database>, id: string): Promise<boolean> {
  const res = await db.deleteFrom('booths').where('id', '=', id).executeTakeFirst();
  return res.numDeletedRows > 0n;
}

/**
 * Booth changes and assignments queue on this lock, so the rules see the booths and their staff as
 * they are (two new booths of one language, a removal beside an assignment to it).
 */
export async function lockBooths(tx: Transaction<Database>): Promise<void> {
  await sql`lock table booths in share row exclusive mode`.execute(tx);
}

/** The people assigned to a booth, by name. */
export async function peopleInBooth(db: Kysely<Database>, boothId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('booth_id', '=', boothId)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}` }));
}

/** Sets a person's booth (null: none); false when there is no such person. */
export async function setPersonBooth(db: Kysely<Database>, personId: string, boothId: string | null): Promise<boolean> {
  const res = await db.updateTable('people').set({ booth_id: boothId, updated_at: new Date() }).where('id', '=', personId).executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

export async function findPersonWithEnd(db: Kysely<Database>, id: string): Promise<PersonWithEnd | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...rowToPerson(row), memberTo: row.member_to };
}

/** Everyone with the interpreter role, by name. */
export async function listInterpreters(db: Kysely<Database>): Promise<PersonWithEnd[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where(sql<boolean>`roles @> '["interpreter"]'::jsonb`)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...rowToPerson(row), memberTo: row.member_to }));
}
