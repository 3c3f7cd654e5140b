import { sessionKey } from '../db/sessions';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { insertPerson } from '../db/people';
import { testDatabaseKinds } from '../../test/support/database';
import { insertSession } from '../db/sessions';
import { browse, CookieJar, loginSession } from '../../test/support/oidc-login';
import { startAuthTestServer, whoami, type AuthTestServer } from '../../test/support/auth-server';
import { safeReturnTo } from './web-login';
import { hostileReturnTos } from '../../test/support/hostile-return-to';
import { fixturePersonId } from '../services/seed';

describe.each(testDatabaseKinds())('web sign-in through the development provider (%s)', (databaseKind) => {
  let s: AuthTestServer;
  beforeAll(async () => {
    s = await startAuthTestServer({ databaseKind });
  });
  afterAll(async () => {
    await s?.close();
  });

  const sessionCount = async () => Number((await sql<{ n: string }>`select count(*) as n from sessions`.execute(s.database.db)).rows[0]!.n);
  const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, s.baseUrl), { redirect: 'manual', headers });

  it('signs a.keller in with a server-side session carrying her roles', async () => {
    const before = await sessionCount();
    const { cookie, location } = await loginSession(s.baseUrl, 'a.keller');
    expect(location).toBe('/');
    expect(cookie).toMatch(/^plenum_session=[A-Za-z0-9_-]{43}$/);
    expect(await sessionCount()).toBe(before + 1);

    const { status, body } = await whoami(s.baseUrl, { cookie });
    expect(status).toBe(200);
    const kellerId = fixturePersonId('a.keller');
    expect(body.user).toEqual({
      issuer: `${s.baseUrl}/oidc`,
      subject: kellerId,
      personId: kellerId,
      username: 'a.keller',
      name: 'Anna Keller',
      email: null,
      roles: ['chair', 'member'],
      via: 'session',
    });

    const row = await s.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionKey(cookie.split('=')[1]!))
      .executeTakeFirstOrThrow();
    const hours = (row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(12, 1);
    expect(row.id_token).toMatch(/^ey/);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on the whole site', async () => {
    // The last hop of a sign-in: read the callback response's header itself.
    const { setCookie } = await loginSession(s.baseUrl, 'clerk');
    expect(setCookie).toMatch(/^plenum_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
  });

  it('signs in again without the form while the provider session lasts, consenting for its own web app', async () => {
    const jar = new CookieJar();
    const first = await loginSession(s.baseUrl, 'l.vogel', 'plenum', { jar });
    const again = await browse(jar, new URL('/auth/login?returnTo=/chamber', s.baseUrl), { stopAt: '/auth/callback' });
    expect(again.url.pathname).toBe('/auth/callback');
    expect(again.res.headers.get('location')).toBe('/chamber');
    expect(jar.get('plenum_session')).not.toBe(first.cookie.split('=')[1]);

    // Sign out of Plenum but stay signed in at the provider: it drops Plenum's grant, so the next
    // sign-in passes through the consent interaction, which is answered without asking.
    const logout = await browse(jar, new URL('/auth/logout', s.baseUrl), { init: { method: 'POST', headers: { origin: s.baseUrl } } });
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await logout.res.text())![1]!;
    await browse(jar, new URL('/oidc/session/end/confirm', s.baseUrl), {
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ xsrf }).toString() },
    });
    const third = await browse(jar, new URL('/auth/login', s.baseUrl), { stopAt: '/auth/callback' });
    expect(third.visited.some((p) => p.startsWith('/oidc/interaction/'))).toBe(true);
    expect(third.url.pathname).toBe('/auth/callback');
    expect((await whoami(s.baseUrl, { cookie: `plenum_session=${jar.get('plenum_session')}` })).body.user).toMatchObject({ username: 'l.vogel' });
  });

  it('refuses a wrong password with the form again and stores nothing', async () => {
    const before = await sessionCount();
    await expect(loginSession(s.baseUrl, 'a.keller', 'wrong')).rejects.toThrow(/refused: Unknown username or wrong password/);
    await expect(loginSession(s.baseUrl, 'nobody.here')).rejects.toThrow(/refused/);
    expect(await sessionCount()).toBe(before);
  });

  it('lets a person who is only in the database sign in (imported members, benchmarks)', async () => {
    await insertPerson(s.database.db, {
      username: 'bench.0001',
      givenName: 'Bench',
      familyName: 'Member',
      title: null,
      email: null,
      factionId: null,
      office: null,
      roles: ['member'],
      votingRights: false,
      boothId: null,
    });
    const { cookie } = await loginSession(s.baseUrl, 'bench.0001');
    expect((await whoami(s.baseUrl, { cookie })).body.user).toMatchObject({ username: 'bench.0001', name: 'Bench Member', roles: ['member'] });
  });

  it('returns to a local returnTo and sends any other to the start page', async () => {
    expect((await loginSession(s.baseUrl, 'moderator', 'plenum', { returnTo: '/chamber?sitting=1#floor' })).location).toBe('/chamber?sitting=1#floor');
    // The full list of hostile values is signed in with in server/http/cross-origin.test.ts.
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/auth/logout', '/oidc/session/end']) {
      expect((await loginSession(s.baseUrl, 'moderator', 'plenum', { returnTo: evil })).location, evil).toBe('/');
    }
  });

  it('refuses a callback whose pending sign-in cookie is missing or forged', async () => {
    const before = await sessionCount();
    const state = 'A'.repeat(43);
    const missing = await get(`/auth/callback?code=x&state=${state}`);
    expect(missing.status).toBe(400);
    const forged = await get(`/auth/callback?code=x&state=${state}`, {
      cookie: `plenum_login_${state}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC`,
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('href="/auth/login?returnTo=%2F"');
    expect(await sessionCount()).toBe(before);
  });

  it('does not accept an expired session', async () => {
    const id = 'expired-session-id-for-this-test-only-000000';
    await insertSession(s.database.db, {
      id,
      subject: 'a.keller',
      username: 'a.keller',
      name: 'Anna Keller',
      roles: ['chair'],
      idToken: null,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await whoami(s.baseUrl, { cookie: `plenum_session=${id}` })).body).toEqual({ user: null });
    expect((await whoami(s.baseUrl)).body).toEqual({ user: null });
  });

  it('logs out: deletes the session, clears the cookie and ends the provider session', async () => {
    const { cookie, browserCookies } = await loginSession(s.baseUrl, 'a.keller');
    const res = await fetch(new URL('/auth/logout', s.baseUrl), { method: 'POST', redirect: 'manual', headers: { cookie: browserCookies, origin: s.baseUrl } });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^plenum_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/)]);
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${s.baseUrl}/oidc/session/end`);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${s.baseUrl}/`);
    expect(target.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await whoami(s.baseUrl, { cookie })).body).toEqual({ user: null });
    expect(
      await s.database.db
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', sessionKey(cookie.split('=')[1]!))
        .executeTakeFirst(),
    ).toBeUndefined();

    // The provider's confirmation page: a plain form, no scripts.
    const confirm = await fetch(target, { headers: { cookie: browserCookies } });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('<form id="op.logoutForm" method="post"');
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);

    // Confirming ends the provider session and comes home.
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = await fetch(new URL('/oidc/session/end/confirm', s.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: browserCookies, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${s.baseUrl}/`);
    expect(done.headers.getSetCookie().some((c) => /^plenum_op=;/.test(c))).toBe(true);

    // POST /auth/logout works too, and without a session simply goes home.
    const again = await fetch(new URL('/auth/logout', s.baseUrl), { method: 'POST', redirect: 'manual', headers: { cookie, origin: s.baseUrl } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${s.baseUrl}/`);
  });

  it('keeps the provider’s auto-submitting logout page within the CSP (its script is allowed by hash)', async () => {
    const { cookie } = await loginSession(s.baseUrl, 'a.keller');
    const res = await fetch(new URL('/auth/logout', s.baseUrl), { method: 'POST', redirect: 'manual', headers: { cookie, origin: s.baseUrl } });
    // No provider session cookie sent: oidc-provider answers with a self-submitting form.
    const page = await fetch(res.headers.get('location')!);
    const html = await page.text();
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(script).toBeDefined();
    const digest = createHash('sha256').update(script!).digest('base64');
    expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${digest.replace(/[+/]/g, '\\$&')}'`));
  });

  it('serves a sign-in form with labelled fields, the demo hint and no scripts', async () => {
    const start = await get('/auth/login');
    const authorize = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const interaction = new URL(authorize.headers.get('location')!, s.baseUrl);
    const cookie = authorize.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const form = await fetch(interaction, { headers: { cookie } });
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toMatch(/<label for="username">[\s\S]*<input id="username" name="username" data-testid="username"/);
    expect(html).toMatch(/<label for="password">[\s\S]*<input id="password" name="password" data-testid="password" type="password"/);
    expect(html).toContain('data-testid="submit"');
    expect(html).toContain('password: <code>plenum</code>');
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });
});

describe('safeReturnTo', () => {
  const base = 'http://localhost:3000';
  it('keeps local paths, normalised, and defaults to /', () => {
    expect(safeReturnTo(undefined, base)).toBe('/');
    expect(safeReturnTo('/chair?x=1', base)).toBe('/chair?x=1');
    expect(safeReturnTo('/a/../b', base)).toBe('/b');
    expect(safeReturnTo('/sittings/42/chamber#floor', base)).toBe('/sittings/42/chamber#floor');
    expect(safeReturnTo('http://localhost:3000/chair', base)).toBe('/chair');
    expect(safeReturnTo('/Bürger sprechstunde', base)).toBe('/B%C3%BCrger%20sprechstunde');
  });
  it('sends anything that could leave the site or loop into sign-in to /', () => {
    for (const v of hostileReturnTos) expect(safeReturnTo(v, base), JSON.stringify(v)).toBe('/');
    for (const v of [['/a', '/b'], 42, null, '/x'.repeat(1025)]) expect(safeReturnTo(v, base)).toBe('/');
  });
});
