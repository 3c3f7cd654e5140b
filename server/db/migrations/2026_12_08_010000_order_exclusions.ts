import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// Exclusions from sittings (order measures) outlast the sitting they were imposed in: one row per
// exclusion (its id is the record's exclusionId), so a later sitting knows whom it must keep out.
// The days served are counted from the record (sittings opened after it), not stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_exclusions')
    .addColumn('exclusion_id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('sitting_id', 'text', (c) => c.notNull())
    .addColumn('sitting_days', 'integer', (c) => c.notNull().check(sql`sitting_days between 1 and 60`))
    .addColumn('excluded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('objection_lodged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('objection_text', 'text', (c) => c.check(sql`length(objection_text) <= 2000`))
    // Set when an objection was upheld: the exclusion ends.
    .addColumn('lifted_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('order_exclusions_in_force').on('order_exclusions').column('person_id').where(sql.ref('lifted_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_exclusions').execute();
}
