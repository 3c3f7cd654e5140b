import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { createLogger } from '../log';
import { createPlenumPubSub } from './pubsub';
import { createServices } from '.';
import { InputError, RuleViolation } from '../domain/errors';
import { presets } from '../domain/rulebook/presets';
import type { AdminActor } from '../domain/admin-log';
import type { Actor } from '../domain/procedure/commands';
import { protocolPdf } from './protocol/protocol-pdf';
import { pdfText } from '../../test/support/pdf-text';

const admin: AdminActor = { username: 'it.admin', personId: null };
const council = {
  name: 'Gemeinderat Beispielstadt',
  shortName: 'GR',
  statutoryMembers: 49,
  termName: '20. Wahlperiode',
  termStartsOn: '2025-11-01',
  termEndsOn: '2030-10-31',
  floorLanguage: 'de',
  timeZone: 'Pacific/Auckland',
  rulebookPreset: 'municipal-council-nrw',
  rulebookOverrides: { quorum: { fraction: 0.4 }, speech: { limits: { speech: 420 } } },
};

describe.each(testDatabaseKinds())('parliament settings on %s', (kind) => {
  let h: TestDatabase;
  let services: ReturnType<typeof createServices>;
  const at = new Date('2026-12-06T09:30:00.000Z');
  beforeEach(async () => {
    h = await createTestDatabase(kind);
    services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => at });
  });
  afterEach(() => h.close());

  it('reads the demo parliament with the default preset, and saves a preset with overrides and the log entry together', async () => {
    const before = await services.parliamentSettings.settings();
    expect(before).toMatchObject({
      statutoryMembers: 49,
      rulebookPreset: 'bundestag-2025',
      rulebookOverrides: null,
      timeZone: 'Europe/Berlin',
      floorLanguage: 'de',
    });
    expect(before?.effectiveRulebook).toEqual(presets['bundestag-2025']);

    const after = await services.parliamentSettings.update(admin, council);
    expect(after).toMatchObject({ ...council });
    expect(after.presetRulebook).toEqual(presets['municipal-council-nrw']);
    expect(after.effectiveRulebook.quorum.fraction).toBe(0.4);
    expect(after.effectiveRulebook.speech.limits.speech).toBe(420);
    expect(after.effectiveRulebook.name).toBe(presets['municipal-council-nrw'].name);
    expect(await services.procedure.rulebook('sitting-42')).toEqual(after.effectiveRulebook);

    const [entry] = await services.adminLog.page({ limit: 10, offset: 0 });
    expect(entry).toMatchObject({ seq: 1, at: at.toISOString(), actor: admin, action: 'parliament.update', subject: 'parliament' });
    expect(entry?.before).toMatchObject({ rulebookPreset: 'bundestag-2025', name: before?.name });
    expect(entry?.after).toMatchObject({ rulebookPreset: 'municipal-council-nrw', timeZone: 'Pacific/Auckland' });
    expect(await services.adminLog.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses bad settings with the field named, and changes nothing (nor logs anything)', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 'Rat\u0007' }, 'name'],
      [{ name: '  ' }, 'name'],
      [{ shortName: 'y'.repeat(41) }, 'shortName'],
      [{ statutoryMembers: 0 }, 'statutoryMembers'],
      [{ statutoryMembers: 1.5 }, 'statutoryMembers'],
      [{ statutoryMembers: 10_001 }, 'statutoryMembers'],
      [{ termStartsOn: '2025-02-30' }, 'termStartsOn'],
      [{ termEndsOn: '2020-01-01' }, 'termEndsOn'],
      [{ floorLanguage: 'not a language' }, 'floorLanguage'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '+01:00' }, 'timeZone'],
      [{ rulebookPreset: 'house-of-lords' }, 'rulebookPreset'],
      [{ rulebookOverrides: { quorum: { fraction: 2 } } }, 'rulebookOverrides.quorum.fraction'],
      [{ rulebookOverrides: { quorum: { fractoin: 0.5 } } }, 'rulebookOverrides.quorum.fractoin'],
      [{ rulebookOverrides: { preset: 'european-parliament' } }, 'rulebookOverrides.preset'],
      [{ rulebookOverrides: { name: 'GO\u0000' } }, 'rulebookOverrides.name'],
      [{ rulebookOverrides: [1, 2] }, 'rulebookOverrides'],
      [{ extra: true }, ''],
    ];
    for (const [change, path] of bad) {
      const refusal = await services.parliamentSettings.update(admin, { ...council, ...change }).catch((e: unknown) => e);
      expect(refusal, JSON.stringify(change)).toBeInstanceOf(InputError);
      expect(
        (refusal as InputError).issues.map((i) => i.path.join('.')),
        JSON.stringify(change),
      ).toContain(path);
    }
    // A refusal names every bad field at once, the rulebook's among them.
    const both = (await services.parliamentSettings
      .update(admin, { ...council, name: '', rulebookOverrides: { quorum: { fraction: 2 } } })
      .catch((e: unknown) => e)) as InputError;
    expect(new Set(both.issues.map((i) => i.path.join('.')))).toEqual(new Set(['name', 'rulebookOverrides.quorum.fraction']));
    // Fewer statutory members than seats given out is the roster's rule.
    await expect(services.parliamentSettings.update(admin, { ...council, statutoryMembers: 10 })).rejects.toBeInstanceOf(RuleViolation);
    expect((await services.parliamentSettings.settings())?.rulebookPreset).toBe('bundestag-2025');
    expect(await services.adminLog.count()).toBe(0);
  });

  it('never changes the rulebook of a sitting already open; the protocol names the one frozen at opening, in the parliament zone', async () => {
    await services.parliamentSettings.update(admin, council);
    const [chair] = (await services.roster.people()).filter((p) => p.username === 'a.keller');
    const actor: Actor = { personId: chair!.id, roles: chair!.roles };
    await services.procedure.execute('sitting-42', actor, { kind: 'sitting.open' });
    const frozen = (await services.procedure.snapshot('sitting-42')).state.rulebook;
    expect(frozen?.preset).toBe('municipal-council-nrw');

    // Parliament IT switches to the Bundestag while the sitting runs: the open sitting keeps the council's rules.
    await services.parliamentSettings.update(admin, { ...council, rulebookPreset: 'bundestag-2025', rulebookOverrides: null, timeZone: 'America/Los_Angeles' });
    expect((await services.procedure.snapshot('sitting-42')).state.rulebook).toEqual(frozen);
    await services.procedure.execute('sitting-42', actor, { kind: 'sitting.close' });

    const protocol = await services.procedure.protocol('sitting-42');
    expect(protocol.rulebook).toEqual({ preset: 'municipal-council-nrw', name: presets['municipal-council-nrw'].name });
    expect(protocol.timeZone).toBe('America/Los_Angeles');
    const text = pdfText(await protocolPdf(protocol, 'en'));
    expect(text).toContain(presets['municipal-council-nrw'].name);
    expect(text).not.toContain('Bundestag');
    // Opened at 09:30 UTC: 01:30 in Los Angeles (PST), never the server's 10:30 (Berlin) or 09:30 (UTC).
    expect(text).toMatch(/01:30/);
    expect(text).not.toMatch(/\b(09|10):30\b/);
  });

  it('logs every roster and sitting change with its author, before and after, in one chain', async () => {
    const f = await services.roster.createFaction({ shortName: 'NEW', name: 'New', colour: '#123456', seats: 1 }, admin).catch(() => null);
    expect(f).toBeNull(); // 49 of 49 seats are taken: refused, and nothing logged
    await services.roster.updateFaction('grn', { name: 'Die Grünen' }, admin);
    const s = await services.sittings.create({ number: 77, title: 'Haushalt', startsAt: new Date('2027-01-14T09:00:00Z') }, admin);
    const a = await services.sittings.addAgendaItem(s.id, { title: 'Eröffnung', kind: 'procedure', description: null }, undefined, admin);
    const b = await services.sittings.addAgendaItem(s.id, { title: 'Haushalt 2027', kind: 'debate', description: null }, undefined, admin);
    await services.sittings.moveAgendaItem(b.id, 1, admin);
    await services.sittings.updateAgendaItem(a.id, { title: 'Begrüßung' }, admin);
    await services.sittings.removeAgendaItem(a.id, admin);
    await services.sittings.update(s.id, { title: 'Haushalt 2027' }, admin);

    const log = await services.adminLog.page({ limit: 100, offset: 0 });
    expect(log.map((e) => e.action)).toEqual([
      'sitting.update',
      'agenda.remove',
      'agenda.update',
      'agenda.move',
      'agenda.add',
      'agenda.add',
      'sitting.create',
      'faction.update',
    ]);
    expect(log.every((e) => e.actor.username === 'it.admin')).toBe(true);
    expect(log.at(-1)).toMatchObject({ subject: 'faction:grn', before: { name: expect.not.stringMatching('Die Grünen') }, after: { name: 'Die Grünen' } });
    expect(log[3]).toMatchObject({ before: { order: [a.id, b.id] }, after: { order: [b.id, a.id] } });
    const exported = await services.adminLog.export();
    expect(exported.verification).toMatchObject({ ok: true, entries: 8, head: log[0]!.hash });

    // Any stored change breaks the chain at that entry.
    await h.db
      .updateTable('admin_log')
      .set({ after: JSON.stringify({ name: 'Forged' }) })
      .where('seq', '=', 1)
      .execute();
    expect(await services.adminLog.verify()).toMatchObject({ ok: false, seq: 1, problem: 'hash_mismatch' });
  });
});

describe.each(testDatabaseKinds())('an empty parliament on %s', (kind) => {
  it('is created by the first save', async () => {
    const h = await createTestDatabase(kind, { seed: false });
    try {
      const services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => new Date() });
      expect(await services.parliamentSettings.settings()).toBeNull();
      const saved = await services.parliamentSettings.update(admin, { ...council, rulebookOverrides: undefined, shortName: null });
      expect(saved).toMatchObject({ name: council.name, rulebookPreset: 'municipal-council-nrw', rulebookOverrides: null, shortName: null });
      expect((await services.roster.parliament())?.name).toBe(council.name);
      expect((await services.adminLog.page({ limit: 5, offset: 0 }))[0]).toMatchObject({ action: 'parliament.create', before: null });
    } finally {
      await h.close();
    }
  });
});
