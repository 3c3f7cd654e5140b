import { Migrator, sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { DatabaseHandle } from './connection';
import { migrations } from './migrations';

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema up to date; returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new MigrationError(failed?.migrationName, error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** pg_advisory_lock(classid, objid): "Plen" and 1, a pair no other Plenum lock uses (the record's locks are per sitting, on one bigint). */
const MIGRATION_LOCK = { classId: 0x506c656e, objId: 1 } as const;

/**
 * Runs `work` (migrations, then the demo seed) while holding a PostgreSQL session advisory lock, so
 * that instances starting together take turns: the first migrates and seeds, the others then find
 * nothing to do. The lock lives on one connection of its own and ends with it, also when the
 * process dies. PGlite has one process and one connection: nothing to take turns with.
 */
export async function withMigrationLock<T>(database: DatabaseHandle, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (conn) => {
    const { classId, objId } = MIGRATION_LOCK;
    const tried = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${classId}::int, ${objId}::int) as locked`.execute(conn);
    if (!tried.rows[0]?.locked) {
      onWait?.();
      await sql`select pg_advisory_lock(${classId}::int, ${objId}::int)`.execute(conn);
    }
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${classId}::int, ${objId}::int)`.execute(conn);
    }
  });
}
