import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';
import { NO_ARRANGEMENTS, type Arrangements } from '../domain/arrangements';

/** The sitting's arrangements (booths on air, relays, subrooms), locked for update inside `tx` so that concurrent changes queue. */
export async function lockArrangements(tx: Transaction<Database>, sittingId: string, at: Date): Promise<Arrangements> {
  // A row to lock even on the first change, so two first changes queue instead of overwriting.
  await tx
    .insertInto('chamber_states')
    .values({ sitting_id: sittingId, state: JSON.stringify(NO_ARRANGEMENTS), updated_at: at })
    .onConflict((oc) => oc.column('sitting_id').doNothing())
    .execute();
  const row = await tx.selectFrom('chamber_states').select('state').where('sitting_id', '=', sittingId).forUpdate().executeTakeFirstOrThrow();
  return row.state as Arrangements;
}

export async function findArrangements(db: Kysely<Database>, sittingId: string): Promise<Arrangements> {
  const row = await db.selectFrom('chamber_states').select('state').where('sitting_id', '=', sittingId).executeTakeFirst();
  return row ? (row.state as Arrangements) : NO_ARRANGEMENTS;
}

export async function saveArrangements(tx: Transaction<Database>, sittingId: string, state: Arrangements, at: Date): Promise<void> {
  await tx
    .updateTable('chamber_states')
    .set({ state: JSON.stringify(state), updated_at: at })
    .where('sitting_id', '=', sittingId)
    .execute();
}

/** The arrangements of every open or suspended sitting: where booths are live now. */
export async function listLiveArrangements(db: Kysely<Database>): Promise<{ sittingId: string; arrangements: Arrangements }[]> {
  const rows = await db
    .selectFrom('sittings')
    .leftJoin('chamber_states', 'chamber_states.sitting_id', 'sittings.id')
    .select(['sittings.id as sittingId', 'chamber_states.state'])
    .where('sittings.state', 'in', ['open', 'suspended'])
    .orderBy('sittings.id')
    .execute();
  return rows.map((r) => ({ sittingId: r.sittingId, arrangements: r.state ? (r.state as Arrangements) : NO_ARRANGEMENTS }));
}
