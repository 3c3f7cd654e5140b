import type Koa from 'koa';
import { Router } from '@koa/router';
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { deleteExpiredSessions, deleteSession, insertSession } from '../db/sessions';
import type { Logger } from '../log';
import { parseCookies, serializeCookie } from './cookies';
import { AuthError } from './errors';
import type { IdentityBinder } from './identity-binding';
import { describe, type IssuerConnection } from './issuer';
import { loginStateTtlSeconds, openLoginState, sealLoginState } from './login-state';
import { errorPage, signOutFormPage } from './pages';
import { requestFromTrustedOrigin, trustedOrigins } from '../config/origins';
import { randomId } from './secrets';
import { userFromClaims, type AuthUser } from './user';

export const sessionCookieName = 'plenum_session';
export const sessionTtlSeconds = 12 * 3600;
const loginCookiePrefix = 'plenum_login_';
const wantedScopes = ['openid', 'profile', 'email', 'roles'];
const purgeEveryMs = 10 * 60_000;

export interface WebLoginDeps {
  config: Config;
  db: Kysely<Database>;
  log: Logger;
  issuer: IssuerConnection;
  /** Binds the account to its person at sign-in; refuses an account whose username names someone else's person. */
  binder: IdentityBinder;
  /** Encrypts the pending-login cookie. */
  stateKey: Uint8Array;
  now?: () => Date;
}

/** /auth/login, /auth/callback and /auth/logout: the web app's sign-in with openid-client (code + PKCE). */
export function webLoginRoutes(deps: WebLoginDeps): Koa.Middleware {
  const { config, db, log, issuer } = deps;
  const now = deps.now ?? (() => new Date());
  const secure = config.publicUrl.startsWith('https:');
  const redirectUri = `${config.publicUrl}/auth/callback`;
  const home = `${config.publicUrl}/`;
  const trusted = trustedOrigins(config);
  let lastPurge = 0;
  const router = new Router({ prefix: '/auth' });

  const page = (ctx: Koa.Context, status: number, title: string, message: string, retryTo = '/') => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = errorPage(title, message, { href: `/auth/login?returnTo=${encodeURIComponent(retryTo)}`, label: 'Try to sign in again' });
  };

  router.get('/login', async (ctx) => {
    // Anything that is not plainly a page of this site falls back to the start page.
    const returnTo = safeReturnTo(ctx.query.returnTo, config.publicUrl);
    let configuration: client.Configuration;
    try {
      configuration = await issuer.configuration();
    } catch (err) {
      log.warn('login() | issuer unreachable', { issuer: issuer.issuer, error: describe(err) });
      page(ctx, 503, 'Sign-in unavailable', 'The identity provider cannot be reached just now.', returnTo);
      return;
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const supported = configuration.serverMetadata().scopes_supported;
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: wantedScopes.filter((s) => s === 'openid' || !supported || supported.includes(s)).join(' '),
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    // One cookie per pending sign-in, named by its state, so two tabs signing in at once do not collide.
    const sealed = await sealLoginState(deps.stateKey, { state, nonce, codeVerifier, returnTo });
    ctx.append(
      'Set-Cookie',
      serializeCookie(loginCookiePrefix + state, sealed, { path: '/auth/callback', maxAge: loginStateTtlSeconds, secure, sameSite: 'Lax' }),
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(url.href);
  });

  router.get('/callback', async (ctx) => {
    const state = typeof ctx.query.state === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(ctx.query.state) ? ctx.query.state : undefined;
    const sealed = state && parseCookies(ctx.get('cookie')).get(loginCookiePrefix + state);
    const login = sealed ? await openLoginState(deps.stateKey, sealed) : undefined;
    if (!state || !login || login.state !== state) {
      page(ctx, 400, 'Sign-in expired', 'This sign-in was not started here, or took longer than ten minutes.');
      return;
    }
    ctx.append('Set-Cookie', serializeCookie(loginCookiePrefix + state, '', { path: '/auth/callback', maxAge: 0, secure, sameSite: 'Lax' }));
    let user: AuthUser;
    let idToken: string | undefined;
    try {
      const configuration = await issuer.configuration();
      const currentUrl = new URL(`${redirectUri}?${ctx.querystring}`);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      idToken = tokens.id_token;
      let claims: Record<string, unknown> = { ...tokens.claims() };
      // Issuers that keep profile or roles out of the ID token (Keycloak without Plenum's mapper) may have them at userinfo.
      if ((claims.preferred_username === undefined || claims.roles === undefined) && configuration.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims, roles: claims.roles ?? info.roles };
      }
      const found = userFromClaims(claims, config.oidc.clientId, 'session');
      if (!found) throw new AuthError('LOGIN_FAILED', 'the ID token names no subject');
      // Bound under the issuer string sessions are later resolved with (index.ts); the ID token's `iss` was checked against it.
      user = await deps.binder.resolve({ ...found, issuer: issuer.issuer });
    } catch (err) {
      if (err instanceof AuthError && err.code === 'IDENTITY_CONFLICT') {
        page(ctx, 403, 'Sign-in refused', `${err.message}. Ask parliament IT.`, login.returnTo);
        return;
      }
      if (err instanceof AuthError && err.code === 'ISSUER_UNREACHABLE') {
        log.warn('callback() | issuer unreachable', { issuer: issuer.issuer, error: describe(err) });
        page(ctx, 503, 'Sign-in unavailable', 'The identity provider cannot be reached just now.', login.returnTo);
        return;
      }
      const reason = err instanceof client.AuthorizationResponseError ? (err.error_description ?? err.error) : describe(err);
      log.warn('callback() | sign-in failed', { error: reason });
      page(ctx, 400, 'Sign-in failed', `The identity provider did not confirm the sign-in (${reason}).`, login.returnTo);
      return;
    }

    const id = randomId();
    const at = now();
    await insertSession(db, {
      id,
      subject: user.subject,
      username: user.username,
      name: user.name,
      roles: user.roles,
      idToken: idToken ?? null,
      expiresAt: new Date(at.getTime() + sessionTtlSeconds * 1000),
    });
    if (at.getTime() - lastPurge > purgeEveryMs) {
      lastPurge = at.getTime();
      const purged = await deleteExpiredSessions(db, at);
      if (purged) log.debug('callback() | expired sessions purged', { count: purged });
    }
    log.info('callback() | signed in', { username: user.username, roles: user.roles.join(',') });
    ctx.append('Set-Cookie', serializeCookie(sessionCookieName, id, { path: '/', maxAge: sessionTtlSeconds, secure, sameSite: 'Lax' }));
    ctx.set('Cache-Control', 'no-store');
    // Sealed by us at /auth/login, checked again anyway: a redirect off-site must be impossible.
    ctx.redirect(safeReturnTo(login.returnTo, config.publicUrl));
  });

  // Signing out changes state: a POST from a trusted origin only. GET shows a form that posts.
  router.post('/logout', async (ctx) => {
    if (!requestFromTrustedOrigin(ctx.headers, trusted)) {
      log.warn('logout() | refused: foreign origin', { origin: ctx.get('origin').slice(0, 200) });
      ctx.status = 403;
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = errorPage('Sign-out refused', 'Sign out from Plenum’s own pages.', { href: '/auth/logout', label: 'Sign out here' });
      return;
    }
    const id = parseCookies(ctx.get('cookie')).get(sessionCookieName);
    const session = id ? await deleteSession(db, id) : undefined;
    ctx.append('Set-Cookie', serializeCookie(sessionCookieName, '', { path: '/', maxAge: 0, secure, sameSite: 'Lax' }));
    let target = home;
    if (session?.idToken) {
      try {
        const configuration = await issuer.configuration();
        if (configuration.serverMetadata().end_session_endpoint) {
          target = client.buildEndSessionUrl(configuration, { id_token_hint: session.idToken, post_logout_redirect_uri: home }).href;
        }
      } catch (err) {
        // Plenum's session is gone either way; the provider's own session just outlives it.
        log.warn('logout() | issuer unreachable, provider session kept', { error: describe(err) });
      }
    }
    if (session) log.info('logout() | signed out', { username: session.username });
    ctx.status = 303;
    ctx.redirect(target);
  });
  router.get('/logout', (ctx) => {
    ctx.status = 405;
    ctx.set('Allow', 'POST');
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = signOutFormPage('/auth/logout');
  });

  return router.routes() as Koa.Middleware;
}

/** The longest returnTo considered; a longer one is not a page of ours. */
const maxReturnTo = 2048;
/** C0 controls, DEL, C1 controls and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is this guard's purpose
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The page to return to after sign-in: normalised first (parsed as a URL against PUBLIC_URL), then
 * checked, and "/" whenever the value could lead anywhere but a page of this site — another origin
 * (absolute, protocol-relative, backslashed, `javascript:`), control characters that URL parsing
 * would silently drop, percent-encoded variants of any of these, or back into sign-in itself.
 */
export function safeReturnTo(value: unknown, publicUrl: string): string {
  const fallback = '/';
  if (typeof value !== 'string' || value === '' || value.length > maxReturnTo) return fallback;
  // Before parsing: the URL parser strips tabs and newlines ("/\t/evil" would become "//evil").
  if (controlCharacters.test(value) || value.includes('\\')) return fallback;
  const base = new URL(publicUrl);
  // An absolute URL is taken as one ("http:evil" is not a path); otherwise only a path from the root.
  const absolute = URL.canParse(value);
  if (!absolute && !value.startsWith('/')) return fallback;
  const url = absolute ? new URL(value) : URL.parse(value, base.href);
  if (url === null) return fallback;
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // After parsing: "/.//evil" normalises to "//evil", which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  const decoded = fullyDecoded(url.pathname);
  if (decoded === undefined || decoded.startsWith('//') || decoded.includes('\\') || controlCharacters.test(decoded)) return fallback;
  if (/^\/(auth|oidc)(\/|$)/i.test(decoded)) return fallback;
  return path;
}

/** Percent-decoding until nothing changes (at most a few rounds), so "%252F%252F" is seen as "//"; undefined when malformed. */
function fullyDecoded(path: string): string | undefined {
  let current = path;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}
