/**
 * "Nothing changed", made checkable: a digest of every table the app writes (sign-in sessions
 * aside) and of the procedure engine's in-memory state of the sittings named. Equal digests before
 * and after a refused call mean the call wrote nothing and moved no engine.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { App } from '../app';

/** Sessions change with every sign-in and are not parliament data; migrations never change here. */
const ignored = new Set(['sessions', 'kysely_migration', 'kysely_migration_lock']);

export async function tableNames(app: App): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(app.database.db);
  return rows.map((r) => r.table_name).filter((t) => !ignored.has(t));
}

export async function stateFingerprint(app: App, tables: readonly string[], sittingIds: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables) {
    // Table names come from information_schema, not from input.
    const { rows } = await sql<{ h: string | null; n: string | number }>`
      select md5(string_agg(t::text, E'\n' order by t::text)) as h, count(*) as n from ${sql.table(table)} t`.execute(app.database.db);
    hash.update(`${table}:${String(rows[0]?.n)}:${rows[0]?.h ?? ''}\n`);
  }
  for (const id of sittingIds) {
    const snap = await app.services.procedure.snapshot(id);
    hash.update(`${id}:${snap.seq}:${JSON.stringify(snap.state)}\n`);
  }
  return hash.digest('hex');
}
