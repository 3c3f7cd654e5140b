import type { Kysely, Transaction } from 'kysely';
import type { Database, SittingRow } from './database';
import type { Sitting } from '../domain/parliament';
import { assertFollowsRecord, type SittingState } from '../domain/sitting';
import { mapConstraintError } from './errors';

const conflicts = { sittings_number_key: 'a sitting with this number exists already' };

export function rowToSitting(r: SittingRow): Sitting {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    startsAt: r.starts_at,
    state: r.state,
    postponedFrom: r.postponed_from,
    cancelReason: r.cancel_reason,
  };
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

/**
 * Keeps the row's state in step with the record (the record is the truth; the column serves lists).
 * A cancelled sitting stays cancelled: the record's writer is refused (and its commit undone) if it
 * would open one, whichever of the two came first.
 */
export async function setSittingState(tx: Transaction<Database>, id: string, state: SittingState): Promise<void> {
  const row = await tx.selectFrom('sittings').select('state').where('id', '=', id).forUpdate().executeTakeFirst();
  if (row) assertFollowsRecord(row.state, state);
  await tx.updateTable('sittings').set({ state, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Moves a scheduled sitting to a later start, keeping the start first announced. The caller holds the row's lock. */
export async function postponeSitting(tx: Transaction<Database>, id: string, startsAt: Date): Promise<Sitting | undefined> {
  const row = await tx
    .updateTable('sittings')
    .set((eb) => ({ starts_at: startsAt, postponed_from: eb.fn.coalesce('postponed_from', 'starts_at'), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && rowToSitting(row);
}

/** The caller holds the row's lock and has checked that the sitting may be cancelled. */
export async function cancelSitting(tx: Transaction<Database>, id: string, reason: string): Promise<Sitting | undefined> {
  const row = await tx
    .updateTable('sittings')
    .set({ state: 'cancelled', cancel_reason: reason, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && rowToSitting(row);
}

/** How many entries the sitting's record holds (a sitting with any is never deleted). */
export async function countRecordEntries(db: Kysely<Database> | Transaction<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('record_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('sitting_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Of these sittings, those whose record holds at least one entry. */
export async function sittingsWithRecord(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('record_entries').select('sitting_id').distinct().where('sitting_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.sitting_id));
}

/** Deletes the sitting and what hangs on it by cascade (agenda, prepared votes, arrangements). The caller has checked the record is empty. */
export async function deleteSitting(tx: Transaction<Database>, id: string): Promise<void> {
  await tx.deleteFrom('sittings').where('id', '=', id).execute();
}

/** Sittings whose procedure may still run (timers to restore after a restart). */
export async function listActiveSittingIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('sittings').select('id').where('state', 'in', ['open', 'suspended']).execute();
  return rows.map((r) => r.id);
}
