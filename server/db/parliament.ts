import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { Parliament } from '../domain/parliament';

export async function getParliament(db: Kysely<Database>): Promise<Parliament | undefined> {
  const row = await db.selectFrom('parliament').select(['name', 'statutory_members']).executeTakeFirst();
  return row && { name: row.name, statutoryMembers: row.statutory_members };
}

export async function upsertParliament(db: Kysely<Database>, p: Parliament): Promise<void> {
  await db
    .insertInto('parliament')
    .values({ id: 1, name: p.name, statutory_members: p.statutoryMembers })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: p.name, statutory_members: p.statutoryMembers }))
    .execute();
}
