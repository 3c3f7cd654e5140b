import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';
import { EMPTY_CHAMBER, type ChamberState } from '../domain/chamber';

/** The sitting's chamber state, locked for update inside `tx` so that concurrent changes queue. */
export async function lockChamberState(tx: Transaction<Database>, sittingId: string, at: Date): Promise<ChamberState> {
  // A row to lock even on the first change, so two first changes queue instead of overwriting.
  await tx.insertInto('chamber_states').values({ sitting_id: sittingId, state: JSON.stringify(EMPTY_CHAMBER), updated_at: at }).onConflict((oc) => oc.column('sitting_id').doNothing()).execute();
  const row = await tx.selectFrom('chamber_states').select('state').where('sitting_id', '=', sittingId).forUpdate().executeTakeFirstOrThrow();
  return row.state as ChamberState;
}

export async function findChamberState(db: Kysely<Database>, sittingId: string): Promise<ChamberState> {
  const row = await db.selectFrom('chamber_states').select('state').where('sitting_id', '=', sittingId).executeTakeFirst();
  return row ? (row.state as ChamberState) : EMPTY_CHAMBER;
}

export async function saveChamberState(tx: Transaction<Database>, sittingId: string, state: ChamberState, at: Date): Promise<void> {
  await tx.updateTable('chamber_states').set({ state: JSON.stringify(state), updated_at: at }).where('sitting_id', '=', sittingId).execute();
}
