import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { Rulebook } from '../domain/rulebook';
import { upgradeRulebook } from '../domain/rulebook/upgrade';

export async function getParliamentRulebook(db: Kysely<Database>): Promise<Rulebook | null> {
  const row = await db.selectFrom('parliament').select('rulebook').executeTakeFirst();
  // Stored before fields were added (order measures, floor discipline): read with the behaviour of its time.
  return row?.rulebook ? upgradeRulebook(row.rulebook) : null;
}

export async function setParliamentRulebook(db: Kysely<Database>, rulebook: Rulebook): Promise<void> {
  await db
    .updateTable('parliament')
    .set({ rulebook: JSON.stringify(rulebook) })
    .execute();
}

/** The sitting's rulebook overrides as stored (unparsed), or null when it has none. */
export async function getSittingRulebookOverrides(db: Kysely<Database>, sittingId: string): Promise<unknown> {
  const row = await db.selectFrom('sittings').select('rulebook_overrides').where('id', '=', sittingId).executeTakeFirst();
  return row?.rulebook_overrides ?? null;
}

export async function setSittingRulebookOverrides(db: Kysely<Database>, sittingId: string, overrides: unknown): Promise<boolean> {
  const res = await db
    .updateTable('sittings')
    .set({ rulebook_overrides: overrides === null ? null : JSON.stringify(overrides) })
    .where('id', '=', sittingId)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}
