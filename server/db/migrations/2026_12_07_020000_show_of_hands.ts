import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// A vote can be prepared to be taken by show of hands (the chair enters the counts); the secret kind of
// 2026_12_07_010000 stays allowed.
export async function up(db: Kysely<any>): Promise<void> {
  // The check written with the column in 2026_11_21_010000 has PostgreSQL's generated name.
  await db.schema.alterTable('vote_drafts').dropConstraint('vote_drafts_kind_check').execute();
  await db.schema
    .alterTable('vote_drafts')
    .addCheckConstraint('vote_drafts_kind_check', sql`kind in ('named', 'pseudonymous', 'secret', 'show_of_hands')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // A prepared show of hands has no older kind: it becomes an ordinary named vote again.
  await sql`update vote_drafts set kind = 'named' where kind = 'show_of_hands'`.execute(db);
  await db.schema.alterTable('vote_drafts').dropConstraint('vote_drafts_kind_check').execute();
  await db.schema
    .alterTable('vote_drafts')
    .addCheckConstraint('vote_drafts_kind_check', sql`kind in ('named', 'pseudonymous', 'secret')`)
    .execute();
}
