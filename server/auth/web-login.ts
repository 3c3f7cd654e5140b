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
import { errorPage } from './pages';
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
  let lastPurge = 0;
  const router = new Router({ prefix: '/auth' });

  const page = (ctx: Koa.Context, status: number, title: string, message: string, retryTo = '/') => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = errorPage(title, message, { href: `/auth/login?returnTo=${encodeURIComponent(retryTo)}`, label: 'Try to sign in again' });
  };

  router.get('/login', async (ctx) => {
    const returnTo = safeReturnTo(ctx.query.returnTo, config.publicUrl);
    if (returnTo === undefined) {
      page(ctx, 400, 'Sign-in refused', 'returnTo must be a path on this site, such as /chamber.');
      return;
    }
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
    ctx.append('Set-Cookie', serializeCookie(loginCookiePrefix + state, sealed, { path: '/auth/callback', maxAge: loginStateTtlSeconds, secure, sameSite: 'Lax' }));
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
    ctx.redirect(login.returnTo);
  });

  const logout: Koa.Middleware = async (ctx) => {
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
  };
  router.get('/logout', logout);
  router.post('/logout', logout);

  return router.routes() as Koa.Middleware;
}

/**
 * A path on this site to return to after sign-in, or undefined when the value could lead elsewhere
 * (absolute or protocol-relative URLs, backslashes, control characters) or back into sign-in itself.
 */
export function safeReturnTo(value: unknown, publicUrl: string): string | undefined {
  if (value === undefined || value === '') return '/';
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\x00-\x1f\x7f]/.test(value)) return undefined;
  const base = new URL(publicUrl);
  const url = new URL(value, base);
  if (url.origin !== base.origin) return undefined;
  if (/^\/(auth|oidc)(\/|$)/.test(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
