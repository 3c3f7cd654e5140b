import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { createLogger } from '../log';
import { createPlenumPubSub } from './pubsub';
import { createServices } from '.';
import { RuleViolation } from '../domain/errors';
import type { AdminActor } from '../domain/admin-log';
import { insertPerson } from '../db/people';

const admin: AdminActor = { username: 'it.admin', personId: null };

describe.each(testDatabaseKinds())('booths on an empty parliament (%s)', (kind) => {
  let h: TestDatabase;
  let services: ReturnType<typeof createServices>;
  const at = new Date('2026-12-06T09:30:00.000Z');
  beforeEach(async () => {
    h = await createTestDatabase(kind, { seed: false });
    services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => at });
  });
  afterEach(() => h.close());

  it('takes booths before the parliament is set up, by the default floor language, each in the admin log', async () => {
    expect(await services.booths.list()).toEqual([]);
    expect(await services.booths.assignable()).toEqual([]);
    await expect(services.booths.create({ language: 'de', name: 'Deutsch', kind: 'spoken' }, admin)).rejects.toMatchObject({ rule: 'booth.floor_language' });
    const en = await services.booths.create({ language: 'en', name: 'English', kind: 'spoken' }, admin);
    expect(en).toEqual({ id: 'en', language: 'en', name: 'English', kind: 'spoken' });
    await expect(services.booths.create({ language: 'EN', name: 'English', kind: 'spoken' }, admin)).rejects.toBeInstanceOf(RuleViolation);
    const sign = await services.booths.create({ language: 'gsg', name: 'DGS', kind: 'sign' }, admin);
    expect(sign.id).toBe('sign-gsg');
    expect(await services.booths.remove('en', admin)).toBe('en');
    // A booth of that language again gets the same readable id: nothing refers to the old one any more.
    expect((await services.booths.create({ language: 'en', name: 'English', kind: 'spoken' }, admin)).id).toBe('en');
    const log = await services.adminLog.page({ limit: 10, offset: 0 });
    expect(log.map((e) => [e.action, e.subject, e.actor.username])).toEqual([
      ['booth.create', 'booth:en', 'it.admin'],
      ['booth.remove', 'booth:en', 'it.admin'],
      ['booth.create', 'booth:sign-gsg', 'it.admin'],
      ['booth.create', 'booth:en', 'it.admin'],
    ]);
    expect(await services.adminLog.verify()).toMatchObject({ ok: true, entries: 4 });
  });

  it('lets one of two booths of one language in at the same time', async () => {
    const results = await Promise.allSettled([
      services.booths.create({ language: 'it', name: 'Italiano', kind: 'spoken' }, admin),
      services.booths.create({ language: 'it', name: 'Italienisch', kind: 'spoken' }, admin),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { rule: 'booth.language_taken' } });
    expect(await services.booths.list()).toHaveLength(1);
  });

  it('staffs with interpreters whose membership has not ended, judged by the day', async () => {
    await services.booths.create({ language: 'en', name: 'English', kind: 'spoken' }, admin);
    const base = { title: null, email: null, factionId: null, office: null, votingRights: false, boothId: null } as const;
    const anna = await insertPerson(h.db, { ...base, username: 'anna', givenName: 'Anna', familyName: 'Ek', roles: ['interpreter'] });
    const bo = await insertPerson(h.db, { ...base, username: 'bo', givenName: 'Bo', familyName: 'Lund', roles: ['interpreter'] });
    await h.db.updateTable('people').set({ member_to: '2026-12-06' }).where('id', '=', bo.id).execute();
    expect((await services.booths.assignable()).map((p) => p.username)).toEqual(['anna']);
    expect((await services.booths.assign(anna.id, 'en', admin)).boothId).toBe('en');
    await expect(services.booths.assign(bo.id, 'en', admin)).rejects.toMatchObject({ rule: 'booth.person_ended' });
    await expect(services.booths.remove('en', admin)).rejects.toMatchObject({ rule: 'booth.has_interpreters' });
    expect((await services.booths.assign(anna.id, null, admin)).boothId).toBeNull();
    expect(await services.booths.remove('en', admin)).toBe('en');
  });
});
