import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// A roster import finds its people and factions again by the id of the system they come from
// (external_id), and a person's membership has dates: one who leaves is ended, not deleted, so the
// record of past sittings keeps naming them. Dates are ISO text (YYYY-MM-DD): no time zone to shift them.
const isoDate = (column: string) => sql.raw(`${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('factions')
    .addColumn('external_id', 'text', (c) => c.unique().check(sql`length(external_id) between 1 and 200`))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('external_id', 'text', (c) => c.unique().check(sql`length(external_id) between 1 and 200`))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('member_from', 'text', (c) => c.check(isoDate('member_from')))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('member_to', 'text', (c) => c.check(isoDate('member_to')))
    .execute();
  await db.schema
    .alterTable('people')
    .addCheckConstraint('people_membership_order', sql`member_to is null or member_from is null or member_to >= member_from`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropConstraint('people_membership_order').execute();
  for (const c of ['member_to', 'member_from', 'external_id']) await db.schema.alterTable('people').dropColumn(c).execute();
  await db.schema.alterTable('factions').dropColumn('external_id').execute();
}
