/**
 * Parliament settings and the admin log over the API: only parliament IT reads or changes them;
 * hostile and malformed settings are refused with a typed InputError naming the field and change
 * nothing (neither the settings nor the log); the log is read newest first and exported whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';

type Headers = Record<string, string>;

const settingsFields =
  'name shortName statutoryMembers termName termStartsOn termEndsOn floorLanguage timeZone rulebookPreset rulebookOverrides presetRulebook effectiveRulebook';
const update = `mutation($input: ParliamentSettingsInput!) { r: updateParliamentSettings(input: $input) {
  __typename
  ... on InputError { issues { path message } }
  ... on Error { code message }
  ... on MutationUpdateParliamentSettingsSuccess { data { ${settingsFields} } }
} }`;

const council = {
  name: 'Gemeinderat Beispielstadt',
  shortName: 'GR',
  statutoryMembers: 49,
  termName: '20. Wahlperiode',
  termStartsOn: '2025-11-01',
  termEndsOn: '2030-10-31',
  floorLanguage: 'de',
  timeZone: 'Asia/Tokyo',
  rulebookPreset: 'municipal-council-nrw',
  rulebookOverrides: { speech: { limits: { speech: 300 } } },
};

describe.each(testDatabaseKinds())('parliament settings and admin log over GraphQL (%s)', (kind) => {
  let t: TestApp;
  let admin: Headers, member: Headers, clerk: Headers;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const bearer = async (u: string) => ({ authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` });
    admin = await bearer('it.admin');
    member = await bearer('j.brandt');
    clerk = await bearer('clerk');
  });
  afterAll(() => t?.stop());

  const state = async () => {
    const res = await gql<{ parliamentSettings: unknown; adminLogCount: number }>(
      t.baseUrl,
      `{ parliamentSettings { ${settingsFields} } adminLogCount }`,
      {},
      admin,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };

  it('lets only parliament IT read and change the settings and the log', async () => {
    for (const who of [member, clerk, {}]) {
      const read = await gql(t.baseUrl, '{ parliamentSettings { name } }', {}, who);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(read.body.errors?.[0]?.extensions?.code);
      const log = await gql(t.baseUrl, '{ adminLog { seq } }', {}, who);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(log.body.errors?.[0]?.extensions?.code);
      const write = await gql(t.baseUrl, update, { input: council }, who);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(write.body.errors?.[0]?.extensions?.code);
      const exported = await fetch(`${t.baseUrl}/api/admin-log.json`, { headers: who });
      expect([401, 403]).toContain(exported.status);
    }
    expect((await state()).adminLogCount).toBe(0);
  });

  it('refuses hostile and malformed settings with the field named, changing nothing', async () => {
    const before = await state();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(60_000) }, 'input.name'],
      [{ name: 'Rat \u001b[2J' }, 'input.name'],
      [{ name: 'half \ud800 a pair' }, 'input.name'],
      [{ shortName: 'ring \u0007' }, 'input.shortName'],
      [{ termName: 't'.repeat(201) }, 'input.termName'],
      [{ termStartsOn: 'yesterday' }, 'input.termStartsOn'],
      [{ timeZone: 'Europe/Atlantis' }, 'input.timeZone'],
      [{ timeZone: 'z'.repeat(65) }, 'input.timeZone'],
      [{ floorLanguage: 'de\u0000' }, 'input.floorLanguage'],
      [{ rulebookPreset: '../bundestag-2025' }, 'input.rulebookPreset'],
      [{ rulebookOverrides: { quorum: { fraction: -1 } } }, 'input.rulebookOverrides.quorum.fraction'],
      [{ rulebookOverrides: { __proto__x: 1 } }, 'input.rulebookOverrides.__proto__x'],
      [{ rulebookOverrides: 'everything' }, 'input.rulebookOverrides'],
    ];
    for (const [change, path] of cases) {
      const res = await gql<{ r: { __typename: string; issues?: { path: string[] }[] } }>(t.baseUrl, update, { input: { ...council, ...change } }, admin);
      expect(res.body.errors, path).toBeUndefined();
      expect(res.body.data?.r.__typename, path).toBe('InputError');
      expect(
        res.body.data?.r.issues?.map((i) => i.path.join('.')),
        path,
      ).toContain(path);
    }
    // Malformed: a missing field and a wrong type are refused by GraphQL before the resolver runs.
    const missing = await gql(t.baseUrl, update, { input: { ...council, name: undefined } }, admin);
    expect(missing.body.errors?.length).toBeGreaterThan(0);
    const wrongType = await gql(t.baseUrl, update, { input: { ...council, statutoryMembers: 'many' } }, admin);
    expect(wrongType.body.errors?.length).toBeGreaterThan(0);
    expect(await state()).toEqual(before);
  });

  it('saves the settings, logs the change and exports a log that verifies', async () => {
    const presets = await gql<{ rulebookPresets: { id: string }[] }>(t.baseUrl, '{ rulebookPresets { id name } }', {}, admin);
    expect(presets.body.data?.rulebookPresets.map((p) => p.id)).toEqual(
      expect.arrayContaining(['bundestag-2025', 'european-parliament', 'municipal-council-nrw']),
    );

    const res = await gql<{
      r: { __typename: string; data: Record<string, unknown> & { effectiveRulebook: { preset: string; speech: { limits: { speech: number } } } } };
    }>(t.baseUrl, update, { input: council }, admin);
    expect(res.body.data?.r.__typename).toBe('MutationUpdateParliamentSettingsSuccess');
    expect(res.body.data?.r.data).toMatchObject({ ...council });
    expect(res.body.data?.r.data.effectiveRulebook).toMatchObject({ preset: 'municipal-council-nrw', speech: { limits: { speech: 300 } } });

    const log = await gql<{ adminLog: { seq: number; action: string; actorUsername: string; after: { timeZone: string } }[] }>(
      t.baseUrl,
      '{ adminLog(first: 10) { seq action actorUsername subject before after hash prevHash } adminLogVerification { ok entries head } }',
      {},
      admin,
    );
    expect(log.body.data?.adminLog[0]).toMatchObject({ seq: 1, action: 'parliament.update', actorUsername: 'it.admin', after: { timeZone: 'Asia/Tokyo' } });

    const exported = await fetch(`${t.baseUrl}/api/admin-log.json`, { headers: admin });
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as { format: string; verification: { ok: boolean; entries: number }; entries: unknown[] };
    expect(body).toMatchObject({ format: 'plenum.admin-log/1', verification: { ok: true, entries: 1 } });
    expect(body.entries).toHaveLength(1);
  });
});
