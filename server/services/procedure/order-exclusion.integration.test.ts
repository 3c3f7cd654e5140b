/**
 * An exclusion outlasts its sitting, against the real database: imposed for 3 sitting days in sitting
 * 42, it is carried into the next two sittings opened (and refuses the member there), and not into
 * the third. An objection upheld lifts it for the sittings after.
 * Runs on PGlite always and on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { testDatabaseKinds } from '../../../test/support/database';
import { listPeople } from '../../db/people';
import { insertSitting } from '../../db/sittings';
import { RuleViolation } from '../../domain/errors';
import type { Actor } from '../../domain/procedure/commands';

const S = 'sitting-42';

describe.each(testDatabaseKinds())('an exclusion carried over sittings (%s)', (kind) => {
  let t: TestApp;
  const actors = new Map<string, Actor>();
  const as = (username: string) => actors.get(username)!;
  const service = () => t.app.services.procedure;
  let number = 100;

  /** A new sitting, opened by the chair; returns its id and what its opening recorded. */
  async function nextSitting(): Promise<{ id: string; kinds: string[] }> {
    number += 1;
    const s = await insertSitting(t.app.database.db, { number, title: `Sitting ${number}`, startsAt: new Date('2026-12-10T08:00:00Z') });
    const { entries } = await service().execute(s.id, as('a.keller'), { kind: 'sitting.open' });
    return { id: s.id, kinds: entries.map((e) => e.event.kind) };
  }

  async function refusal(sittingId: string, username: string): Promise<string | null> {
    return service()
      .execute(sittingId, as(username), { kind: 'attendance.join', personId: as(username).personId! })
      .then(
        () => null,
        (e: unknown) => (e instanceof RuleViolation ? e.rule : String(e)),
      );
  }

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    for (const p of await listPeople(t.app.database.db)) actors.set(p.username, { personId: p.id, roles: p.roles });
    await service().execute(S, as('a.keller'), { kind: 'sitting.open' });
    for (const u of ['j.brandt', 'd.peters']) await service().execute(S, as(u), { kind: 'attendance.join', personId: as(u).personId! });
  }, 120_000);
  afterAll(() => t?.stop());

  it('keeps the member out of the next sittings until the days are served', async () => {
    await service().execute(S, as('a.keller'), { kind: 'order.exclude', personId: as('j.brandt').personId!, sittingDays: 3, reason: 'gross breach' });
    await service().execute(S, as('a.keller'), { kind: 'order.exclude', personId: as('d.peters').personId!, sittingDays: 2, reason: null });
    expect(await refusal(S, 'j.brandt')).toBe('order.excluded');
    await service().execute(S, as('a.keller'), { kind: 'sitting.close' });

    const second = await nextSitting();
    expect(second.kinds).toEqual(['sitting.opened', 'order.exclusion_carried', 'order.exclusion_carried']);
    expect(await refusal(second.id, 'j.brandt')).toBe('order.excluded');
    expect(await refusal(second.id, 'd.peters')).toBe('order.excluded');

    const third = await nextSitting();
    expect(third.kinds).toEqual(['sitting.opened', 'order.exclusion_carried']);
    const carried = (await service().snapshot(third.id)).state.order.exclusions;
    expect(Object.values(carried)).toEqual([expect.objectContaining({ person: expect.objectContaining({ personId: as('j.brandt').personId }), remaining: 1 })]);
    expect(await refusal(third.id, 'j.brandt')).toBe('order.excluded');
    expect(await refusal(third.id, 'd.peters')).toBeNull();

    const fourth = await nextSitting();
    expect(fourth.kinds).toEqual(['sitting.opened']);
    expect(await refusal(fourth.id, 'j.brandt')).toBeNull();
  });

  it('an objection upheld in a later sitting lifts the exclusion for the sittings after', async () => {
    const first = await nextSitting();
    await service().execute(first.id, as('a.keller'), { kind: 'order.exclude', personId: as('h.lange').personId!, sittingDays: 10, reason: null });
    const second = await nextSitting();
    const [x] = Object.values((await service().snapshot(second.id)).state.order.exclusions);
    expect(x?.person.personId).toBe(as('h.lange').personId);
    await service().execute(second.id, as('a.keller'), { kind: 'order.record_objection', exclusionId: x!.exclusionId, text: 'I object' });
    await service().execute(second.id, as('a.keller'), { kind: 'order.decide_objection', exclusionId: x!.exclusionId, upheld: true, note: null });
    expect(await refusal(second.id, 'h.lange')).toBeNull();
    expect((await nextSitting()).kinds).toEqual(['sitting.opened']);
  });
});
