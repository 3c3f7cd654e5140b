import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// The parliament's own settings (short name, legislative term, floor language, time zone, the rulebook's
// overrides over its preset) and the hash-chained admin log of every back-office change.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('parliament')
    .addColumn('short_name', 'text', (c) => c.check(sql`length(short_name) between 1 and 40`))
    .addColumn('term_name', 'text', (c) => c.check(sql`length(term_name) between 1 and 200`))
    // ISO dates as text: a calendar date has no zone, and pg would parse a date column into a local Date.
    .addColumn('term_starts_on', 'text', (c) => c.check(sql`term_starts_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('term_ends_on', 'text', (c) => c.check(sql`term_ends_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('floor_language', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Berlin'))
    // The overrides as entered, beside `rulebook` (the preset with them applied, what sittings open with).
    .addColumn('rulebook_overrides', 'jsonb')
    .execute();

  await db.schema
    .createTable('admin_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().check(sql`seq > 0`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_username', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_log').execute();
  for (const column of ['rulebook_overrides', 'time_zone', 'floor_language', 'term_ends_on', 'term_starts_on', 'term_name', 'short_name']) {
    await db.schema.alterTable('parliament').dropColumn(column).execute();
  }
}
