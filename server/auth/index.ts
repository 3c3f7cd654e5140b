import type http from 'node:http';
import type Koa from 'koa';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { findLiveSession } from '../db/sessions';
import type { Logger } from '../log';
import { createBearerVerifier } from './bearer';
import { parseCookies } from './cookies';
import { chain } from './chain';
import { createDevProvider } from './dev-provider';
import { AuthError } from './errors';
import { createIdentityBinder } from './identity-binding';
import { connectIssuer } from './issuer';
import { deriveKey } from './secrets';
import type { AuthUser } from './user';
import { sessionCookieName, webLoginRoutes } from './web-login';

export type { Role } from '../db/database';
export type { AuthUser, ClaimedUser } from './user';
export { AuthError, type AuthErrorCode } from './errors';

export interface Auth {
  /** Koa middleware: serves the dev provider under /oidc (when no OIDC_ISSUER) and /auth/login, /auth/callback, /auth/logout; passes everything else on. */
  readonly middleware: Koa.Middleware;
  /** Session cookie or `Authorization: Bearer <JWT>`; null when neither is present; throws AuthError (typed code) for an invalid/expired bearer token, or IDENTITY_CONFLICT. Works for a Koa ctx.req and for a WebSocket upgrade request. */
  authenticateRequest(req: http.IncomingMessage): Promise<AuthUser | null>;
  /** For graphql-ws connectionParams { authorization: 'Bearer …' }; a bare token works too. */
  authenticateBearer(token: string): Promise<AuthUser>;
  /** issuer URL in use (dev provider or external), for /healthz and the start-up log. */
  readonly issuer: string;
  close(): Promise<void>;
}

export async function createAuth(deps: { config: Config; db: Kysely<Database>; log: Logger; now?: () => Date }): Promise<Auth> {
  const { config, db, log } = deps;
  const now = deps.now ?? (() => new Date());

  const dev = config.oidc.issuer
    ? undefined
    : await createDevProvider({ config, db, log, cookieKeys: [deriveKey(config.sessionSecret, 'oidc-provider cookies')] });
  const issuerUrl = dev?.issuer ?? config.oidc.issuer!;
  const clientSecret = dev?.clientSecret ?? config.oidc.clientSecret;
  if (clientSecret === undefined) throw new AuthError('MISCONFIGURED', 'OIDC_CLIENT_SECRET is required with OIDC_ISSUER');

  const issuer = connectIssuer({
    issuer: issuerUrl,
    clientId: config.oidc.clientId,
    clientSecret,
    allowHttp: plainHttpAllowed(issuerUrl, config.env),
    ...(dev ? { localKeys: dev.publicJwks } : {}),
  });
  const verifyToken = createBearerVerifier({ issuer, audience: config.oidc.audience ?? dev?.apiResource, clientId: config.oidc.clientId });
  // Bearer tokens and web sessions alike act as the person bound to their account, never by username.
  const binder = createIdentityBinder(db, log, now);
  const verifyBearer = async (token: string) => binder.resolve(await verifyToken(token));
  const webLogin = webLoginRoutes({ config, db, log, issuer, binder, stateKey: deriveKey(config.sessionSecret, 'login state'), now });

  log.info(dev ? 'createAuth() | development OpenID provider (fixture users, password "plenum")' : 'createAuth() | external OpenID provider', {
    issuer: issuerUrl,
  });

  return {
    middleware: dev ? chain(webLogin, dev.middleware) : webLogin,
    issuer: issuerUrl,
    authenticateBearer: verifyBearer,
    async authenticateRequest(req) {
      const authorization = req.headers.authorization;
      if (authorization !== undefined) {
        if (!/^bearer\s/i.test(authorization)) throw new AuthError('INVALID_TOKEN', 'only Bearer authorization is accepted');
        return verifyBearer(authorization);
      }
      const id = parseCookies(req.headers.cookie).get(sessionCookieName);
      if (!id) return null;
      // A stale or unknown cookie is just "not signed in": the client goes to /auth/login again.
      const session = await findLiveSession(db, id, now());
      if (!session) return null;
      // Sessions are only ever made by this issuer's sign-in (web-login.ts).
      return binder.resolve({
        issuer: issuer.issuer,
        subject: session.subject,
        username: session.username,
        name: session.name,
        email: null,
        roles: session.roles,
        via: 'session',
      });
    },
    // Nothing to release: the dev provider's store is plain memory and the HTTP server belongs to the app.
    close: async () => {},
  };
}

/** Plain http only to this machine, or anywhere outside production (a Keycloak in docker compose). */
function plainHttpAllowed(issuer: string, env: Config['env']): boolean {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return false;
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || env !== 'production') return true;
  throw new AuthError('MISCONFIGURED', `OIDC_ISSUER ${issuer} uses plain http in production; use https`);
}
