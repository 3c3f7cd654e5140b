import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// A prepared vote may be an election: its options are the candidates, `election` holds the seats to fill.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vote_drafts').addColumn('election', 'jsonb').execute();
  await db.schema
    .alterTable('vote_drafts')
    .addCheckConstraint(
      'vote_drafts_election',
      sql`election is null or (jsonb_typeof(election) = 'object' and jsonb_typeof(election -> 'seats') = 'number' and (election ->> 'seats')::numeric between 1 and 50)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vote_drafts').dropConstraint('vote_drafts_election').execute();
  await db.schema.alterTable('vote_drafts').dropColumn('election').execute();
}
