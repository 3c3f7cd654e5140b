import type Koa from 'koa';
import Provider, { errors, type Configuration } from 'oidc-provider';
import type { JSONWebKeySet } from 'jose';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { chain } from './chain';
import { loadDevAccounts } from './dev-accounts';
import { interactionRoutes } from './dev-interactions';
import { loadOrCreateDevKeys } from './dev-keys';
import { DevStore } from './dev-store';
import { AuthError } from './errors';
import { errorPage, logoutConfirmPage, signedOutPage } from './pages';
import { randomId } from './secrets';

export const devProviderPath = '/oidc';
/** The public client for API and command-line use (PKCE, loopback redirect as for native apps, RFC 8252). */
export const apiClientId = 'plenum-api';
export const apiClientRedirectUri = 'http://127.0.0.1/callback';

export interface DevProvider {
  readonly issuer: string;
  /** The web client's secret: from OIDC_CLIENT_SECRET, else random for this process. */
  readonly clientSecret: string;
  /** `aud` of the JWT access tokens it issues for the GraphQL API. */
  readonly apiResource: string;
  readonly publicJwks: JSONWebKeySet;
  /** Serves everything under /oidc, the sign-in pages included; passes other paths on. */
  readonly middleware: Koa.Middleware;
}

/** The built-in OpenID provider for `npm start` without OIDC_ISSUER: oidc-provider, mounted at /oidc. */
export async function createDevProvider(deps: { config: Config; db: Kysely<Database>; log: Logger; cookieKeys: readonly Buffer[] }): Promise<DevProvider> {
  const { config, log } = deps;
  if (config.env === 'production') {
    throw new AuthError(
      'MISCONFIGURED',
      'the built-in development OpenID provider does not run in production: set OIDC_ISSUER (and OIDC_CLIENT_SECRET) to your identity provider',
    );
  }
  const issuer = `${config.publicUrl}${devProviderPath}`;
  const apiResource = `${config.publicUrl}/graphql`;
  const clientSecret = config.oidc.clientSecret ?? randomId();
  const [keys, accounts] = await Promise.all([loadOrCreateDevKeys(config.dataDir), loadDevAccounts(deps.db)]);
  const store = new DevStore();

  const accessTokenClaims = async (accountId: string | undefined) => {
    const account = accountId === undefined ? undefined : await accounts.findBySubject(accountId);
    return (
      account && { preferred_username: account.username, name: `${account.givenName} ${account.familyName}`, email: account.email, roles: [...account.roles] }
    );
  };

  const configuration: Configuration = {
    adapter: (model: string) => store.adapterFor(model),
    clients: [
      {
        client_id: config.oidc.clientId,
        client_secret: clientSecret,
        client_name: 'Plenum',
        redirect_uris: [`${config.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${config.publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: apiClientId,
        client_name: 'Plenum API',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: [apiClientRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    jwks: keys.privateJwks,
    cookies: {
      keys: [...deps.cookieKeys],
      names: { session: 'plenum_op', interaction: 'plenum_op_interaction', resume: 'plenum_op_resume' },
      long: { httpOnly: true, sameSite: 'lax', path: devProviderPath },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      roles: ['roles'],
    },
    // The ID token carries the profile and roles, so the web app needs no userinfo round trip.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = await accounts.findBySubject(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          preferred_username: account.username,
          name: `${account.givenName} ${account.familyName}`,
          given_name: account.givenName,
          family_name: account.familyName,
          email: account.email,
          email_verified: true,
          roles: [...account.roles],
        }),
      };
    },
    // Access tokens for the API are read without a userinfo call: who and which roles go inside.
    extraTokenClaims: async (_ctx, token) => (token.kind === 'AccessToken' ? accessTokenClaims(token.accountId) : undefined),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== apiResource) throw new errors.InvalidTarget(`the only resource here is ${apiResource}`);
          return { scope: '', audience: apiResource, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'ES256' } } };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutConfirmPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage(`${config.publicUrl}/`);
        },
      },
    },
    interactions: { url: async (_ctx, interaction) => `${devProviderPath}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('Sign-in problem', String(out.error_description ?? out.error), { href: `${config.publicUrl}/`, label: 'Back to Plenum' });
    },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Grant: 12 * 3600, Session: 12 * 3600, RefreshToken: 24 * 3600 },
  };

  const provider = new Provider(issuer, configuration);
  // Mounted, it runs on the app's context (whose `proxy` setting counts); this covers the contexts it
  // makes itself for cookies: an https public URL means TLS ends at a proxy in front of us.
  provider.proxy = config.publicUrl.startsWith('https:');
  provider.on('server_error', (_ctx, err) => log.error('devProvider() | server error', { error: err }));

  return {
    issuer,
    clientSecret,
    apiResource,
    publicJwks: keys.publicJwks,
    middleware: chain(interactionRoutes(provider, accounts, config, log, devProviderPath), mount(provider)),
  };
}

/**
 * koa-mount's behaviour: strip the prefix and run the provider's own middleware on our context.
 * oidc-provider reads `ctx.mountPath` to build its URLs (docs: "Mounting oidc-provider" for Koa).
 */
function mount(provider: Provider): Koa.Middleware {
  const run = chain(...provider.middleware);
  return async (ctx, next: () => Promise<void>) => {
    const original = ctx.path;
    if (original !== devProviderPath && !original.startsWith(`${devProviderPath}/`)) return next();
    ctx.path = original.slice(devProviderPath.length) || '/';
    ctx.mountPath = devProviderPath;
    // NOTE: mounted, oidc-provider writes some cookies through ctx.cookies but reads them back with
    // its own signing keys (cookies.keys); lend it a jar with those keys, not the app's.
    const appCookies = ctx.cookies;
    ctx.cookies = provider.createContext(ctx.req, ctx.res).cookies;
    try {
      await run(ctx, async () => {
        ctx.path = original;
        ctx.cookies = appCookies;
        await next();
      });
    } finally {
      ctx.path = original;
      ctx.cookies = appCookies;
    }
  };
}
