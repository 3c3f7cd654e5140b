/**
 * A change of the agenda in an open sitting, against the real database: the record entry and the
 * agenda_items table change together, in the one transaction, or neither does. The views see the
 * new agenda at once (the cached context is dropped on commit), the sitting's agenda.changed is
 * published, and a command later in the same batch decides against the amended agenda.
 * Runs on PGlite always and on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { testDatabaseKinds } from '../../../test/support/database';
import { listAgendaItems } from '../../db/agenda';
import { listPeople } from '../../db/people';
import { loadRecord, recordHead } from '../../db/record';
import { verifyChain } from '../../domain/record';
import { NotFoundError, RuleViolation } from '../../domain/errors';
import type { Actor, AgendaAuthority, AgendaChange } from '../../domain/procedure/commands';
import type { SittingEvent } from '../pubsub';

const S = 'sitting-42';

type Settled = { ok: true } | { ok: false; error: unknown };
const settle = (p: Promise<unknown>): Promise<Settled> =>
  p.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe.each(testDatabaseKinds())('changing the agenda of an open sitting (%s)', (kind) => {
  let t: TestApp;
  const actors = new Map<string, Actor>();
  let accepted: AgendaAuthority;
  let rejected: AgendaAuthority;
  const db = () => t.app.database.db;
  const service = () => t.app.services.procedure;
  const as = (username: string) => actors.get(username)!;
  const order = async () => (await listAgendaItems(db(), [S])).map((i) => i.id);
  const amend = (change: AgendaChange, authority: AgendaAuthority = accepted) =>
    service().execute(S, as('a.keller'), { kind: 'agenda.amend', change, authority });

  /** Everything a refused command must leave as it was. */
  async function everything() {
    const record = await loadRecord(db(), S);
    return { head: record.at(-1)?.hash, entries: record.length, agenda: await listAgendaItems(db(), [S]) };
  }

  /** Raises a point of order as `username` and has the chair decide it. */
  async function point(username: string, text: string, decision: 'accepted' | 'rejected'): Promise<AgendaAuthority> {
    await service().execute(S, as(username), { kind: 'point_of_order.raise', category: 'agenda', text });
    const { state } = await service().snapshot(S);
    const pointId = Object.values(state.points).find((p) => p.text === text)!.pointId;
    await service().execute(S, as('a.keller'), { kind: 'point_of_order.decide', pointId, decision, note: null, voteDraftId: null });
    return { kind: 'point_of_order', pointId };
  }

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    for (const p of await listPeople(db())) actors.set(p.username, { personId: p.id, roles: p.roles });
    await service().execute(S, as('a.keller'), { kind: 'sitting.open' });
    for (const u of ['d.peters', 'h.lange', 'j.brandt']) await service().execute(S, as(u), { kind: 'attendance.join', personId: as(u).personId! });
    accepted = await point('d.peters', 'Move item 3 before item 2', 'accepted');
    rejected = await point('h.lange', 'Take the election off the agenda', 'rejected');
  }, 120_000);
  afterAll(() => t?.stop());

  it('moves item 3 before item 2: the record entry and the table change together, and the views see it at once', async () => {
    const before = await order();
    // A view read before the change caches the context; the commit must drop it.
    expect((await service().snapshot(S)).context.agenda.map((i) => i.id)).toEqual(before);
    const events = t.app.services.pubsub.subscribe('sitting:events', S);
    const heard = (async (): Promise<SittingEvent | undefined> => {
      for await (const e of events) return e;
      return undefined;
    })();

    const { entries } = await amend({ kind: 'move', agendaItemId: before[2]!, position: 2 });

    const expected = [before[0], before[2], before[1], ...before.slice(3)];
    expect(entries.map((e) => e.event)).toEqual([
      expect.objectContaining({ kind: 'agenda.amended', order: expected, change: expect.objectContaining({ kind: 'move', from: 3, to: 2 }) }),
    ]);
    expect(await order()).toEqual(expected);
    expect((await listAgendaItems(db(), [S])).map((i) => i.position)).toEqual(expected.map((_, i) => i + 1));
    const snap = await service().snapshot(S);
    expect(snap.context.agenda.map((i) => i.id)).toEqual(expected);
    expect(snap.state.amendments.at(-1)?.seq).toBe(entries[0]!.seq);
    await expect(heard).resolves.toMatchObject({ kind: 'agenda.changed', sittingId: S });
    expect(verifyChain(await loadRecord(db(), S))).toMatchObject({ ok: true });
  });

  it('inserts an item under the id the record gives it, and removes one not dealt with', async () => {
    const { entries } = await amend({
      kind: 'insert',
      position: 1,
      title: 'Urgent motion: flood relief',
      itemKind: 'debate',
      description: 'Printed paper 21/123',
    });
    const inserted = entries[0]!.event;
    if (inserted.kind !== 'agenda.amended' || inserted.change.kind !== 'insert') throw new Error('no insert in the record');
    const items = await listAgendaItems(db(), [S]);
    expect(items[0]).toMatchObject({
      id: inserted.change.agendaItemId,
      position: 1,
      title: 'Urgent motion: flood relief',
      kind: 'debate',
      description: 'Printed paper 21/123',
    });
    expect(items.map((i) => i.id)).toEqual(inserted.order);

    const last = items.at(-1)!;
    const removed = await amend({ kind: 'remove', agendaItemId: last.id });
    expect(removed.entries[0]?.event).toMatchObject({ kind: 'agenda.amended', change: { kind: 'remove', agendaItemId: last.id, title: last.title } });
    expect(await order()).toEqual(items.slice(0, -1).map((i) => i.id));
  });

  it('a refused change leaves the record and the table as they were', async () => {
    await service().execute(S, as('a.keller'), { kind: 'agenda.call', agendaItemId: (await order())[1]! });
    const before = await everything();
    const current = (await order())[1]!;
    const refusals = [
      amend({ kind: 'move', agendaItemId: current, position: 1 }, rejected),
      amend({ kind: 'move', agendaItemId: current, position: 1 }, { kind: 'vote', voteId: 'no-such-vote' }),
      amend({ kind: 'remove', agendaItemId: current }),
      amend({ kind: 'move', agendaItemId: current, position: 99 }),
      amend({ kind: 'insert', position: 1, title: 'nul \u0000 byte', itemKind: 'other', description: null }),
      service().execute(S, as('d.peters'), { kind: 'agenda.amend', change: { kind: 'remove', agendaItemId: current }, authority: accepted }),
    ];
    const results = await Promise.all(refusals.map(settle));
    expect(results.map((r) => (r.ok ? 'ok' : ((r.error as RuleViolation).rule ?? (r.error as Error).name)))).toEqual([
      'agenda.point_not_accepted',
      'NotFoundError',
      'agenda.item_dealt_with',
      'agenda.position_out_of_range',
      'InputError',
      'forbidden.chair_only',
    ]);
    expect(await everything()).toEqual(before);
  });

  it('in one batch, a command after a change decides against the amended agenda', async () => {
    const items = await listAgendaItems(db(), [S]);
    const victim = items.at(-1)!;
    // Hold the record lock so that both commands queue into the same batch.
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
    const first = settle(service().execute(S, as('a.keller'), { kind: 'attendance.join', personId: as('a.keller').personId! }));
    await delay(20);
    const removal = settle(amend({ kind: 'remove', agendaItemId: victim.id }));
    const call = service()
      .execute(S, as('a.keller'), { kind: 'agenda.call', agendaItemId: victim.id })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await delay(50);
    release();
    await holder;
    expect((await first).ok).toBe(true);
    expect((await removal).ok).toBe(true);
    expect(await call).toBeInstanceOf(NotFoundError);
    expect(await order()).toEqual(items.slice(0, -1).map((i) => i.id));
  });
});
