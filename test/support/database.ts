import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../server/db/connection';
import { migrateToLatest } from '../../server/db/migrator';
import { readFixture, seedIfEmpty } from '../../server/services/seed';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; the real PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL names a server. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return postgresAdminUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * One kind, for tests too long to run twice: PostgreSQL when there is one (what a parliament runs;
 * its memory is its own process's, not the test's), else PGlite.
 */
export function preferredTestDatabaseKind(): TestDatabaseKind {
  return postgresAdminUrl() ? 'postgres' : 'pglite';
}

function postgresAdminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export interface TestDatabase extends DatabaseHandle {
  /** For a postgres test database: its connection string (to start a server against it). */
  readonly url?: string;
}

let template: Promise<Blob> | undefined;

/** A migrated, seeded PGlite dumped once per test process: initdb costs seconds and hundreds of MB, loading a dump does not. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const h = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(h.db);
    await seedIfEmpty(h.db, await readFixture());
    const dump = await h.pglite!.dumpDataDir('none');
    await h.close();
    return dump;
  })();
  return template;
}

/** A fresh database with the schema and the demo parliament; `close()` drops it. */
export async function createTestDatabase(kind: TestDatabaseKind, opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  const seed = opts.seed ?? true;
  if (kind === 'pglite') {
    if (!seed) {
      const h = await openDatabase({ kind: 'pglite' });
      await migrateToLatest(h.db);
      return h;
    }
    return openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate() });
  }
  const admin = postgresAdminUrl();
  if (!admin) throw new Error('postgres test database requested but neither TEST_DATABASE_URL nor DATABASE_URL is set');
  const name = `plenum_test_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`create database ${name}`);
  await adminClient.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const h = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  await migrateToLatest(h.db);
  if (seed) await seedIfEmpty(h.db, await readFixture());
  return {
    ...h,
    url: url.toString(),
    close: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
