import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './database';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: 'postgres' | 'pglite';
  /** The embedded engine, for dumps (test templates, backups); undefined on PostgreSQL. */
  readonly pglite?: PGlite;
  /** Round-trip to the database, for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir: a folder, or undefined for memory; loadDataDir: a dump to start from (test templates). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 20 });
    // An idle client dropped by the server (restart, failover, admin) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (error) => process.stderr.write(`postgres | idle client error: ${error.message}\n`));
    return handle(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', async () => {}, undefined);
  }
  if (target.dataDir) await fs.mkdir(path.dirname(target.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  // PGlite's own node-postgres adapter: one connection, queued by pg's Pool, so concurrent
  // requests serialise instead of interleaving inside one another's transactions.
  const pool = new pg.Pool(createPgConfig(pglite));
  return handle(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'pglite', () => pglite.close(), pglite);
}

function handle(db: Kysely<Database>, kind: DatabaseHandle['kind'], closeEngine: () => Promise<void>, pglite: PGlite | undefined): DatabaseHandle {
  let closed = false;
  return {
    db,
    kind,
    ...(pglite ? { pglite } : {}),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await closeEngine();
    },
  };
}
