import type { Kysely, Transaction } from 'kysely';
import type { Database, SittingRow } from './database';
import type { Sitting } from '../domain/parliament';
import type { SittingState } from '../domain/sitting';
import { mapConstraintError } from './errors';

const conflicts = { sittings_number_key: 'a sitting with this number exists already' };

export function rowToSitting(r: SittingRow): Sitting {
  return { id: r.id, number: r.number, title: r.title, startsAt: r.starts_at, state: r.state };
}

/** Ordered by start (then number); with `page`, only that window. */
export async function listSittings(db: Kysely<Database>, page?: { limit: number; offset: number }): Promise<Sitting[]> {
  let q = db.selectFrom('sittings').selectAll().orderBy('starts_at').orderBy('number').orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return (await q.execute()).map(rowToSitting);
}

export async function findSittingsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Sitting[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('sittings').selectAll().where('id', 'in', ids).execute()).map(rowToSitting);
}

/** Locks the sitting row so agenda edits of one sitting are applied one after another. */
export async function lockSitting(tx: Transaction<Database>, id: string): Promise<Sitting | undefined> {
  const row = await tx.selectFrom('sittings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && rowToSitting(row);
}

export interface SittingFields {
  number: number;
  title: string;
  startsAt: Date;
}

export async function insertSitting(db: Kysely<Database>, s: SittingFields & { id?: string; state?: SittingState }): Promise<Sitting> {
  const row = await db
    .insertInto('sittings')
    .values({
      ...(s.id ? { id: s.id } : {}),
      number: s.number,
      title: s.title,
      starts_at: s.startsAt,
      ...(s.state ? { state: s.state } : {}),
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return rowToSitting(row);
}

export async function updateSitting(db: Kysely<Database>, id: string, s: Partial<SittingFields>): Promise<Sitting | undefined> {
  const row = await db
    .updateTable('sittings')
    .set({
      ...(s.number !== undefined ? { number: s.number } : {}),
      ...(s.title !== undefined ? { title: s.title } : {}),
      ...(s.startsAt !== undefined ? { starts_at: s.startsAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return row && rowToSitting(row);
}

/** Keeps the row's state in step with the record (the record is the truth; the column serves lists). */
export async function setSittingState(tx: Transaction<Database>, id: string, state: SittingState): Promise<void> {
  await tx.updateTable('sittings').set({ state, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Sittings whose procedure may still run (timers to restore after a restart). */
export async function listActiveSittingIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('sittings').select('id').where('state', 'in', ['open', 'suspended']).execute();
  return rows.map((r) => r.id);
}
