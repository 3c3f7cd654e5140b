/**
 * One member's command cannot fail the others' (issue 10, class 3), against the real database.
 * 50 members cast ballots in the same group-commit batch as a hostile command; the batch is made
 * certain by holding the sitting's record lock from outside while the commands queue up (the engine
 * takes the same advisory lock), so all of them are decided in the one transaction that follows.
 *  - hostile text sent to the service directly, below the GraphQL validation: refused alone;
 *  - a command the database itself refuses (a trigger stands in for any refusal the domain cannot
 *    foresee): the engine halves the batch down to the culprit; a statement-level trigger counts
 *    the rows of the refused insert, proving that the ballots were in it;
 *  - a batch that fails for a reason no command carries (a statement timeout): nothing of it is
 *    committed, and the engine serves the committed state throughout, then reloads — never the
 *    empty state in which the open vote "does not exist".
 * Runs on PGlite always and on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { testDatabaseKinds } from '../../../test/support/database';
import { growParliament, type LargeParliament } from '../../../test/support/parliament-of';
import { loadRecord, recordHead } from '../../db/record';
import { countBallots } from '../../db/votes';
import { verifyChain } from '../../domain/record';
import { InputError } from '../../domain/errors';
import type { Actor, ProcedureCommand, VoteDraft } from '../../domain/procedure/commands';
import type { Person } from '../../domain/parliament';
import type { Receipt } from '.';
import { draft as specDraft } from '../../domain/procedure/spec-support';

const S = 'sitting-42';
const BALLOTS = 50;

const actorOf = (p: Person): Actor => ({ personId: p.id, roles: p.roles });
/** The domain specs' draft, as prepareVote takes it: no id, no agenda item, a simple majority. */
const draft = (title: string): Omit<VoteDraft, 'id'> => {
  const { id: _id, ...rest } = specDraft({ agendaItemId: null, majority: 'simple', title });
  return rest;
};

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe.each(testDatabaseKinds())('a batch with one hostile command (%s)', (kind) => {
  let t: TestApp;
  let parliament: LargeParliament;
  const db = () => t.app.database.db;
  const service = () => t.app.services.procedure;
  // The chair and four spare members send the hostile commands; fifty others vote.
  const chair = () => parliament.chair;
  const others = () => parliament.voters.filter((p) => p.id !== parliament.chair.id);
  const voters = () => others().slice(0, BALLOTS);
  const spare = (i: number) => others()[BALLOTS + i]!;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    parliament = await growParliament(db(), BALLOTS + 8);
    await service().execute(S, actorOf(chair()), { kind: 'sitting.open' });
    await Promise.all(parliament.voters.map((p) => service().execute(S, actorOf(p), { kind: 'attendance.join', personId: p.id })));
  });
  afterAll(() => t?.stop());
  // One vote at a time: each test closes its own.
  afterEach(async () => {
    const { state } = await service().snapshot(S);
    if (state.openVoteId) await service().execute(S, actorOf(chair()), { kind: 'vote.close', voteId: state.openVoteId, by: 'chair' });
  });

  async function openVote(title: string): Promise<string> {
    const d = await service().prepareVote(S, draft(title));
    await service().openVote(S, actorOf(chair()), d.id);
    return d.id;
  }

  /** Takes the sitting's record lock in a transaction of its own; commands queue behind it until released. */
  async function holdRecordLock(): Promise<() => Promise<void>> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db()
      .transaction()
      .execute(async (tx) => {
        await recordHead(tx, S);
        locked();
        await released;
      });
    await isLocked;
    return async () => {
      release();
      await holder;
    };
  }

  /**
   * Queues a harmless command (its batch waits for the lock), then the fifty ballots and the hostile
   * commands (they form the next batch), releases the lock and waits for every answer.
   */
  async function oneBatch(voteId: string, hostile: () => Promise<unknown>[]) {
    const release = await holdRecordLock();
    const first = settle(service().execute(S, actorOf(chair()), { kind: 'attendance.join', personId: chair().id }));
    await delay(20);
    const ballots = voters().map((p) => settle(service().castVote(S, actorOf(p), voteId, 'yes')));
    const refused = hostile().map(settle);
    // castVote reads a snapshot before it submits: a moment for all of them to reach the queue.
    await delay(kind === 'pglite' ? 300 : 150);
    await release();
    return { first: await first, ballots: await Promise.all(ballots), hostile: await Promise.all(refused) };
  }

  function expectAllStored(ballots: readonly Settled<Receipt>[]) {
    expect(ballots.filter((b) => !b.ok).map((b) => String(!b.ok && b.error))).toEqual([]);
    expect(new Set(ballots.map((b) => b.ok && b.value.seq)).size).toBe(BALLOTS);
  }

  it('refuses hostile text sent below the API alone: all 50 ballots of its batch are stored', async () => {
    const voteId = await openVote('Ballots beside hostile text');
    const hostile: ProcedureCommand[] = [
      { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'NUL \u0000 here' },
      { kind: 'sitting.suspend', reason: 'lone \ud800 surrogate', breakMinutes: null },
      { kind: 'vote.cancel', voteId, reason: 'bell \u0007 and escape \u001b[2J' },
    ];
    const out = await oneBatch(voteId, () => hostile.map((c, i) => service().execute(S, actorOf(i === 0 ? spare(0) : chair()), c)));
    expect(out.first.ok).toBe(true);
    expectAllStored(out.ballots);
    for (const h of out.hostile) {
      expect(h.ok).toBe(false);
      expect(!h.ok && h.error).toBeInstanceOf(InputError);
    }
    expect(await countBallots(db(), voteId)).toBe(BALLOTS);
    const record = await loadRecord(db(), S);
    expect(record.some((e) => e.event.kind === 'point_of_order.raised' || e.event.kind === 'sitting.suspended' || e.event.kind === 'vote.cancelled')).toBe(
      false,
    );
    expect(verifyChain(record)).toMatchObject({ ok: true });
    const { state } = await service().snapshot(S);
    expect(state.votes[voteId]?.status).toBe('open');
  });

  it('isolates a command the database refuses: the batch is halved down to it, the 50 ballots beside it commit', async () => {
    const voteId = await openVote('Ballots beside a refused insert');
    await installTrigger(`if exists (select 1 from inserted where payload->>'text' = 'poison pill') then
        perform setval('refused_batch_rows', greatest((select count(*) from inserted), (select last_value from refused_batch_rows)));
        raise exception 'refused for the test' using errcode = '22023';
      end if;`);
    try {
      const out = await oneBatch(voteId, () => [
        service().execute(S, actorOf(spare(1)), { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'poison pill' }),
      ]);
      // The largest refused insert held the ballots and the culprit: one transaction for all, as intended.
      const { rows } = await sql<{ n: string }>`select last_value as n from refused_batch_rows`.execute(db());
      expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(BALLOTS + 1);
      expectAllStored(out.ballots);
      const [culprit] = out.hostile;
      expect(culprit?.ok).toBe(false);
      expect(!culprit!.ok && culprit!.error).toBeInstanceOf(InputError);
      expect(String(!culprit!.ok && (culprit!.error as Error).message)).not.toMatch(/22023|refused for the test/);
      expect(await countBallots(db(), voteId)).toBe(BALLOTS);
      const record = await loadRecord(db(), S);
      expect(record.some((e) => e.event.kind === 'point_of_order.raised')).toBe(false);
      expect(verifyChain(record)).toMatchObject({ ok: true });
    } finally {
      await dropTrigger();
    }
  });

  it('serves the committed state while a batch fails and after it, and reloads rather than resets', async () => {
    const voteId = await openVote('A vote that must not vanish');
    // Ten ballots commit first.
    const early = voters().slice(0, 10);
    await Promise.all(early.map((p) => service().castVote(S, actorOf(p), voteId, 'no')));
    const committedSeq = (await recordHead0()).seq;
    await installTrigger(`if exists (select 1 from inserted where payload->>'text' = 'outage') then
        raise exception 'canceling statement due to statement timeout' using errcode = '57014';
      end if;`);
    const seen: { seq: number; status: string | undefined; cast: number }[] = [];
    let polling = true;
    let poller: Promise<void> = Promise.resolve();
    try {
      // One batch: the outage command and twenty ballots; then twenty more queue behind it.
      const release = await holdRecordLock();
      const first = settle(service().execute(S, actorOf(chair()), { kind: 'attendance.join', personId: chair().id }));
      await delay(20);
      // Reads from here on: while batches wait, fail, reload and commit, and after.
      poller = (async () => {
        while (polling) {
          const { state, seq } = await service().snapshot(S);
          const vote = state.votes[voteId];
          seen.push({ seq, status: vote?.status, cast: vote ? vote.ballots.length : -1 });
          await delay(1);
        }
      })();
      const failing = [
        settle(service().execute(S, actorOf(spare(2)), { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'outage' })),
        ...voters()
          .slice(10, 30)
          .map((p) => settle(service().castVote(S, actorOf(p), voteId, 'yes'))),
      ];
      await delay(kind === 'pglite' ? 300 : 150);
      await release();
      await first;
      const behind = voters()
        .slice(30, 50)
        .map((p) => settle(service().castVote(S, actorOf(p), voteId, 'yes')));
      const failed = await Promise.all(failing);
      const after = await Promise.all(behind);
      // The failing batch committed nothing and says so; the batch behind it is not affected.
      for (const f of failed) expect(f.ok).toBe(false);
      expect(after.filter((a) => !a.ok).map((a) => String(!a.ok && a.error))).toEqual([]);
      // The ballots refused with the outage can be cast again: their vote exists.
      const again = await Promise.all(
        voters()
          .slice(10, 30)
          .map((p) => settle(service().castVote(S, actorOf(p), voteId, 'yes'))),
      );
      expect(again.filter((a) => !a.ok).map((a) => String(!a.ok && a.error))).toEqual([]);
    } finally {
      polling = false;
      await poller;
      await dropTrigger();
    }
    expect(seen.length).toBeGreaterThan(10);
    // Every read, during the failure and after it: the open vote, with at least the ballots committed before.
    for (const s of seen) {
      expect(s.status).toBe('open');
      expect(s.seq).toBeGreaterThanOrEqual(committedSeq);
      expect(s.cast).toBeGreaterThanOrEqual(10);
    }
    const { state, seq } = await service().snapshot(S);
    const head = await recordHead0();
    expect(seq).toBe(head.seq);
    expect(state.votes[voteId]!.ballots).toHaveLength(BALLOTS);
    expect(await countBallots(db(), voteId)).toBe(BALLOTS);
    expect(verifyChain(await loadRecord(db(), S))).toMatchObject({ ok: true });
  });

  async function recordHead0() {
    return db()
      .transaction()
      .execute((tx) => recordHead(tx, S));
  }

  /** A statement-level trigger on the record's inserts (`inserted`: the rows of the statement). */
  async function installTrigger(body: string) {
    await sql.raw(`create sequence if not exists refused_batch_rows minvalue 0 start 0`).execute(db());
    await sql
      .raw(
        `create or replace function test_refuse_insert() returns trigger language plpgsql as $$
      begin
        ${body}
        return null;
      end $$`,
      )
      .execute(db());
    await sql
      .raw(
        `create trigger test_refuse_insert after insert on record_entries referencing new table as inserted
      for each statement execute function test_refuse_insert()`,
      )
      .execute(db());
  }

  async function dropTrigger() {
    await sql.raw(`drop trigger if exists test_refuse_insert on record_entries`).execute(db());
  }
});
