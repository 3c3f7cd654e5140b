import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { appendRecord, loadRecord, recordHead } from './record';
import { insertSitting } from './sittings';
import { entryHash, GENESIS_HASH, verifyChain } from '../domain/record';
import type { PersonRef, ProcedureEvent } from '../domain/procedure/events';

const anna: PersonRef = { personId: 'p-anna', name: 'Anna Berg', factionId: 'sda', factionShortName: 'SDA' };

function event(i: number): ProcedureEvent {
  switch (i % 4) {
    case 0:
      return { kind: 'floor.granted', floorId: `f${i}`, agendaItemId: null, person: anna, floorKind: 'speech', requestId: null, limitSeconds: 300 };
    case 1:
      return { kind: 'floor.extended', floorId: `f${i - 1}`, seconds: 30 };
    case 2:
      return { kind: 'sitting.suspended', reason: 'Kaffeepause – “kurz”', resumesAt: '2026-12-03T10:30:00.000Z' };
    default:
      return { kind: 'ballot.cast', voteId: 'v1', optionId: 'yes', voter: null, pseudonym: `ps-${i}` };
  }
}

function items(n: number, from = 0, t0 = Date.parse('2026-12-03T08:00:00.123Z')) {
  return Array.from({ length: n }, (_, k) => ({ at: new Date(t0 + (from + k) * 1001), actorId: k % 2 ? 'p-chair' : null, event: event(from + k) }));
}

describe.each(testDatabaseKinds())('the record on %s', (kind) => {
  let h: TestDatabase;
  let sittingNumber = 1000;
  beforeAll(async () => {
    h = await createTestDatabase(kind);
  });
  afterAll(() => h.close());

  async function newSitting(): Promise<string> {
    sittingNumber += 1;
    return (await insertSitting(h.db, { number: sittingNumber, title: `Test sitting ${sittingNumber}`, startsAt: new Date('2026-12-03T08:00:00Z') })).id;
  }

  async function recordOf(sittingId: string, n: number): Promise<void> {
    await h.db.transaction().execute((tx) => appendRecord(tx, sittingId, items(n)));
  }

  it('starts at the genesis hash and appends batches in transactions, chained across them', async () => {
    const s = await newSitting();
    expect(await h.db.transaction().execute((tx) => recordHead(tx, s))).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(await h.db.transaction().execute((tx) => appendRecord(tx, s, []))).toEqual([]);

    const first = await h.db.transaction().execute((tx) => appendRecord(tx, s, items(3)));
    const second = await h.db.transaction().execute((tx) => appendRecord(tx, s, items(2, 3)));
    expect(first.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(first[0]!.prevHash).toBe(GENESIS_HASH);
    expect(second.map((e) => e.seq)).toEqual([4, 5]);
    expect(second[0]!.prevHash).toBe(first[2]!.hash);

    const loaded = await loadRecord(h.db, s);
    // What was returned is exactly what is read back: the time to the millisecond, the payload as written.
    expect(loaded).toEqual([...first, ...second]);
    expect(loaded[0]!.at).toBe('2026-12-03T08:00:00.123Z');
    expect(verifyChain(loaded)).toEqual({ ok: true, entries: 5, head: second[1]!.hash });
    expect(await loadRecord(h.db, s, 3)).toEqual(second);
    expect(await loadRecord(h.db, s, 1, 2)).toEqual([first[1]]);
    expect(await loadRecord(h.db, s, undefined, 1)).toEqual([first[0]]);
    expect(await h.db.transaction().execute((tx) => recordHead(tx, s))).toEqual({ seq: 5, hash: second[1]!.hash });

    const kinds = await h.db.selectFrom('record_entries').select(['kind', 'actor_id']).where('sitting_id', '=', s).orderBy('seq').execute();
    expect(kinds.map((k) => k.kind)).toEqual(loaded.map((e) => e.event.kind));
    expect(kinds.map((k) => k.actor_id)).toEqual([null, 'p-chair', null, null, 'p-chair']);
  });

  it('keeps nothing of a rolled-back append, and the next append continues from the head', async () => {
    const s = await newSitting();
    await recordOf(s, 2);
    await expect(
      h.db.transaction().execute(async (tx) => {
        await appendRecord(tx, s, items(3, 2));
        throw new Error('the command failed after appending');
      }),
    ).rejects.toThrow(/failed after appending/);
    await h.db.transaction().execute((tx) => appendRecord(tx, s, items(1, 2)));
    const loaded = await loadRecord(h.db, s);
    expect(loaded.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(loaded).ok).toBe(true);
  });

  it('refuses content that cannot be stored unchanged, before writing anything', async () => {
    const s = await newSitting();
    const bad = { at: new Date(), actorId: null, event: { kind: 'floor.extended', floorId: 'f', seconds: NaN } as ProcedureEvent };
    await expect(h.db.transaction().execute((tx) => appendRecord(tx, s, [...items(1), bad]))).rejects.toThrow(/NaN/);
    expect(await loadRecord(h.db, s)).toEqual([]);
  });

  it('never forks under 50 concurrent appending transactions (advisory lock per sitting)', async () => {
    const s = await newSitting();
    const other = await newSitting();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        h.db.transaction().execute(async (tx) => {
          const appended = await appendRecord(tx, i % 5 === 4 ? other : s, items(1 + (i % 3), i * 3));
          // Hold the lock a moment so that the others queue up behind it.
          await sql`select pg_sleep(0.002)`.execute(tx);
          return appended;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const expected = (sitting: string) =>
      Array.from({ length: 50 }, (_, i) => i)
        .filter((i) => (i % 5 === 4 ? other : s) === sitting)
        .reduce((n, i) => n + 1 + (i % 3), 0);
    for (const sitting of [s, other]) {
      const loaded = await loadRecord(h.db, sitting);
      expect(loaded.map((e) => e.seq)).toEqual(Array.from({ length: expected(sitting) }, (_, i) => i + 1));
      expect(verifyChain(loaded)).toMatchObject({ ok: true, entries: expected(sitting) });
    }
    // Each transaction's entries are contiguous: nobody appended between its head and its insert.
    const runs = results.map((r) => (r.status === 'fulfilled' ? r.value.map((e) => e.seq) : []));
    for (const run of runs) expect(run).toEqual(run.map((_, k) => run[0]! + k));
  });

  it('stores any JSON payload so that it hashes the same when read back (jsonb round trip)', async () => {
    const s = await newSitting();
    // Any Unicode text (graphemes: no lone surrogates) but U+0000: jsonb keeps neither, and canonicalJson refuses both.
    const json = fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }).filter((v) => !JSON.stringify(v).includes('\\u0000'));
    let head = { seq: 0, hash: GENESIS_HASH };
    await fc.assert(
      fc.asyncProperty(fc.array(json, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 ** 40 }), async (payloads, t) => {
        const batch = payloads.map((p, k) => ({
          at: new Date(t + k),
          actorId: k % 2 ? 'ä-😀' : null,
          event: { kind: 'floor.extended', floorId: 'f', extra: p } as unknown as ProcedureEvent,
        }));
        await h.db.transaction().execute((tx) => appendRecord(tx, s, batch));
        const loaded = await loadRecord(h.db, s, head.seq);
        const v = verifyChain(loaded, head);
        expect(v).toMatchObject({ ok: true, entries: batch.length });
        if (v.ok) head = { seq: head.seq + v.entries, hash: v.head };
      }),
      { numRuns: kind === 'pglite' ? 40 : 80 },
    );
  });

  describe('tampering through SQL is caught', () => {
    async function tampered(tamper: (s: string) => Promise<unknown>) {
      const s = await newSitting();
      await recordOf(s, 8);
      const before = await loadRecord(h.db, s);
      await tamper(s);
      return { before, after: verifyChain(await loadRecord(h.db, s)) };
    }

    it('an edited payload', async () => {
      const { after } = await tampered((s) =>
        sql`update record_entries set payload = jsonb_set(payload, '{seconds}', '3000') where sitting_id = ${s} and seq = 2`.execute(h.db),
      );
      expect(after).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch' });
    });

    it('an edited time, actor or kind column', async () => {
      const edits = [
        sql`at = at + interval '1 millisecond'`,
        sql`at = at + interval '1 microsecond'`,
        sql`actor_id = 'p-someone'`,
        sql`actor_id = null`,
        sql`kind = 'sitting.resumed'`,
      ];
      for (const set of edits) {
        const { after } = await tampered((s) => sql`update record_entries set ${set} where sitting_id = ${s} and seq = 4`.execute(h.db));
        expect(after).toMatchObject({ ok: false, seq: 4, problem: 'hash_mismatch' });
      }
    });

    it('an edit with the hash recomputed', async () => {
      const { after } = await tampered(async (s) => {
        const [e] = await loadRecord(h.db, s, 2);
        const forged = { ...e!, event: { ...e!.event, reason: 'rewritten' } as ProcedureEvent };
        await sql`update record_entries set payload = ${JSON.stringify(forged.event)}::jsonb, hash = ${entryHash(forged.prevHash, forged)} where sitting_id = ${s} and seq = 3`.execute(
          h.db,
        );
      });
      expect(after).toMatchObject({ ok: false, seq: 4, problem: 'prev_hash_mismatch' });
    });

    it('a deleted row in the middle', async () => {
      const { after } = await tampered((s) => sql`delete from record_entries where sitting_id = ${s} and seq = 5`.execute(h.db));
      expect(after).toMatchObject({ ok: false, seq: 6, problem: 'seq_gap' });
    });

    it('a deleted last row: not by the chain, but by the head published before', async () => {
      const { before, after } = await tampered((s) => sql`delete from record_entries where sitting_id = ${s} and seq = 8`.execute(h.db));
      expect(after).toMatchObject({ ok: true, entries: 7 });
      expect(after.ok && after.head).not.toBe(before.at(-1)!.hash);
    });

    it('a row inserted in the middle, chained and renumbered', async () => {
      const { after } = await tampered(async (s) => {
        const [third] = await loadRecord(h.db, s, 2);
        await sql`update record_entries set seq = seq + 1000 where sitting_id = ${s} and seq > 3`.execute(h.db);
        await sql`update record_entries set seq = seq - 999 where sitting_id = ${s} and seq > 1000`.execute(h.db);
        const content = { sittingId: s, seq: 4, at: third!.at, actorId: 'p-forger', event: third!.event };
        await h.db
          .insertInto('record_entries')
          .values({
            sitting_id: s,
            seq: 4,
            at: content.at,
            actor_id: content.actorId,
            kind: content.event.kind,
            payload: JSON.stringify(content.event),
            prev_hash: third!.hash,
            hash: entryHash(third!.hash, content),
          })
          .execute();
      });
      // The renumbered successor still names the original third entry as its predecessor.
      expect(after).toMatchObject({ ok: false, seq: 5, problem: 'prev_hash_mismatch' });
    });

    it('a copied row inserted at the end', async () => {
      const { after } = await tampered((s) =>
        sql`insert into record_entries select sitting_id, 9, at, actor_id, kind, payload, prev_hash, hash from record_entries where sitting_id = ${s} and seq = 8`.execute(
          h.db,
        ),
      );
      expect(after).toMatchObject({ ok: false, seq: 9, problem: 'prev_hash_mismatch' });
    });

    it('two rows swapped', async () => {
      const { after } = await tampered(async (s) => {
        await sql`update record_entries set seq = seq + 1000 where sitting_id = ${s} and seq in (2, 6)`.execute(h.db);
        await sql`update record_entries set seq = case seq when 1002 then 6 else 2 end where sitting_id = ${s} and seq in (1002, 1006)`.execute(h.db);
      });
      expect(after).toMatchObject({ ok: false, seq: 2, problem: 'prev_hash_mismatch' });
    });
  });
});
