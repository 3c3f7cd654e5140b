import { sessionKey } from '../db/sessions';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, type JWK } from 'jose';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { AuthError, createAuth } from '.';
import { startAuthTestServer, whoami, type AuthTestServer } from '../../test/support/auth-server';
import { fixturePersonId } from '../services/seed';

const kellerId = fixturePersonId('a.keller');

let a: AuthTestServer;
let token: string;
beforeAll(async () => {
  a = await startAuthTestServer();
  token = await fetchAccessToken(a.baseUrl, 'a.keller');
});
afterAll(async () => {
  await a?.close();
});

/** A token signed with the development provider's own key, so that only the claim under test is wrong. */
async function signed(claims: Record<string, unknown>, opts: { exp?: number; key?: 'provider' | 'stranger' } = {}) {
  const file = JSON.parse(await fs.readFile(path.join(a.config.dataDir, 'oidc-jwks.json'), 'utf8')) as { keys: JWK[] };
  const jwk = file.keys[0]!;
  const key = opts.key === 'stranger' ? (await generateKeyPair('ES256')).privateKey : await importJWK(jwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `${a.baseUrl}/oidc`,
    aud: `${a.baseUrl}/graphql`,
    sub: kellerId,
    iat: now - 120,
    exp: opts.exp ?? now + 600,
    roles: ['chair'],
    preferred_username: 'a.keller',
    ...claims,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk.kid! }).sign(key);
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('bearer tokens from the development provider', () => {
  it('issues a JWT access token for the GraphQL API through plenum-api (PKCE + resource)', () => {
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({
      iss: `${a.baseUrl}/oidc`,
      aud: `${a.baseUrl}/graphql`,
      sub: kellerId,
      client_id: 'plenum-api',
      roles: ['member', 'chair'],
    });
  });

  it('authenticates a request and a graphql-ws connection with it', async () => {
    const expected = {
      issuer: `${a.baseUrl}/oidc`,
      subject: kellerId,
      personId: kellerId,
      username: 'a.keller',
      name: 'Anna Keller',
      email: 'a.keller@plenum.test',
      roles: ['chair', 'member'],
      via: 'bearer',
    };
    expect(await whoami(a.baseUrl, bearer(token))).toEqual({ status: 200, body: { user: expected } });
    expect(await a.auth.authenticateBearer(`Bearer ${token}`)).toEqual(expected);
    expect(await a.auth.authenticateBearer(token)).toEqual(expected);
  });

  it('prefers the bearer token over a session cookie', async () => {
    const { cookie } = await loginSession(a.baseUrl, 'clerk');
    expect((await whoami(a.baseUrl, { cookie, ...bearer(token) })).body.user).toMatchObject({ username: 'a.keller', via: 'bearer' });
  });

  it('refuses a tampered token', async () => {
    const [header, , signature] = token.split('.') as [string, string, string];
    const claims = { ...decodeJwt(token), roles: ['it_admin'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await whoami(a.baseUrl, bearer(forged))).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
  });

  it('tells an expired token apart', async () => {
    const expired = await signed({}, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await whoami(a.baseUrl, bearer(expired))).toMatchObject({ status: 401, body: { error: 'TOKEN_EXPIRED' } });
    await expect(a.auth.authenticateBearer(expired)).rejects.toMatchObject({ name: 'AuthError', code: 'TOKEN_EXPIRED' });
  });

  it('refuses the wrong audience, the wrong issuer, a stranger’s key and ID tokens', async () => {
    const control = await signed({});
    expect((await whoami(a.baseUrl, bearer(control))).body.user).toMatchObject({ username: 'a.keller', roles: ['chair'] });

    const cases = {
      audience: await signed({ aud: 'plenum' }),
      issuer: await signed({ iss: 'http://127.0.0.1:1/oidc' }),
      key: await signed({}, { key: 'stranger' }),
    };
    for (const [name, t] of Object.entries(cases)) {
      expect(await whoami(a.baseUrl, bearer(t)), name).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
    }

    const { cookie } = await loginSession(a.baseUrl, 'a.keller');
    const row = await a.database.db
      .selectFrom('sessions')
      .select('id_token')
      .where('id', '=', sessionKey(cookie.split('=')[1]!))
      .executeTakeFirstOrThrow();
    expect(await whoami(a.baseUrl, bearer(row.id_token!))).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
  });

  it('refuses what is not a bearer JWT', async () => {
    expect(await whoami(a.baseUrl, bearer('not-a-jwt'))).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
    expect(await whoami(a.baseUrl, { authorization: 'Basic YTpi' })).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
  });

  it('refuses a wrong password at the token flow', async () => {
    await expect(fetchAccessToken(a.baseUrl, 'a.keller', 'nope')).rejects.toThrow(/refused/);
  });

  it('keeps its signing key in DATA_DIR, so tokens survive a restart', async () => {
    const file = path.join(a.config.dataDir, 'oidc-jwks.json');
    const before = await fs.readFile(file, 'utf8');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const restarted = await createAuth({ config: a.config, db: a.database.db, log: createLogger('silent') });
    expect(await restarted.authenticateBearer(token)).toMatchObject({ username: 'a.keller', via: 'bearer' });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    await restarted.close();
  });
});

describe('an external issuer', () => {
  it('verifies tokens against the discovered JWKS and checks the configured audience', async () => {
    const b = await startAuthTestServer({
      database: a.database,
      env: { OIDC_ISSUER: `${a.baseUrl}/oidc`, OIDC_CLIENT_SECRET: 'not-used-by-bearer', OIDC_AUDIENCE: `${a.baseUrl}/graphql` },
    });
    try {
      expect(b.auth.issuer).toBe(`${a.baseUrl}/oidc`);
      expect((await whoami(b.baseUrl, bearer(token))).body.user).toMatchObject({ username: 'a.keller', roles: ['chair', 'member'], via: 'bearer' });
      // No development provider on b.
      expect((await fetch(`${b.baseUrl}/oidc/.well-known/openid-configuration`)).status).toBe(404);
    } finally {
      await b.close();
    }
    const strict = await startAuthTestServer({
      database: a.database,
      env: { OIDC_ISSUER: `${a.baseUrl}/oidc`, OIDC_CLIENT_SECRET: 'x', OIDC_AUDIENCE: 'plenum' },
    });
    try {
      expect(await whoami(strict.baseUrl, bearer(token))).toMatchObject({ status: 401, body: { error: 'INVALID_TOKEN' } });
    } finally {
      await strict.close();
    }
  });

  it('reports an unreachable issuer as such, for tokens and for sign-in', async () => {
    const c = await startAuthTestServer({ database: a.database, env: { OIDC_ISSUER: 'http://127.0.0.1:9/realms/plenum', OIDC_CLIENT_SECRET: 'x' } });
    try {
      expect(await whoami(c.baseUrl, bearer(token))).toMatchObject({ status: 503, body: { error: 'ISSUER_UNREACHABLE' } });
      const login = await fetch(`${c.baseUrl}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(503);
      expect(await login.text()).toContain('cannot be reached');
    } finally {
      await c.close();
    }
  });
});

describe('configuration', () => {
  const base = { PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' as const, DATA_DIR: '/tmp/plenum-auth-misconfigured' };
  it('refuses the development provider in production', async () => {
    // The configuration itself refuses this (server/config/production.ts); the provider refuses it too.
    const config = { ...loadConfig(base), env: 'production' as const };
    const err = await createAuth({ config, db: a.database.db, log: createLogger('silent') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'MISCONFIGURED', message: expect.stringContaining('set OIDC_ISSUER') });
  });
  it('refuses a plain-http remote issuer in production', async () => {
    const config = { ...loadConfig({ ...base, OIDC_ISSUER: 'http://keycloak.example/realms/plenum', OIDC_CLIENT_SECRET: 'x' }), env: 'production' as const };
    await expect(createAuth({ config, db: a.database.db, log: createLogger('silent') })).rejects.toMatchObject({ code: 'MISCONFIGURED' });
  });
});
