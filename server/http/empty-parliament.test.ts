/**
 * No demo data in production: a production database starts empty, the demo parliament loads only in
 * development and test or when asked (PLENUM_DEMO), and an it_admin signs in to an empty parliament
 * and is told it is empty instead of meeting an error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, importJWK, type JWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { readFixture } from '../services/seed';

const emptyQuery = `{ parliament { name statutoryMembers seatsFilled } sittings { id } people { id } factions { id } booths { id } me { username roles person { id } } }`;

/** An access token of the app's development provider (its key in DATA_DIR) for a user the parliament does not know yet. */
async function itAdminToken(t: TestApp): Promise<string> {
  const file = JSON.parse(await fs.readFile(path.join(t.app.config.dataDir, 'oidc-jwks.json'), 'utf8')) as { keys: JWK[] };
  const jwk = file.keys[0]!;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['it_admin'], preferred_username: 'it.admin', client_id: 'plenum-api' })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk.kid! })
    .setIssuer(`${t.baseUrl}/oidc`)
    .setAudience(`${t.baseUrl}/graphql`)
    .setSubject(randomUUID())
    .setIssuedAt(now - 10)
    .setExpirationTime(now + 600)
    .sign(await importJWK(jwk, 'ES256'));
}

/** What the database holds, counted directly. */
async function rows(t: TestApp): Promise<{ parliament: number; people: number; sittings: number }> {
  const db = t.app.database.db;
  const count = async (table: 'parliament' | 'people' | 'sittings') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { parliament: await count('parliament'), people: await count('people'), sittings: await count('sittings') };
}

describe.each(testDatabaseKinds())('an empty parliament (%s)', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('is not filled with the demo when PLENUM_DEMO=0; an it_admin signs in and is told it is empty', async () => {
    t = await startTestApp({ database: kind, seed: false, env: { PLENUM_DEMO: '0' } });
    expect(await rows(t)).toEqual({ parliament: 0, people: 0, sittings: 0 });

    const signedIn = await gql(t.baseUrl, emptyQuery, {}, { authorization: `Bearer ${await itAdminToken(t)}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data).toEqual({
      parliament: null,
      sittings: [],
      people: [],
      factions: [],
      booths: [],
      me: { username: 'it.admin', roles: ['IT_ADMIN'], person: null },
    });
  });

  it('is set up by an it_admin: the first save of the settings creates the parliament', async () => {
    t = await startTestApp({ database: kind, seed: false, env: { PLENUM_DEMO: '0' } });
    const auth = { authorization: `Bearer ${await itAdminToken(t)}` };
    const input = {
      name: 'Gemeinderat Beispielstadt',
      statutoryMembers: 41,
      floorLanguage: 'de',
      timeZone: 'Europe/Berlin',
      rulebookPreset: 'municipal-council-nrw',
    };
    const saved = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      'mutation($input: ParliamentSettingsInput!) { r: updateParliamentSettings(input: $input) { __typename } }',
      { input },
      auth,
    );
    expect(saved.body.data?.r.__typename).toBe('MutationUpdateParliamentSettingsSuccess');
    const read = await gql(
      t.baseUrl,
      '{ parliament { name statutoryMembers seatsFilled } parliamentSettings { rulebookPreset } adminLog { action } }',
      {},
      auth,
    );
    expect(read.body.data).toEqual({
      parliament: { name: 'Gemeinderat Beispielstadt', statutoryMembers: 41, seatsFilled: 0 },
      parliamentSettings: { rulebookPreset: 'municipal-council-nrw' },
      adminLog: [{ action: 'parliament.create' }],
    });
  });

  it('loads the demo parliament in test mode by default, once', async () => {
    t = await startTestApp({ database: kind, seed: false });
    const fixture = await readFixture();
    expect(await rows(t)).toEqual({ parliament: 1, people: fixture.people.length, sittings: fixture.sittings.length });
  });
});

describe('production', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  // An external issuer that is never asked (no request carries a token): production refuses the built-in one.
  const production = {
    NODE_ENV: 'production',
    TRUST_PROXY: 'true',
    SESSION_SECRET: randomBytes(32).toString('base64'),
    OIDC_ISSUER: 'http://127.0.0.1:9/realms/plenum',
    OIDC_CLIENT_SECRET: 'never-used',
    OIDC_AUDIENCE: 'plenum-api',
  };

  it('starts an empty database empty, and loads the demo only when asked (PLENUM_DEMO=1)', async () => {
    t = await startTestApp({ seed: false, env: production });
    expect(await rows(t)).toEqual({ parliament: 0, people: 0, sittings: 0 });

    await t.stop();
    t = await startTestApp({ seed: false, env: { ...production, PLENUM_DEMO: '1' } });
    expect(await rows(t)).toMatchObject({ parliament: 1 });
  });

  it('refuses introspection unless GRAPHIQL=on', async () => {
    t = await startTestApp({ seed: false, env: production });
    expect((await gql(t.baseUrl, '{ __schema { queryType { name } } }')).body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    await t.stop();
    t = await startTestApp({ seed: false, env: { ...production, GRAPHIQL: 'on' } });
    expect((await gql(t.baseUrl, '{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
