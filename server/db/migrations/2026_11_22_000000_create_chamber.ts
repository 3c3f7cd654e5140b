import type { Kysely } from 'kysely';

// The chamber's arrangements per sitting (booths on air, relays, subrooms): small, changed as a whole.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chamber_states')
    .addColumn('sitting_id', 'text', (c) => c.primaryKey().references('sittings.id').onDelete('cascade'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chamber_states').execute();
}
