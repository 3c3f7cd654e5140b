import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AdminLogTable, Database } from './database';
import { asLogged, chainAdminEntry, type AdminActor, type StoredAdminEntry } from '../domain/admin-log';

export interface AdminChange {
  readonly actor: AdminActor;
  readonly action: string;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends one change to the admin log. Call it inside the transaction that makes the change, so the
 * change and its entry commit or roll back together; the table lock orders concurrent appends.
 */
export async function appendAdminLog(tx: Transaction<Database>, at: Date, change: AdminChange): Promise<StoredAdminEntry> {
  await sql`lock table admin_log in share row exclusive mode`.execute(tx);
  const head = await tx.selectFrom('admin_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const entry = chainAdminEntry(head ?? null, {
    at: at.toISOString(),
    actor: { username: change.actor.username, personId: change.actor.personId },
    action: change.action,
    subject: change.subject,
    before: asLogged(change.before),
    after: asLogged(change.after),
  });
  await tx
    .insertInto('admin_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor_username: entry.actor.username,
      actor_person_id: entry.actor.personId,
      action: entry.action,
      subject: entry.subject,
      before: JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  return entry;
}

function toEntry(r: Selectable<AdminLogTable>): StoredAdminEntry {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: { username: r.actor_username, personId: r.actor_person_id },
    action: r.action,
    subject: r.subject,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Newest first. */
export async function listAdminLog(db: Kysely<Database>, page: { limit: number; offset: number }): Promise<StoredAdminEntry[]> {
  const rows = await db.selectFrom('admin_log').selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map(toEntry);
}

export async function countAdminLog(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('admin_log')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The whole log, oldest first: for export and verification. */
export async function loadAdminLog(db: Kysely<Database>): Promise<StoredAdminEntry[]> {
  const rows = await db.selectFrom('admin_log').selectAll().orderBy('seq', 'asc').execute();
  return rows.map(toEntry);
}
