/**
 * Sittings in the back office (issue 13, item 3): postpone, cancel and delete, each in the admin
 * log; a cancelled sitting neither opens nor changes its agenda; agenda items keep their debate
 * time and document links. On PGlite and, when there is one, PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { createLogger } from '../log';
import { createPlenumPubSub } from './pubsub';
import { createServices } from '.';
import { RuleViolation } from '../domain/errors';
import type { AdminActor } from '../domain/admin-log';
import type { Actor } from '../domain/procedure/commands';
import { listSittings } from '../db/sittings';
import { appendRecord } from '../db/record';

const clerk: AdminActor = { username: 'clerk', personId: null };

async function ruleOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof RuleViolation) return e.rule;
    throw e;
  }
}

describe.each(testDatabaseKinds())('sittings in the back office on %s', (kind) => {
  let h: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let chair: Actor;
  const at = new Date('2026-12-06T09:30:00.000Z');
  const jan14 = new Date('2027-01-14T08:00:00.000Z');

  beforeEach(async () => {
    h = await createTestDatabase(kind);
    services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => at });
    const [person] = (await services.roster.people()).filter((p) => p.username === 'a.keller');
    chair = { personId: person!.id, roles: person!.roles };
  });
  afterEach(() => h.close());

  it('keeps an item’s debate time and document links, and changes or clears them', async () => {
    const s = await services.sittings.create({ number: 77, title: 'Haushalt', startsAt: jan14 }, clerk);
    const links = ['https://dokumente.example/drs/20/123.pdf', 'https://dokumente.example/drs/20/124.pdf?v=2#s3'];
    const item = await services.sittings.addAgendaItem(s.id, {
      title: 'Haushalt 2027',
      kind: 'debate',
      description: null,
      debateMinutes: 90,
      documentLinks: links,
    });
    expect(item).toMatchObject({ position: 1, debateMinutes: 90, documentLinks: links });
    const plain = await services.sittings.addAgendaItem(s.id, { title: 'Verschiedenes', kind: 'other', description: null });
    expect(plain).toMatchObject({ debateMinutes: null, documentLinks: [] });

    const changed = await services.sittings.updateAgendaItem(item.id, { debateMinutes: null, documentLinks: [links[1]!] }, clerk);
    expect(changed).toMatchObject({ title: 'Haushalt 2027', debateMinutes: null, documentLinks: [links[1]] });
    const [logged] = await services.adminLog.page({ limit: 1, offset: 0 });
    expect(logged).toMatchObject({ action: 'agenda.update', before: { debateMinutes: 90, documentLinks: links }, after: { debateMinutes: null } });
  });

  it('postpones a scheduled sitting to a later start, keeping the start first announced; an earlier one is refused', async () => {
    const s = await services.sittings.create({ number: 77, title: 'Haushalt', startsAt: jan14 }, clerk);
    const jan21 = new Date('2027-01-21T08:00:00.000Z');
    const postponed = await services.sittings.postpone(s.id, { startsAt: jan21, reason: 'Die Vorlage fehlt noch.' }, clerk);
    expect(postponed).toMatchObject({ state: 'scheduled', startsAt: jan21, postponedFrom: jan14 });
    const again = await services.sittings.postpone(s.id, { startsAt: new Date('2027-01-28T08:00:00.000Z'), reason: null }, clerk);
    expect(again.postponedFrom).toEqual(jan14);

    expect(await ruleOf(services.sittings.postpone(s.id, { startsAt: jan21, reason: null }, clerk))).toBe('sitting.not_later');
    const log = await services.adminLog.page({ limit: 10, offset: 0 });
    expect(log.map((e) => e.action)).toEqual(['sitting.postpone', 'sitting.postpone', 'sitting.create']);
    expect(log[1]).toMatchObject({
      actor: clerk,
      subject: `sitting:${s.id}`,
      before: { startsAt: jan14.toISOString(), postponedFrom: null },
      after: { startsAt: jan21.toISOString(), postponedFrom: jan14.toISOString(), reason: 'Die Vorlage fehlt noch.' },
    });
  });

  it('cancels a scheduled sitting with its reason: it then neither opens, nor moves, nor changes its agenda', async () => {
    const before = (await services.sittings.agendaOf(['sitting-42'])).map((i) => i.id);
    const cancelled = await services.sittings.cancel('sitting-42', 'Wegen der Wahlprüfung entfällt die Sitzung.', clerk);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Wegen der Wahlprüfung entfällt die Sitzung.' });
    expect((await services.adminLog.page({ limit: 1, offset: 0 }))[0]).toMatchObject({
      action: 'sitting.cancel',
      before: { state: 'scheduled' },
      after: { state: 'cancelled' },
    });

    expect(await ruleOf(services.procedure.execute('sitting-42', chair, { kind: 'sitting.open' }))).toBe('sitting.cancelled');
    expect((await services.sittings.byIds(['sitting-42']))[0]?.state).toBe('cancelled');
    expect((await services.procedure.snapshot('sitting-42')).state.phase).toBe('scheduled');

    expect(await ruleOf(services.sittings.update('sitting-42', { title: 'Doch' }, clerk))).toBe('sitting.cancelled');
    expect(await ruleOf(services.sittings.postpone('sitting-42', { startsAt: jan14, reason: null }, clerk))).toBe('sitting.cancelled');
    expect(await ruleOf(services.sittings.cancel('sitting-42', 'noch einmal', clerk))).toBe('sitting.cancelled');
    expect(await ruleOf(services.sittings.remove('sitting-42', clerk))).toBe('sitting.cancelled');
    expect(await ruleOf(services.sittings.addAgendaItem('sitting-42', { title: 'Neu', kind: 'other', description: null }))).toBe('agenda.sitting_cancelled');
    expect(await ruleOf(services.sittings.moveAgendaItem(before[2]!, 1))).toBe('agenda.sitting_cancelled');
    expect(await ruleOf(services.sittings.removeAgendaItem(before[0]!))).toBe('agenda.sitting_cancelled');
    expect(await ruleOf(services.sittings.updateAgendaItem(before[0]!, { title: 'Neu' }))).toBe('agenda.sitting_cancelled');
    expect((await services.sittings.agendaOf(['sitting-42'])).map((i) => i.id)).toEqual(before);
  });

  it('does not cancel, postpone or delete a sitting that has begun', async () => {
    await services.procedure.execute('sitting-42', chair, { kind: 'sitting.open' });
    expect(await ruleOf(services.sittings.cancel('sitting-42', 'zu spät', clerk))).toBe('sitting.already_started');
    expect(await ruleOf(services.sittings.postpone('sitting-42', { startsAt: jan14, reason: null }, clerk))).toBe('sitting.already_started');
    expect(await ruleOf(services.sittings.remove('sitting-42', clerk))).toBe('sitting.already_started');
    await services.procedure.execute('sitting-42', chair, { kind: 'sitting.close' });
    expect(await ruleOf(services.sittings.cancel('sitting-42', 'zu spät', clerk))).toBe('sitting.already_started');
    expect((await services.sittings.byIds(['sitting-42']))[0]?.state).toBe('closed');
  });

  it('deletes a scheduled sitting with an empty record, logging it with its agenda; one with a record is refused', async () => {
    const s = await services.sittings.create({ number: 78, title: 'Versehentlich angelegt', startsAt: jan14 }, clerk);
    await services.sittings.addAgendaItem(s.id, { title: 'Eröffnung', kind: 'procedure', description: null });
    expect(await services.sittings.withRecord([s.id, 'sitting-42'])).toEqual(new Set());
    await services.sittings.remove(s.id, clerk);
    expect((await listSittings(h.db)).map((x) => x.id)).toEqual(['sitting-42']);
    expect((await services.adminLog.page({ limit: 1, offset: 0 }))[0]).toMatchObject({
      action: 'sitting.delete',
      subject: `sitting:${s.id}`,
      before: { number: 78, agenda: [{ title: 'Eröffnung' }] },
      after: null,
    });
    expect(await services.adminLog.verify()).toMatchObject({ ok: true });

    // Anything in the record (here stored directly: what it is does not matter) keeps the sitting.
    await h.db.transaction().execute((tx) => appendRecord(tx, 'sitting-42', [{ at, actorId: null, event: { kind: 'chamber.muted_all' } }]));
    expect(await services.sittings.withRecord(['sitting-42'])).toEqual(new Set(['sitting-42']));
    expect(await ruleOf(services.sittings.remove('sitting-42', clerk))).toBe('sitting.has_record');
    expect((await services.sittings.byIds(['sitting-42']))[0]?.state).toBe('scheduled');
  });
});
