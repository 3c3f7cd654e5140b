import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// Sittings can be postponed (the start first announced is kept) and cancelled (a state of its own,
// with the reason); agenda items get the debate time planned for them and links to their documents.
export async function up(db: Kysely<any>): Promise<void> {
  // The check written with the column in 2026_11_21_000000 has PostgreSQL's generated name.
  await db.schema.alterTable('sittings').dropConstraint('sittings_state_check').execute();
  await db.schema
    .alterTable('sittings')
    .addCheckConstraint('sittings_state_check', sql`state in ('scheduled', 'open', 'suspended', 'closed', 'cancelled')`)
    .execute();
  await db.schema
    .alterTable('sittings')
    .addColumn('postponed_from', 'timestamptz')
    .addColumn('cancel_reason', 'text', (c) => c.check(sql`length(cancel_reason) between 1 and 500`))
    .execute();
  await db.schema
    .alterTable('sittings')
    .addCheckConstraint('sittings_cancel_reason', sql`(state = 'cancelled') = (cancel_reason is not null)`)
    .execute();

  await db.schema
    .alterTable('agenda_items')
    .addColumn('debate_minutes', 'integer', (c) => c.check(sql`debate_minutes between 1 and 1440`))
    .addColumn('document_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('agenda_items')
    .addCheckConstraint('agenda_items_document_links', sql`jsonb_typeof(document_links) = 'array' and jsonb_array_length(document_links) <= 20`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agenda_items').dropConstraint('agenda_items_document_links').execute();
  for (const c of ['document_links', 'debate_minutes']) await db.schema.alterTable('agenda_items').dropColumn(c).execute();
  await db.schema.alterTable('sittings').dropConstraint('sittings_cancel_reason').execute();
  for (const c of ['cancel_reason', 'postponed_from']) await db.schema.alterTable('sittings').dropColumn(c).execute();
  // A cancelled sitting has no older state: it becomes scheduled again, with an empty record.
  await sql`update sittings set state = 'scheduled' where state = 'cancelled'`.execute(db);
  await db.schema.alterTable('sittings').dropConstraint('sittings_state_check').execute();
  await db.schema
    .alterTable('sittings')
    .addCheckConstraint('sittings_state_check', sql`state in ('scheduled', 'open', 'suspended', 'closed')`)
    .execute();
}
