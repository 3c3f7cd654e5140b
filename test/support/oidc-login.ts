/**
 * Signs fixture users in over plain HTTP, as a browser would but without one: fetch, a tiny cookie
 * jar and redirects followed by hand. Works against a running Plenum that uses the built-in
 * development provider (no OIDC_ISSUER). Used by e2e tests and the benchmarks (hundreds of users).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Cookies by name for one origin. Paths are ignored: sending a cookie to more paths than the browser would is harmless here. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.trim().split('=');
        return (k.toLowerCase() === 'max-age' && Number(v) <= 0) || (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now());
      });
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface Step {
  url: URL;
  res: Response;
  /** The redirect this step stopped at, unfollowed (it left the origin, or `stopAt` was reached). */
  next?: URL;
  /** Paths requested on the way, the first included. */
  visited: string[];
}

/** One request with the jar's cookies, no automatic redirects. */
async function send(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Step> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(res);
  return { url, res, visited: [url.pathname] };
}

/**
 * Follows redirects within the first URL's origin. Stops at a non-redirect, at a redirect that leaves
 * the origin, or after the response of the path `stopAt`.
 */
async function follow(jar: CookieJar, start: Step, stopAt?: string): Promise<Step> {
  const { origin } = start.url;
  let step = start;
  const visited = [...start.visited];
  for (let hops = 0; hops < 12; hops++) {
    const location = step.res.headers.get('location');
    if (step.res.status < 300 || step.res.status >= 400 || !location) return { ...step, visited };
    const next = new URL(location, step.url);
    await step.res.body?.cancel();
    if (next.origin !== origin || step.url.pathname === stopAt) return { ...step, next, visited };
    step = await send(jar, next);
    visited.push(next.pathname);
  }
  throw new Error(`too many redirects, last at ${step.url.href}`);
}

/** What a browser does with a link: request it with its cookies and follow the redirects (see follow). */
export async function browse(jar: CookieJar, url: URL, opts: { init?: RequestInit; stopAt?: string } = {}): Promise<Step> {
  return follow(jar, await send(jar, url, opts.init), opts.stopAt);
}

/** Fills in and submits the development provider's sign-in form; returns where it leads. */
async function signIn(jar: CookieJar, form: Step, username: string, password: string, stopAt?: string): Promise<Step> {
  const html = await form.res.text();
  const action = /<form[^>]*\baction="([^"]+)"/.exec(html)?.[1];
  if (form.res.status !== 200 || !action) throw new Error(`expected the sign-in form at ${form.url.href}, got ${form.res.status}`);
  const posted = await send(jar, new URL(action.replace(/&amp;/g, '&'), form.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  if (posted.res.status === 200) {
    const page = await posted.res.text();
    const error = /data-testid="login-error">([^<]*)</.exec(page)?.[1];
    throw new Error(`sign-in of ${username} refused${error ? `: ${error}` : ''}`);
  }
  return follow(jar, posted, stopAt);
}

export interface SessionLogin {
  /** The Cookie header value to send: `plenum_session=…`. */
  cookie: string;
  /** Where /auth/callback sent the browser (returnTo). */
  location: string;
  /** The callback's Set-Cookie line for the session, attributes included. */
  setCookie: string;
  /** Every cookie the simulated browser holds, the provider's own session too (to test its logout). */
  browserCookies: string;
}

/**
 * A browser session through /auth/login → the provider's form → /auth/callback. `jar` lets a test
 * keep one simulated browser across sign-ins (the provider's own session lives in it).
 */
export async function loginSession(
  baseUrl: string,
  username: string,
  password = 'plenum',
  opts: { returnTo?: string; jar?: CookieJar } = {},
): Promise<SessionLogin> {
  const jar = opts.jar ?? new CookieJar();
  const start = new URL('/auth/login', baseUrl);
  if (opts.returnTo !== undefined) start.searchParams.set('returnTo', opts.returnTo);
  const form = await browse(jar, start);
  const done = await signIn(jar, form, username, password, '/auth/callback');
  const session = jar.get('plenum_session');
  const setCookie = done.res.headers.getSetCookie().find((c) => c.startsWith('plenum_session='));
  const location = done.res.headers.get('location');
  if (!session || !setCookie || !location || done.url.pathname !== '/auth/callback') {
    throw new Error(`no plenum_session after signing in ${username} (ended at ${done.url.href} with ${done.res.status})`);
  }
  return { cookie: `plenum_session=${session}`, location, setCookie, browserCookies: jar.header() };
}

const apiClientId = 'plenum-api';
const apiRedirectUri = 'http://127.0.0.1/callback';
const discovered = new Map<string, Promise<{ authorization_endpoint: string; token_endpoint: string }>>();

function discover(baseUrl: string) {
  let metadata = discovered.get(baseUrl);
  if (!metadata) {
    metadata = fetch(new URL('/oidc/.well-known/openid-configuration', baseUrl)).then(async (res) => {
      if (!res.ok) throw new Error(`no development provider at ${baseUrl} (${res.status})`);
      return (await res.json()) as { authorization_endpoint: string; token_endpoint: string };
    });
    metadata.catch(() => discovered.delete(baseUrl));
    discovered.set(baseUrl, metadata);
  }
  return metadata;
}

/**
 * A JWT access token for the GraphQL API (`aud` = baseUrl/graphql) through the public client
 * plenum-api: authorization code with PKCE and the resource indicator, as a CLI would get it.
 */
export async function fetchAccessToken(baseUrl: string, username: string, password = 'plenum'): Promise<string> {
  const { authorization_endpoint, token_endpoint } = await discover(baseUrl);
  const resource = new URL('/graphql', baseUrl).href;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: apiClientId,
    response_type: 'code',
    redirect_uri: apiRedirectUri,
    scope: 'openid profile email roles',
    state,
    resource,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const jar = new CookieJar();
  const form = await browse(jar, authorize);
  const done = await signIn(jar, form, username, password);
  const callback = done.next;
  if (!callback || `${callback.origin}${callback.pathname}` !== apiRedirectUri) {
    throw new Error(`expected a redirect to ${apiRedirectUri}, ended at ${done.url.href} (${done.res.status})`);
  }
  if (callback.searchParams.get('state') !== state) throw new Error('state mismatch in the authorization response');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`authorization failed: ${callback.searchParams.get('error_description') ?? callback.searchParams.get('error')}`);

  const res = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: apiRedirectUri,
      client_id: apiClientId,
      code_verifier: verifier,
      resource,
    }).toString(),
  });
  const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`token request failed: ${body.error_description ?? body.error ?? res.status}`);
  if (body.access_token.split('.').length !== 3) throw new Error('the access token is not a JWT (is the resource indicator honoured?)');
  return body.access_token;
}
