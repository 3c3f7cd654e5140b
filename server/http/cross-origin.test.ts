/**
 * Class 5 ("the cookie session trusts other origins", HTTP side) and class 7's X-Forwarded-* and
 * /metrics: each attack is made with a valid session cookie, as a page of another (sibling) site
 * would make it, and the test asserts the refusal and that nothing changed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { hostileReturnTos } from '../../test/support/hostile-return-to';
import { browse, CookieJar, fetchAccessToken, loginSession } from '../../test/support/oidc-login';

const trustedOther = 'https://admin.example.org';
const foreign = 'https://evil.example';
const csrf = { 'x-plenum-csrf': '1' };

const agendaQuery = '{ sitting(id: "sitting-42") { title agenda { id title } } }';
const addItem = (title: string) => `mutation { addAgendaItem(sittingId: "sitting-42", input: { title: "${title}", kind: DEBATE }) { __typename } }`;

function allowances(res: Response): string[] {
  return [...res.headers.keys()].filter((k) => k.startsWith('access-control-allow-'));
}

/** The Koa app the server runs, asked what it makes of a request's client address and scheme. */
async function koaSees(t: TestApp, headers: Record<string, string>): Promise<{ ip: string; protocol: string; host: string }> {
  const koa = t.app['handler'];
  const probe = http.createServer((req, res) => {
    const ctx = koa.createContext(req, res);
    res.end(JSON.stringify({ ip: ctx.ip, protocol: ctx.protocol, host: ctx.host }));
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(probe.address() as AddressInfo).port}/`, { headers });
    return (await res.json()) as { ip: string; protocol: string; host: string };
  } finally {
    probe.close();
  }
}

const forwarded = { 'x-forwarded-for': '127.0.0.1, 203.0.113.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };

describe.each(testDatabaseKinds())('cross-origin requests with a session cookie (%s)', (kind) => {
  let t: TestApp;
  let admin: string;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ database: kind, env: { CORS_ORIGINS: trustedOther } });
    admin = (await loginSession(t.baseUrl, 'it.admin')).cookie;
    bearer = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'it.admin')}` };
  });
  afterAll(() => t?.stop());

  const agenda = async () =>
    (await gql<{ sitting: { title: string; agenda: { id: string; title: string }[] } }>(t.baseUrl, agendaQuery, {}, bearer)).body.data!.sitting;
  const post = (headers: Record<string, string>, body: BodyInit, path = '/graphql') =>
    fetch(`${t.baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers, body });

  describe('CORS', () => {
    it('gives a foreign origin no allowance, in a preflight or on a credentialed request', async () => {
      for (const origin of [foreign, 'null', `${t.baseUrl}.evil.example`, t.baseUrl.replace('http:', 'https:')]) {
        const preflight = await fetch(`${t.baseUrl}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-plenum-csrf' },
        });
        expect(preflight.status, origin).toBe(403);
        expect(allowances(preflight), origin).toEqual([]);

        const read = await post({ origin, cookie: admin, 'content-type': 'application/json', ...csrf }, JSON.stringify({ query: '{ me { username } }' }));
        expect(allowances(read), origin).toEqual([]);
        expect(read.headers.get('vary')).toMatch(/origin/i);
        const protocol = await fetch(`${t.baseUrl}/api/sittings/sitting-42/protocol.json`, { headers: { origin, cookie: admin } });
        expect(allowances(protocol), origin).toEqual([]);
      }
    });

    it('allows PUBLIC_URL and CORS_ORIGINS, with credentials and the CSRF header', async () => {
      for (const origin of [t.baseUrl, trustedOther]) {
        const preflight = await fetch(`${t.baseUrl}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-plenum-csrf' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
        expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
        expect(preflight.headers.get('access-control-allow-headers')).toContain('x-plenum-csrf');
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');

        const read = await post({ origin, cookie: admin, 'content-type': 'application/json', ...csrf }, JSON.stringify({ query: '{ me { username } }' }));
        expect(await read.json()).toEqual({ data: { me: { username: 'it.admin' } } });
        expect(read.headers.get('access-control-allow-origin')).toBe(origin);
        expect(read.headers.get('access-control-allow-credentials')).toBe('true');
      }
    });
  });

  describe('CSRF on /graphql', () => {
    it('refuses form-encoded, multipart, text/plain, header-less and GET mutations with the cookie, and changes nothing', async () => {
      const before = await agenda();
      const mutation = addItem('Forged motion');
      const multipart = new FormData();
      multipart.set('operations', JSON.stringify({ query: mutation }));
      multipart.set('map', '{}');
      const attempts: [string, () => Promise<Response>, number, string][] = [
        [
          'form-encoded',
          () =>
            post({ origin: foreign, cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ query: mutation }).toString()),
          403,
          'CSRF_CONTENT_TYPE',
        ],
        [
          'form-encoded with the header',
          () => post({ cookie: admin, 'content-type': 'application/x-www-form-urlencoded', ...csrf }, new URLSearchParams({ query: mutation }).toString()),
          403,
          'CSRF_CONTENT_TYPE',
        ],
        ['multipart', () => post({ origin: foreign, cookie: admin }, multipart), 403, 'CSRF_CONTENT_TYPE'],
        [
          'text/plain',
          () => post({ origin: foreign, cookie: admin, 'content-type': 'text/plain' }, JSON.stringify({ query: mutation })),
          403,
          'CSRF_CONTENT_TYPE',
        ],
        ['application/graphql', () => post({ cookie: admin, 'content-type': 'application/graphql', ...csrf }, mutation), 403, 'CSRF_CONTENT_TYPE'],
        ['no content type', () => post({ cookie: admin, ...csrf }, new Blob([JSON.stringify({ query: mutation })])), 403, 'CSRF_CONTENT_TYPE'],
        [
          'JSON without the header',
          () => post({ cookie: admin, 'content-type': 'application/json' }, JSON.stringify({ query: mutation })),
          403,
          'CSRF_HEADER_MISSING',
        ],
        [
          'JSON with an empty header',
          () => post({ cookie: admin, 'content-type': 'application/json', 'x-plenum-csrf': '' }, JSON.stringify({ query: mutation })),
          403,
          'CSRF_HEADER_MISSING',
        ],
        ['GET mutation', () => fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent(mutation)}`, { headers: { cookie: admin } }), 403, 'CSRF_HEADER_MISSING'],
      ];
      for (const [name, send, status, code] of attempts) {
        const res = await send();
        expect(res.status, name).toBe(status);
        const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code, name).toBe(code);
        expect(body.errors[0]?.message, name).toMatch(/signed-in request must/);
      }
      // GET with the header gets past the guard and is refused by Yoga: mutations need POST.
      const get = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent(mutation)}`, {
        headers: { cookie: admin, accept: 'application/json', ...csrf },
      });
      expect(get.status).toBe(405);
      expect(await agenda()).toEqual(before);
    });

    it('runs the same mutation as JSON with the header, and with a bearer token without it', async () => {
      const before = await agenda();
      const res = await post(
        { origin: t.baseUrl, cookie: admin, 'content-type': 'application/json', ...csrf },
        JSON.stringify({ query: addItem('Motion by cookie') }),
      );
      expect(await res.json()).toEqual({ data: { addAgendaItem: { __typename: 'MutationAddAgendaItemSuccess' } } });
      const withCharset = await post(
        { cookie: admin, 'content-type': 'application/json; charset=utf-8', ...csrf },
        JSON.stringify({ query: '{ me { username } }' }),
      );
      expect(await withCharset.json()).toEqual({ data: { me: { username: 'it.admin' } } });
      const byBearer = await post({ ...bearer, 'content-type': 'application/json' }, JSON.stringify({ query: addItem('Motion by token') }));
      expect(await byBearer.json()).toEqual({ data: { addAgendaItem: { __typename: 'MutationAddAgendaItemSuccess' } } });
      expect((await agenda()).agenda.map((i) => i.title)).toEqual([...before.agenda.map((i) => i.title), 'Motion by cookie', 'Motion by token']);
      // Anonymous requests carry no ambient authority and need no header (the public watch page).
      expect((await post({ 'content-type': 'application/json' }, JSON.stringify({ query: '{ me { username } }' }))).status).toBe(200);
    });
  });

  describe('sign-in and sign-out', () => {
    it('lands every hostile returnTo on / of our own origin', async () => {
      const jar = new CookieJar();
      expect((await loginSession(t.baseUrl, 'clerk', 'plenum', { jar, returnTo: '/sittings/sitting-42' })).location).toBe('/sittings/sitting-42');
      for (const evil of hostileReturnTos) {
        const start = new URL('/auth/login', t.baseUrl);
        start.searchParams.set('returnTo', evil);
        // The provider's session lasts, so this runs through to the callback without the form.
        const step = await browse(jar, start, { stopAt: '/auth/callback' });
        expect(step.url.pathname, JSON.stringify(evil)).toBe('/auth/callback');
        const landing = new URL(step.res.headers.get('location')!, step.url);
        expect(landing.href, JSON.stringify(evil)).toBe(`${t.baseUrl}/`);
      }
    }, 120_000);

    it('does not sign out on GET or on a POST from another origin; does on a POST from ours', async () => {
      const { cookie } = await loginSession(t.baseUrl, 'j.brandt');
      const me = async () => (await gql<{ me: { username: string } | null }>(t.baseUrl, '{ me { username } }', {}, { cookie })).body.data?.me ?? null;
      expect(await me()).toEqual({ username: 'j.brandt' });

      const get = await fetch(`${t.baseUrl}/auth/logout`, { redirect: 'manual', headers: { cookie } });
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
      expect(get.headers.getSetCookie()).toEqual([]);
      expect(await get.text()).toMatch(/<form method="post" action="\/auth\/logout">/);
      expect(await me()).toEqual({ username: 'j.brandt' });

      const foreignForms: Record<string, string>[] = [
        { origin: foreign },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of foreignForms) {
        const res = await fetch(`${t.baseUrl}/auth/logout`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        });
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(res.headers.getSetCookie()).toEqual([]);
        expect(await me()).toEqual({ username: 'j.brandt' });
      }

      const res = await fetch(`${t.baseUrl}/auth/logout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: t.baseUrl, 'sec-fetch-site': 'same-origin' },
      });
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie()[0]).toMatch(/^plenum_session=; /);
      expect(await me()).toBeNull();
    });
  });

  describe('X-Forwarded-* and /metrics without TRUST_PROXY or METRICS_TOKEN', () => {
    it('ignores X-Forwarded-For, -Proto and -Host', async () => {
      expect(await koaSees(t, forwarded)).toEqual({ ip: '127.0.0.1', protocol: 'http', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
      // The provider's discovery document is built from the request: it must not name a forged host.
      const discovery = (await (await fetch(`${t.baseUrl}/oidc/.well-known/openid-configuration`, { headers: forwarded })).json()) as {
        token_endpoint: string;
      };
      expect(discovery.token_endpoint).toBe(`${t.baseUrl}/oidc/token`);
    });

    it('answers /metrics only to a direct request from this machine', async () => {
      const direct = await fetch(`${t.baseUrl}/metrics`);
      expect(direct.status).toBe(200);
      expect(await direct.text()).toContain('plenum_http_requests_total');
      const viaProxy: Record<string, string>[] = [{ 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }];
      for (const h of viaProxy) {
        const proxied = await fetch(`${t.baseUrl}/metrics`, { headers: { ...h, cookie: admin } });
        expect(proxied.status, JSON.stringify(h)).toBe(403);
        expect(await proxied.text()).not.toContain('plenum_http_requests_total');
      }
    });
  });

  describe('methods the server does not answer', () => {
    /** node:http, since fetch refuses TRACE itself. */
    const send = (method: string, path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
        const req = http.request(`${t.baseUrl}${path}`, { method, headers: { cookie: admin, ...headers } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
        });
        req.on('error', reject);
        req.end();
      });

    it('refuses TRACE, PUT, DELETE, PATCH and made-up methods with 405 on every path, echoing nothing', async () => {
      for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
        for (const path of ['/', '/graphql', '/oidc/token', '/auth/login', '/media?sitting=sitting-42', '/sitting/sitting-42', '/healthz']) {
          const res = await send(method, path, { 'x-secret': 'echo-me' });
          expect(res.status, `${method} ${path}`).toBe(405);
          expect(res.allow).toBe('GET, HEAD, POST, OPTIONS');
          expect(res.body).not.toContain('echo-me');
        }
      }
      const after = await gql<{ sitting: { title: string } }>(t.baseUrl, agendaQuery, {}, bearer);
      expect(after.body.data?.sitting.title).toBeTruthy();
    });
  });
});

describe('with TRUST_PROXY and METRICS_TOKEN', () => {
  const token = 'metrics-token-for-this-test-0123456789';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true', METRICS_TOKEN: token } });
  });
  afterAll(() => t?.stop());

  it('honours X-Forwarded-Proto and -Host, and takes the client address our proxy appended', async () => {
    // The first X-Forwarded-For entry is whatever the client claimed; the last is what our proxy saw.
    expect(await koaSees(t, forwarded)).toEqual({ ip: '203.0.113.7', protocol: 'https', host: 'evil.example' });
    const discovery = (await (await fetch(`${t.baseUrl}/oidc/.well-known/openid-configuration`, { headers: forwarded })).json()) as { token_endpoint: string };
    expect(discovery.token_endpoint).toBe('https://evil.example/oidc/token');
  });

  it('refuses /metrics without the token, with a wrong one or a session, even from loopback', async () => {
    const cookie = (await loginSession(t.baseUrl, 'it.admin')).cookie;
    const refused: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${token.slice(0, -1)}` },
      { authorization: `Bearer ${token}x` },
      { authorization: token },
      { cookie },
    ];
    for (const headers of refused) {
      const res = await fetch(`${t.baseUrl}/metrics`, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('plenum_');
    }
    const ok = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('plenum_http_requests_total');
  });
});
