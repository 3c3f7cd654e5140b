/**
 * Two instances start together against one fresh PostgreSQL database: two real processes run the
 * start-up's migrate-and-seed at the same wall-clock moment. Both must succeed, every migration must
 * be applied once (by one of them), and the demo parliament loaded once.
 * Needs TEST_DATABASE_URL (or DATABASE_URL); skipped without.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { readFixture } from '../services/seed';

const admin = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const repoRoot = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  readonly applied: string[];
  readonly seeded: boolean;
  readonly waited: boolean;
  readonly late: boolean;
}

function runInstance(databaseUrl: string, startAt: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/prepare-database-process.ts', String(startAt)], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe.skipIf(!admin)('two instances starting together on one fresh database', () => {
  const name = `plenum_race_${randomBytes(6).toString('hex')}`;
  let url: string;
  const query = async <R extends pg.QueryResultRow>(target: string, text: string): Promise<R[]> => {
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    try {
      return (await c.query<R>(text)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await query(admin!, `create database ${name}`);
    const u = new URL(admin!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await query(admin!, `drop database if exists ${name} with (force)`);
  });

  it('migrate once and seed once, and both start', async () => {
    // Far enough ahead that both processes have loaded their code and connected.
    const startAt = Date.now() + 6_000;
    const runs = await Promise.all([runInstance(url, startAt), runInstance(url, startAt)]);
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const [a, b] = runs.map((r) => JSON.parse(r.out.trim().split('\n').at(-1)!) as Outcome);
    expect(a!.late || b!.late, 'a process arrived after the agreed moment: no race was tested').toBe(false);

    const all = Object.keys(migrations).sort();
    // One did all the work, the other found it done (having waited for the lock).
    expect([a!.applied, b!.applied].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    expect([a!.seeded, b!.seeded].sort()).toEqual([false, true]);
    expect(a!.waited || b!.waited).toBe(true);

    const applied = await query<{ name: string }>(url, 'select name from kysely_migration order by name');
    expect(applied.map((r) => r.name)).toEqual(all);
    const fixture = await readFixture();
    expect(await query(url, 'select 1 from parliament')).toHaveLength(1);
    expect(await query(url, 'select id from people')).toHaveLength(fixture.people.length);
    expect(await query(url, 'select id from sittings')).toHaveLength(fixture.sittings.length);
  });
});
