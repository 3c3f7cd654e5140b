import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../test/support/database';
import { appendAdminLog } from '../server/db/admin-log';
import { parseArgs, verifyAdminLogChain } from './verify-record';

describe('verify-record --admin-log arguments', () => {
  it('takes the option with an optional published head and no sitting', () => {
    const head = 'a'.repeat(64);
    expect(parseArgs(['--admin-log'])).toEqual({ adminLog: true, head: undefined });
    expect(parseArgs(['--admin-log', '--head', head])).toEqual({ adminLog: true, head });
    expect(parseArgs(['--admin-log', '42'])).toMatchObject({ error: expect.stringMatching(/no sitting/) });
  });
});

describe.each(testDatabaseKinds())('verify-record --admin-log (%s)', (kind) => {
  let h: TestDatabase;
  beforeEach(async () => {
    h = await createTestDatabase(kind, { seed: false });
  });
  afterEach(() => h.close());

  it('finds an intact log, a published head, and the first changed entry', async () => {
    const actor = { username: 'it.admin', personId: null };
    const first = await h.db
      .transaction()
      .execute((tx) =>
        appendAdminLog(tx, new Date('2026-12-06T10:00:00Z'), { actor, action: 'faction.create', subject: 'faction:x', before: null, after: { seats: 3 } }),
      );
    await h.db.transaction().execute((tx) =>
      appendAdminLog(tx, new Date('2026-12-06T10:01:00Z'), {
        actor,
        action: 'faction.update',
        subject: 'faction:x',
        before: { seats: 3 },
        after: { seats: 4 },
      }),
    );
    expect(await verifyAdminLogChain(h.db)).toMatchObject({ code: 0, out: [expect.stringMatching(/2 entries, chain intact/)] });
    expect(await verifyAdminLogChain(h.db, first.hash)).toMatchObject({ code: 0, out: [expect.anything(), 'published head found at entry 1'] });
    expect(await verifyAdminLogChain(h.db, 'f'.repeat(64))).toMatchObject({ code: 1 });

    await h.db.updateTable('admin_log').set({ actor_username: 'someone.else' }).where('seq', '=', 1).execute();
    expect(await verifyAdminLogChain(h.db)).toMatchObject({ code: 1, out: [expect.stringMatching(/entry 1 does not match \(hash_mismatch\)/)] });
  });
});
