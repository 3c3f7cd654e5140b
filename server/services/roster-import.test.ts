import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { createLogger } from '../log';
import { createPlenumPubSub } from './pubsub';
import { createServices } from '.';
import type { Actor } from '../domain/procedure/commands';
import { InputError, RuleViolation } from '../domain/errors';
import { findPersonByUsername, listStoredPeople } from '../db/people';
import { emptyDiff } from '../domain/roster-import/diff';
import { loadAdminLog } from '../db/admin-log';
import { verifyAdminLog } from '../domain/admin-log';

const S = 'sitting-42';
const header = 'type,external_id,short_name,name,colour,seats,username,given_name,family_name,faction,roles,voting_rights,member_from';

describe.each(testDatabaseKinds())('roster import on %s', (kind) => {
  let h: TestDatabase;
  let services: ReturnType<typeof createServices>;
  const it_admin: Actor = { personId: null, roles: ['it_admin'] };
  const csv = (...rows: string[]) => ({ format: 'csv' as const, content: [header, ...rows].join('\n'), wholeRoster: false });
  const count = async () => (await listStoredPeople(h.db)).length;
  beforeEach(async () => {
    h = await createTestDatabase(kind);
    services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => new Date('2026-12-06T10:00:00Z') });
  });
  afterEach(() => h.close());

  it('previews without changing anything, applies in one go, and a second apply changes nothing', async () => {
    const file = csv(
      'faction,F1,NEU,Neue Liste,#123456,0,,,,,,,',
      'person,P1,,,,,n.eu,Nina,Eu,NEU,clerk,no,2026-01-01',
      'person,P2,,,,,o.tto,Otto,To,,interpreter,no,',
    );
    const before = await count();
    const preview = await services.rosterImport.preview(file);
    expect(preview.diff.people.added.map((a) => a.label)).toEqual(['Nina Eu', 'Otto To']);
    expect(await count()).toBe(before);
    const applied = await services.rosterImport.apply(it_admin, file, preview.fingerprint);
    expect(applied.diff.factions.added).toHaveLength(1);
    expect(await count()).toBe(before + 2);
    const nina = await findPersonByUsername(h.db, 'n.eu');
    expect(nina?.factionId).toBe((await services.roster.factions()).find((f) => f.shortName === 'NEU')?.id);
    expect(emptyDiff((await services.rosterImport.apply(it_admin, file, null)).diff)).toBe(true);
  });

  it('logs the import and the ending of a membership in the admin log, in their transactions; a refused import logs nothing', async () => {
    const by = { username: 'it.admin', personId: null };
    const logged = async () => (await loadAdminLog(h.db)).map((e) => e.action);
    const before = await logged();
    await services.rosterImport.apply(it_admin, csv('person,P9,,,,,z.et,Zoe,Et,,clerk,no,'), null, by);
    const entries = await loadAdminLog(h.db);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ action: 'roster.import', subject: 'roster', actor: by });
    expect(JSON.stringify(entry.after)).toContain('z.et');
    await expect(services.rosterImport.apply(it_admin, csv('person,P8,,,,,y.x,Y,X,NOPE,clerk,no,'), null, by)).rejects.toThrow();
    const zoe = await findPersonByUsername(h.db, 'z.et');
    await services.roster.endPerson(it_admin, zoe!.id, '2026-12-06', by);
    expect(await logged()).toEqual([...before, 'roster.import', 'person.end']);
    expect(verifyAdminLog(await loadAdminLog(h.db)).ok).toBe(true);
  });

  it('exports CSV and JSON that import back to no difference', async () => {
    for (const format of ['csv', 'json'] as const) {
      const content = await services.rosterImport.export(format);
      const p = await services.rosterImport.preview({ format, content, wholeRoster: true });
      expect(emptyDiff(p.diff)).toBe(true);
    }
    const exported = await services.rosterImport.export('csv');
    expect(exported.split('\r\n')[0]).toBe(
      'type,external_id,short_name,name,colour,seats,username,given_name,family_name,title,email,faction,office,roles,voting_rights,member_from,member_to',
    );
  });

  it('applies nothing while any row is wrong, and names the row and column', async () => {
    const before = await listStoredPeople(h.db);
    const file = csv('person,P1,,,,,n.eu,Nina,Eu,,clerk,no,', 'person,P2,,,,,o.tto,Otto,To,NOPE,clerk,no,');
    const error = await services.rosterImport.apply(it_admin, file, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([{ path: ['line 3', 'faction'], message: 'there is no faction NOPE' }]);
    expect(await listStoredPeople(h.db)).toEqual(before);
  });

  it('rolls back the whole import when the seats do not add up', async () => {
    const before = await count();
    const file = csv('person,P1,,,,,n.eu,Nina,Eu,,member,yes,', 'person,P2,,,,,o.tto,Otto,To,,member,yes,');
    await expect(services.rosterImport.apply(it_admin, file, null)).rejects.toThrow(/more than the statutory|seats/);
    expect(await count()).toBe(before);
  });

  it('refuses an apply on a roster changed since the preview', async () => {
    const file = csv('person,P1,,,,,n.eu,Nina,Eu,,clerk,no,');
    const { fingerprint } = await services.rosterImport.preview(file);
    const jonas = await findPersonByUsername(h.db, 'j.brandt');
    await services.roster.updatePerson(it_admin, jonas!.id, { title: 'Dr.' });
    const error = await services.rosterImport.apply(it_admin, file, fingerprint).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe('roster.import_stale');
  });

  it('ends instead of deleting whoever the record names, and notes imported changes in the open sitting', async () => {
    const chair = await findPersonByUsername(h.db, 'a.keller');
    await services.procedure.execute(S, { personId: chair!.id, roles: ['member', 'chair'] }, { kind: 'sitting.open' });
    const deleted = await services.roster.deletePerson(it_admin, chair!.id).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(RuleViolation);
    expect((deleted as RuleViolation).rule).toBe('roster.person_in_record');
    expect(await findPersonByUsername(h.db, 'a.keller')).toBeDefined();

    const ended = await services.roster.endPerson(it_admin, chair!.id, '2026-12-06');
    expect(ended.votingRights).toBe(false);
    expect((await listStoredPeople(h.db)).find((p) => p.id === chair!.id)?.memberTo).toBe('2026-12-06');
    // Gone from the lists (speaker list, invitations, faction members), still there for the record.
    expect((await services.roster.people()).map((p) => p.id)).not.toContain(chair!.id);
    expect((await services.roster.people({ includeEnded: true })).map((p) => p.id)).toContain(chair!.id);
    expect((await services.roster.peopleByIds([chair!.id]))[0]?.id).toBe(chair!.id);

    // An import that takes Jonas's voting right: the record of the open sitting says so.
    const jonas = await findPersonByUsername(h.db, 'j.brandt');
    const exported = await services.rosterImport.export('csv');
    const line = exported.split('\r\n').find((l) => l.includes(',j.brandt,'))!;
    const changed = exported.replace(line, line.replace(',true,', ',false,'));
    const applied = await services.rosterImport.apply(it_admin, { format: 'csv', content: changed, wholeRoster: false }, null);
    expect(applied.diff.people.changed.map((c) => c.fields)).toEqual([[{ field: 'votingRights', before: 'true', after: 'false' }]]);
    const notes = (await services.procedure.record(S)).filter((e) => e.event.kind === 'roster.changed').map((e) => e.event);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toMatchObject({ person: { personId: jonas!.id }, before: { votingRights: true }, after: { votingRights: false } });
  });

  it('deletes a person nobody’s record names', async () => {
    const p = await services.roster.createPerson(it_admin, {
      username: 'temp.clerk',
      givenName: 'Temp',
      familyName: 'Clerk',
      title: null,
      email: null,
      factionId: null,
      office: null,
      roles: ['clerk'],
      votingRights: false,
      boothId: null,
    });
    expect(await services.roster.deletePerson(it_admin, p.id)).toBe(p.id);
  });

  it('reads and compares 10,000 rows', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `person,X${i},,,,,user.${i},Given${i},Family,,clerk,no,`);
    const p = await services.rosterImport.preview(csv(...rows));
    expect(p.diff.people.added).toHaveLength(10_000);
  });
});
