import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any>, imports no app code. SQL accepted by PostgreSQL 15 and PGlite (18).
// A person is the identity provider's account (issuer + subject), bound at its first sign-in, for good:
// the username is only the label that finds the person for that first sign-in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_identities')
    .addColumn('issuer', 'text', (c) => c.notNull().check(sql`length(issuer) between 1 and 2048`))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`length(subject) between 1 and 255`))
    // One account per person and one person per account: a second account can never take a bound person.
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id').onDelete('cascade'))
    .addColumn('bound_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('person_identities_pkey', ['issuer', 'subject'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_identities').execute();
}
