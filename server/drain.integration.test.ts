/**
 * SIGTERM in the middle of a burst of ballots, on the real PostgreSQL, with the server as a child
 * process (as in production). The server must exit by itself within its stated bound (STOP_BOUND_MS),
 * and every ballot whose request was running when the signal came must be stored or refused, never
 * acknowledged and then lost: after a restart on the same database, every acknowledged ballot is in
 * the record with the receipt's seq and hash. The vote's timer, left unarmed by the stop, is re-armed
 * by the restart and closes the vote on time.
 * Needs TEST_DATABASE_URL (or DATABASE_URL); skipped without.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { growParliament, type LargeParliament } from '../test/support/parliament-of';
import { castVote, openVoteForAll, optionFor, type ReceiptData } from '../test/support/procedure-client';
import { startServerProcess, type ServerProcess } from '../test/support/server-process';
import { loadRecord } from './db/record';
import { verifyChain } from './domain/record';
import { STOP_BOUND_MS } from './app';

const S = 'sitting-42';
const N = 300;
const DURATION_S = 25;
const postgres = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

describe.skipIf(!postgres)('SIGTERM with ballots in flight', () => {
  let db: TestDatabase;
  let parliament: LargeParliament;
  let dataDir: string;
  let server: ServerProcess | undefined;
  const env = { LOG_LEVEL: 'info', LOG_FORMAT: 'json' };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    parliament = await growParliament(db.db, N);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-drain-'));
    server = await startServerProcess({ databaseUrl: db.url!, dataDir, env });
  });
  afterAll(async () => {
    await server?.kill9();
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('exits within its bound; every ballot is stored or refused, none acknowledged and lost', async () => {
    const s = server!;
    const voters = parliament.voters;
    const { headers, voteId, closesAt } = await openVoteForAll(s.baseUrl, parliament, S, { title: 'Vote across a SIGTERM', durationSeconds: DURATION_S });

    const option = new Map(voters.map((p, i) => [p.id, optionFor(i)]));
    const acknowledged = new Map<string, ReceiptData>();
    const refused: string[] = [];
    const cast = async (i: number): Promise<void> => {
      const p = voters[i]!;
      try {
        const r = await castVote(s.baseUrl, headers.get(p.username)!, S, voteId, option.get(p.id)!);
        if (r.ok) acknowledged.set(p.id, r.receipt);
        else refused.push(`${p.id}: ${r.typename}`);
      } catch (error) {
        refused.push(`${p.id}: ${String(error).slice(0, 120)}`);
      }
    };

    // Everyone presses at once; SIGTERM comes once the first answers are back, with the rest in flight.
    const burst = Array.from({ length: N }, (_, i) => cast(i));
    const waitUntil = Date.now() + 20_000;
    while (acknowledged.size < 10 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 1));
    const acknowledgedBeforeSignal = acknowledged.size;
    const signalled = performance.now();
    process.kill(s.pid, 'SIGTERM');
    const exit = await Promise.race([s.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), STOP_BOUND_MS + 5_000))]);
    const exitMs = Math.round(performance.now() - signalled);
    await Promise.all(burst);
    expect(exit, `no exit within ${STOP_BOUND_MS + 5_000} ms\n${s.output()}`).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(STOP_BOUND_MS);
    const stopped = s
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; fields?: { requestsAtStop: number; requestsDrainedMs: number; totalMs: number } })
      .find((l) => l.msg === 'stop() | stopped');
    expect(stopped, s.output()).toBeDefined();
    // Requests were running when the signal came: the drain had something to do.
    expect(stopped!.fields!.requestsAtStop).toBeGreaterThan(0);
    expect(acknowledged.size + refused.length).toBe(N);

    // The same server comes back on the same database.
    server = await startServerProcess({ databaseUrl: db.url!, dataDir, port: s.port, env });
    const rows = await db.db.selectFrom('ballots').select(['person_id', 'option_id', 'seq']).where('vote_id', '=', voteId).execute();
    const stored = new Map(rows.map((r) => [r.person_id, r]));
    const record = await loadRecord(db.db, S);
    const bySeq = new Map(record.map((e) => [e.seq, e]));
    // Acknowledged ⇒ stored, with the receipt's option, seq and entry hash.
    for (const [personId, receipt] of acknowledged) {
      expect(stored.get(personId), personId).toMatchObject({ option_id: receipt.optionId, seq: receipt.seq });
      expect(bySeq.get(receipt.seq)?.hash).toBe(receipt.entryHash);
    }
    const storedUnanswered = [...stored.keys()].filter((id) => !acknowledged.has(id)).length;
    expect(verifyChain(record)).toMatchObject({ ok: true });

    // The vote timer, not armed while stopped, is re-armed by the start and closes the vote on time.
    let closed: (typeof record)[number] | undefined;
    while (!closed && Date.now() < closesAt + 10_000) {
      closed = (await loadRecord(db.db, S)).find((e) => e.event.kind === 'vote.closed' && e.event.voteId === voteId);
      if (!closed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(closed, server.output()).toBeDefined();
    expect(Date.parse(closed!.at) - closesAt).toBeGreaterThanOrEqual(0);
    expect(Date.parse(closed!.at) - closesAt).toBeLessThan(2_000);
    if (closed!.event.kind !== 'vote.closed') throw new Error('unreachable');
    expect(closed!.event.closedBy).toBe('expired');
    expect(closed!.event.result.cast).toBe(stored.size);

    console.info(
      `SIGTERM → exit in ${exitMs} ms (bound ${STOP_BOUND_MS} ms; requests drained in ${stopped!.fields!.requestsDrainedMs} ms, stop ${stopped!.fields!.totalMs} ms); ` +
        `${stopped!.fields!.requestsAtStop} requests running at the signal; ${acknowledgedBeforeSignal} acknowledged before it, ${acknowledged.size} in all, ` +
        `${refused.length} refused, ${storedUnanswered} stored without an answer`,
    );
  });
});
