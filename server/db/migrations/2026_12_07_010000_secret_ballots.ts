import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// Secret ballots (RFC 9474 blind signatures). Three tables, none with a timestamp or a serial, so that
// nothing orders the issue of tokens or joins a ballot to a person:
// - secret_vote_keys: the signing key of an open secret vote (deleted when it closes or is cancelled);
//   keyed by the public key too, so a refused opening's key never stands in for the one the record pins;
// - ballot_tokens_issued: which member took a token (and the blind signature, to answer a retry alike);
// - secret_ballots: token hash and option, one row per token (the primary key spends a token once).
export async function up(db: Kysely<any>): Promise<void> {
  // The check written with the column in 2026_11_21_010000 has PostgreSQL's generated name.
  await db.schema.alterTable('vote_drafts').dropConstraint('vote_drafts_kind_check').execute();
  await db.schema
    .alterTable('vote_drafts')
    .addCheckConstraint('vote_drafts_kind_check', sql`kind in ('named', 'pseudonymous', 'secret')`)
    .execute();

  await db.schema
    .createTable('secret_vote_keys')
    .addColumn('vote_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull().check(sql`length(public_key) between 1 and 1000`))
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('secret_vote_keys_pkey', ['vote_id', 'public_key'])
    .execute();

  await db.schema
    .createTable('ballot_tokens_issued')
    .addColumn('vote_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('blinded_message', 'text', (c) => c.notNull().check(sql`length(blinded_message) between 1 and 1000`))
    .addColumn('blind_signature', 'text', (c) => c.notNull().check(sql`length(blind_signature) between 1 and 1000`))
    .addPrimaryKeyConstraint('ballot_tokens_issued_pkey', ['vote_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('secret_ballots')
    .addColumn('vote_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('secret_ballots_pkey', ['vote_id', 'token_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['secret_ballots', 'ballot_tokens_issued', 'secret_vote_keys']) await db.schema.dropTable(t).execute();
  // A secret draft has no older kind: prepared ones go (an opened one stays in its record).
  await sql`delete from vote_drafts where kind = 'secret'`.execute(db);
  await db.schema.alterTable('vote_drafts').dropConstraint('vote_drafts_kind_check').execute();
  await db.schema
    .alterTable('vote_drafts')
    .addCheckConstraint('vote_drafts_kind_check', sql`kind in ('named', 'pseudonymous')`)
    .execute();
}
