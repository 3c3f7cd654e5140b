/** `npm run seed:demo` loads the demo parliament into the configured (here: embedded) database once, and leaves a filled one alone. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection';
import { readFixture } from '../server/services/seed';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '..');

describe('npm run seed:demo', () => {
  let dataDir: string | undefined;
  afterAll(async () => {
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('migrates and loads the demo into an empty database, then leaves it as it is', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-seed-demo-'));
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const first = await run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], { cwd: repoRoot, env });
    expect(first.stdout).toBe('loaded the demo parliament\n');
    const second = await run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], { cwd: repoRoot, env });
    expect(second.stdout).toBe('the database holds a parliament already; nothing loaded\n');

    const h = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const people = await h.db.selectFrom('people').select('username').execute();
      expect(people).toHaveLength((await readFixture()).people.length);
    } finally {
      await h.close();
    }
  });

  it('names a bad variable and exits with 2', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DATABASE_URL: 'mysql://x' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/DATABASE_URL: /) });
  });
});
