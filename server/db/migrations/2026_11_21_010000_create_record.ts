import { sql, type Kysely } from 'kysely';

// The sitting's record (append-only, hash-chained), ballots (one per member and vote, enforced here),
// prepared votes, per-vote pseudonym secrets, and the rulebooks. SQL for PostgreSQL 15 and PGlite.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_entries')
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('restrict'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_entries_pkey', ['sitting_id', 'seq'])
    .execute();

  await db.schema
    .createTable('vote_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('named', 'pseudonymous')`))
    .addColumn('options', 'jsonb', (c) => c.notNull())
    .addColumn('abstention', 'boolean', (c) => c.notNull())
    .addColumn('majority', 'text')
    .addColumn('live', 'boolean', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.check(sql`duration_seconds > 0`))
    .addColumn('auto_close', 'boolean', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('opened_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('vote_drafts_sitting_idx').on('vote_drafts').column('sitting_id').execute();

  // Never exposed: the link between a member and their pseudonym can only be computed with it.
  await db.schema
    .createTable('vote_secrets')
    .addColumn('vote_id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ballots')
    .addColumn('vote_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('restrict'))
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('cast_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pkey', ['vote_id', 'person_id'])
    .execute();

  await db.schema.alterTable('parliament').addColumn('rulebook', 'jsonb').execute();
  await db.schema.alterTable('sittings').addColumn('rulebook_overrides', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sittings').dropColumn('rulebook_overrides').execute();
  await db.schema.alterTable('parliament').dropColumn('rulebook').execute();
  for (const t of ['ballots', 'vote_secrets', 'vote_drafts', 'record_entries']) await db.schema.dropTable(t).execute();
}
