import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../test/support/database';
import { openDatabase } from '../server/db/connection';
import type { Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrator';
import { appendRecord, loadRecord } from '../server/db/record';
import { readFixture, seedIfEmpty } from '../server/services/seed';
import type { ProcedureEvent } from '../server/domain/procedure/events';
import { parseArgs, verifySittingRecord } from './verify-record';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

const events: ProcedureEvent[] = [
  { kind: 'sitting.resumed' },
  { kind: 'agenda.item_called', agendaItemId: 'a1', position: 1, title: 'Eröffnung' },
  { kind: 'floor.extended', floorId: 'f1', seconds: 60 },
  { kind: 'sitting.closed' },
];

async function appendFour(db: Kysely<Database>, sittingId: string): Promise<void> {
  await db.transaction().execute((tx) =>
    appendRecord(
      tx,
      sittingId,
      events.map((event, i) => ({ at: new Date(Date.UTC(2026, 11, 3, 8, 0, i)), actorId: 'p-chair', event })),
    ),
  );
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/verify-record.ts', ...args], { cwd: root, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('verify-record arguments', () => {
  it('takes one sitting and an optional published head', () => {
    const head = 'a'.repeat(64);
    expect(parseArgs(['sitting-42'])).toEqual({ sitting: 'sitting-42', head: undefined });
    expect(parseArgs(['--head', head, '42'])).toEqual({ sitting: '42', head });
    expect(parseArgs([`--head=${head}`, '42'])).toEqual({ sitting: '42', head });
    expect(parseArgs([])).toEqual({ error: 'which sitting?' });
    expect(parseArgs(['a', 'b'])).toMatchObject({ error: expect.stringMatching(/one sitting/) });
    expect(parseArgs(['a', '--head', 'xyz'])).toMatchObject({ error: expect.stringMatching(/hex SHA-256/) });
    expect(parseArgs(['a', '--fix'])).toMatchObject({ error: 'unknown option --fix' });
  });
});

describe.each(testDatabaseKinds())('verify-record on %s', (kind) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await createTestDatabase(kind);
    await appendFour(h.db, 'sitting-42');
  });
  afterAll(() => h.close());

  it('reports an intact record by id or number, and finds a published head', async () => {
    const entries = await loadRecord(h.db, 'sitting-42');
    const head = entries.at(-1)!.hash;
    expect(await verifySittingRecord(h.db, 'sitting-42')).toEqual({ code: 0, out: [`record of sitting-42: 4 entries, chain intact, head ${head}`], err: [] });
    expect((await verifySittingRecord(h.db, '42')).code).toBe(0);
    expect((await verifySittingRecord(h.db, '42', head)).out[1]).toBe('published head found at entry 4 (the last entry)');
    expect((await verifySittingRecord(h.db, '42', entries[1]!.hash)).out[1]).toBe('published head found at entry 2 (2 entries appended since)');
    expect(await verifySittingRecord(h.db, '42', 'f'.repeat(64))).toMatchObject({ code: 1, out: [expect.stringMatching(/published head f{64} is not in it/)] });
  });

  it('names an unknown sitting and the known ones', async () => {
    expect(await verifySittingRecord(h.db, 'sitting-7')).toEqual({
      code: 2,
      out: [],
      err: ['no sitting with id or number "sitting-7"; sittings: sitting-42 (no. 42)'],
    });
  });

  it('names the first entry that does not match', async () => {
    await sql`update record_entries set payload = jsonb_set(payload, '{seconds}', '600') where sitting_id = 'sitting-42' and seq = 3`.execute(h.db);
    const v = await verifySittingRecord(h.db, 'sitting-42');
    expect(v.code).toBe(1);
    expect(v.out).toEqual([
      expect.stringMatching(
        /^record of sitting-42: entry 3 does not match \(hash_mismatch\): entry 3 \(floor\.extended\) hashes to [0-9a-f]{16}…, stored [0-9a-f]{16}…: its content was changed$/,
      ),
    ]);
  });
});

describe('npm run verify-record (a child process)', () => {
  it.skipIf(!testDatabaseKinds().includes('postgres'))('on PostgreSQL through DATABASE_URL: 0 intact, 1 tampered, 2 unknown sitting', async () => {
    const h = await createTestDatabase('postgres');
    try {
      await appendFour(h.db, 'sitting-42');
      const head = (await loadRecord(h.db, 'sitting-42')).at(-1)!.hash;
      const env = { DATABASE_URL: h.url! };

      const ok = await run(['sitting-42', '--head', head], env);
      expect(ok).toMatchObject({ code: 0, stderr: '' });
      expect(ok.stdout).toBe(`record of sitting-42: 4 entries, chain intact, head ${head}\npublished head found at entry 4 (the last entry)\n`);

      await sql`delete from record_entries where sitting_id = 'sitting-42' and seq = 2`.execute(h.db);
      const gap = await run(['42'], env);
      expect(gap.code).toBe(1);
      expect(gap.stdout).toBe('record of sitting-42: entry 3 does not match (seq_gap): expected seq 2, found 3\n');

      const unknown = await run(['sitting-0'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no sitting with id or number "sitting-0"/);

      const usage = await run([], env);
      expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/which sitting\?\nusage: npm run verify-record/) });
    } finally {
      await h.close();
    }
  });

  it('on the embedded PGlite in DATA_DIR; a truncated record fails against its published head', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-verify-'));
    try {
      const h = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
      await migrateToLatest(h.db);
      await seedIfEmpty(h.db, await readFixture());
      await appendFour(h.db, 'sitting-42');
      const head = (await loadRecord(h.db, 'sitting-42')).at(-1)!.hash;
      await sql`delete from record_entries where sitting_id = 'sitting-42' and seq = 4`.execute(h.db);
      await h.close();

      const cut = await run(['sitting-42', '--head', head], { DATA_DIR: dataDir });
      expect(cut.code).toBe(1);
      expect(cut.stdout).toMatch(/^record of sitting-42: 3 entries, chain intact, but the published head [0-9a-f]{64} is not in it/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('exits 3 when it cannot reach the database', async () => {
    const r = await run(['sitting-42'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^cannot verify the record: /);
  });
});
