/**
 * kill -9 of the server in the middle of a timed vote, on the real PostgreSQL. The server runs as a
 * child process (as in production); members cast over HTTP with session cookies (SESSION_SECRET is
 * fixed, so sessions outlive the restart). Some ballots are acknowledged before the kill, some are in
 * flight when it comes, nothing is cast while the server is down, more are cast after the restart.
 * The vote must go on, close by itself on time (its timer is re-armed from the record), and count
 * every acknowledged ballot exactly once; the record must verify.
 * Needs TEST_DATABASE_URL (or DATABASE_URL); skipped without.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { growParliament, type LargeParliament } from '../../../test/support/parliament-of';
import { castVote, openVoteForAll, optionFor, type CastOutcome, type Headers, type ReceiptData } from '../../../test/support/procedure-client';
import { startServerProcess, type ServerProcess } from '../../../test/support/server-process';
import { loadRecord } from '../../db/record';
import { verifyChain } from '../../domain/record';

const S = 'sitting-42';
const N = 300;
/**
 * Long enough for casting, a kill, a restart (~2 s here, up to 8 s with the whole suite running on
 * two cores) and 200 more ballots, with room: at 10 s a fresh-clone run once ran out of vote.
 */
const DURATION_S = 25;
const postgres = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

describe.skipIf(!postgres)('a server killed (SIGKILL) in the middle of a vote', () => {
  let db: TestDatabase;
  let parliament: LargeParliament;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    parliament = await growParliament(db.db, N);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-restart-'));
    server = await startServerProcess({ databaseUrl: db.url!, dataDir });
  });
  afterAll(async () => {
    await server?.kill9();
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('goes on after the restart, closes by itself on time and counts every acknowledged ballot once', { timeout: 120_000 }, async () => {
    const s = server!;
    const voters = parliament.voters;
    const { headers, voteId, closesAt, eligibleCount } = await openVoteForAll(s.baseUrl, parliament, S, {
      title: 'Vote across a crash',
      durationSeconds: DURATION_S,
    });
    expect(eligibleCount).toBe(N);

    const option = new Map(voters.map((p, i) => [p.id, optionFor(i)]));
    const acknowledged = new Map<string, ReceiptData>();
    const cast = async (baseUrl: string, i: number): Promise<CastOutcome | Error> => {
      const p = voters[i]!;
      try {
        const r = await castVote(baseUrl, headers.get(p.username) as Headers, S, voteId, option.get(p.id)!);
        if (r.ok) acknowledged.set(p.id, r.receipt);
        return r;
      } catch (error) {
        return error as Error;
      }
    };
    const third = Math.floor(N / 3);

    // 1. A third of the members vote, every ballot acknowledged.
    const first = await Promise.all(Array.from({ length: third }, (_, i) => cast(s.baseUrl, i)));
    expect(first.filter((r) => !(r instanceof Error) && r.ok)).toHaveLength(third);

    // 2. The next third press at once; the server is killed while their requests are in flight.
    const inFlight = Array.from({ length: third }, (_, i) => cast(s.baseUrl, third + i));
    const waitUntil = Date.now() + 10_000;
    while (acknowledged.size < third + 5 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 1));
    await s.kill9();
    const second = await Promise.all(inFlight);
    expect(await s.exited).toMatchObject({ signal: 'SIGKILL' });
    const lost = second.flatMap((r, i) => (r instanceof Error || !r.ok ? [third + i] : []));
    const acknowledgedBeforeRestart = new Map(acknowledged);

    // Nothing is cast while it is down. The same server comes back on the same database.
    const restarting = Date.now();
    server = await startServerProcess({ databaseUrl: db.url!, dataDir, port: s.port });
    const restartMs = Date.now() - restarting;
    expect(Date.now(), `the restart took ${restartMs} ms: no time left in the vote`).toBeLessThan(closesAt - 1000);

    // Every ballot acknowledged before the kill is in the database already.
    const before = await db.db.selectFrom('ballots').select(['person_id', 'option_id', 'seq']).where('vote_id', '=', voteId).execute();
    const storedBefore = new Map(before.map((b) => [b.person_id, b]));
    for (const [personId, receipt] of acknowledgedBeforeRestart)
      expect(storedBefore.get(personId)).toMatchObject({ option_id: receipt.optionId, seq: receipt.seq });

    // 3. The members whose answer was lost try again (the same ballot), and the last third votes.
    const retried = await Promise.all(lost.map((i) => cast(server!.baseUrl, i)));
    const third3 = await Promise.all(Array.from({ length: N - 2 * third }, (_, i) => cast(server!.baseUrl, 2 * third + i)));
    for (const r of [...retried, ...third3]) expect(r instanceof Error ? String(r) : r.ok || JSON.stringify(r)).toBe(true);
    expect(acknowledged.size).toBe(N);
    // A retry whose first attempt committed before the kill (its answer lost) gets that ballot's receipt.
    for (const i of lost) {
      const stored = storedBefore.get(voters[i]!.id);
      if (stored) expect(acknowledged.get(voters[i]!.id)!.seq).toBe(stored.seq);
    }
    expect(Date.now(), 'the casting after the restart ran past the vote’s end').toBeLessThan(closesAt);

    // 4. The vote closes by itself: after closesAt, within 2 s.
    let closedEntry: Awaited<ReturnType<typeof loadRecord>>[number] | undefined;
    let seenAt = 0;
    while (!closedEntry && Date.now() < closesAt + 10_000) {
      closedEntry = (await loadRecord(db.db, S)).find((e) => e.event.kind === 'vote.closed' && e.event.voteId === voteId);
      seenAt = Date.now();
      if (!closedEntry) await new Promise((r) => setTimeout(r, 50));
    }
    expect(closedEntry, `the vote did not close within 10 s after ${new Date(closesAt).toISOString()}\n${server.output()}`).toBeDefined();
    const closedAt = Date.parse(closedEntry!.at);
    expect(closedAt).toBeGreaterThanOrEqual(closesAt);
    expect(closedAt - closesAt).toBeLessThan(2000);
    expect(seenAt - closesAt).toBeLessThan(2500);
    if (closedEntry!.event.kind !== 'vote.closed') throw new Error('unreachable');
    expect(closedEntry!.event.closedBy).toBe('expired');

    // 5. Every acknowledged ballot is counted exactly once, with the option cast and its receipt.
    const rows = await db.db.selectFrom('ballots').select(['person_id', 'option_id', 'seq']).where('vote_id', '=', voteId).execute();
    expect(rows).toHaveLength(N);
    const record = await loadRecord(db.db, S);
    const ballotEntries = record.filter((e) => e.event.kind === 'ballot.cast' && e.event.voteId === voteId);
    expect(ballotEntries).toHaveLength(N);
    const bySeq = new Map(record.map((e) => [e.seq, e]));
    for (const r of rows) {
      const receipt = acknowledged.get(r.person_id);
      expect(receipt?.optionId).toBe(r.option_id);
      expect(receipt?.seq).toBe(r.seq);
      expect(receipt?.entryHash).toBe(bySeq.get(r.seq)!.hash);
    }
    const expected = { yes: 0, no: 0, abstain: 0 } as Record<string, number>;
    for (const o of option.values()) expected[o]! += 1;
    expect(Object.fromEntries(closedEntry!.event.result.counts.map((c) => [c.optionId, c.count]))).toEqual(expected);
    expect(closedEntry!.event.result).toMatchObject({ cast: N, eligible: N });
    expect(verifyChain(record)).toMatchObject({ ok: true });

    // Late ballots are refused.
    const late = await castVote(server.baseUrl, headers.get(voters[0]!.username)!, S, voteId, 'no');
    expect(late).toMatchObject({ ok: false, typename: 'RuleViolation' });
    const committedUnanswered = lost.filter((i) => storedBefore.has(voters[i]!.id)).length;
    console.info(
      `restart in ${restartMs} ms; ${acknowledgedBeforeRestart.size} acknowledged before the kill, ${lost.length} answers lost to it ` +
        `(${committedUnanswered} of them committed nonetheless); closed ${closedAt - closesAt} ms after closesAt, seen ${seenAt - closesAt} ms after`,
    );
  });
});
