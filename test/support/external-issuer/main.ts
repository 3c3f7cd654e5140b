/**
 * A stand-alone OpenID provider for tests of Plenum in production mode: oidc-provider in its own
 * process on its own port, shaped like a Keycloak realm with the client settings of the README
 * ("Production"). Plenum knows it only by discovery (OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, OIDC_AUDIENCE), as it would know Keycloak.
 *
 *   node --import tsx test/support/external-issuer/main.ts
 *
 * Environment: ISSUER_PORT (0: any free port), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI (Plenum's
 * `<PUBLIC_URL>/auth/callback`), AUDIENCE (what Keycloak's audience mapper adds to access tokens).
 * Prints one JSON line `{"issuer": "http://127.0.0.1:<port>"}` on stdout when it listens.
 *
 * Users: the demo parliament's people (fixtures/parliament.json), password "plenum". Tokens carry
 * what Keycloak puts there, and no top-level `roles` claim (that needs the realm's extra mapper):
 *  - `preferred_username`, `name`, `given_name`, `family_name`, `email`; `sub` is the issuer's own id;
 *  - `realm_access.roles`: Keycloak's default realm roles and every Plenum role except the chair's
 *    team's, which come as client roles, `resource_access.<client>.roles` (as a realm would map a
 *    group), so both places Plenum reads are used;
 *  - access tokens: a JWT with `aud` AUDIENCE, `azp`, the same roles; ID tokens and
 *    userinfo: the same claims (Keycloak's mappers with "Add to ID token" / "Add to userinfo" on).
 *    Keycloak's userinfo takes that access token; oidc-provider's refuses a token with an audience,
 *    so userinfo (/me) is answered here, after verifying the token as Keycloak would.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import Provider, { errors, type Configuration, type Interaction } from 'oidc-provider';
import { readFixture, type Fixture } from '../../../server/services/seed';

const password = 'plenum';
/** Roles a Keycloak realm would grant as client roles of Plenum's client; the rest are realm roles. */
const clientRoles = new Set(['chair', 'moderator']);
/** What every Keycloak realm hands out besides the realm's own roles (dropped by Plenum). */
const keycloakDefaultRoles = ['offline_access', 'uma_authorization', 'default-roles-plenum'];

function need(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`external-issuer: ${name} is required\n`);
    process.exit(2);
  }
  return value;
}

const clientId = need('CLIENT_ID');
const clientSecret = need('CLIENT_SECRET');
const redirectUri = need('REDIRECT_URI');
const audience = need('AUDIENCE');
const port = Number(process.env.ISSUER_PORT ?? '0');

type Person = Fixture['people'][number];
const fixture = await readFixture();
/** A Keycloak user id: a UUID of the issuer's own, unrelated to Plenum's person ids. */
const subjectOf = (username: string) => {
  const h = createHash('sha256').update(`external issuer user\n${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const bySubject = new Map<string, Person>(fixture.people.map((p) => [subjectOf(p.username), p]));
const byUsername = new Map<string, Person>(fixture.people.map((p) => [p.username, p]));

function keycloakClaims(person: Person) {
  const roles: readonly string[] = person.roles;
  return {
    preferred_username: person.username,
    name: `${person.givenName} ${person.familyName}`,
    given_name: person.givenName,
    family_name: person.familyName,
    email: person.email ?? `${person.username}@plenum.test`,
    email_verified: true,
    realm_access: { roles: [...keycloakDefaultRoles, ...roles.filter((r) => !clientRoles.has(r))] },
    resource_access: {
      [clientId]: { roles: roles.filter((r) => clientRoles.has(r)) },
      account: { roles: ['manage-account', 'view-profile'] },
    },
  };
}

// Listen first: the issuer URL names the port, and port 0 is only known once bound.
let handle: http.RequestListener = (_req, res) => res.writeHead(503).end();
const server = http.createServer((req, res) => handle(req, res));
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
/** Keycloak has no resource indicators: every access token is for the API. oidc-provider needs a URI to hang that on. */
const apiResource = 'urn:plenum:api';

const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'external-issuer', alg: 'RS256', use: 'sig' };
const verificationKeys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'external-issuer', alg: 'RS256', use: 'sig' }] });

const configuration: Configuration = {
  jwks: { keys: [signingKey] },
  clientDefaults: { id_token_signed_response_alg: 'RS256' },
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [new URL('/', redirectUri).href],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'realm_access', 'resource_access'],
    email: ['email', 'email_verified'],
  },
  conformIdTokenClaims: false,
  async findAccount(_ctx, sub) {
    const person = bySubject.get(sub);
    return person && { accountId: sub, claims: () => ({ sub, ...keycloakClaims(person) }) };
  },
  extraTokenClaims: async (_ctx, token) => {
    if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
    const person = bySubject.get(token.accountId);
    return person && { ...keycloakClaims(person), azp: clientId, typ: 'Bearer' };
  },
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => apiResource,
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({ scope: '', audience, accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } }),
    },
    rpInitiatedLogout: { enabled: true },
  },
  interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Grant: 3600, Session: 3600 },
};

const provider = new Provider(issuer, configuration);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const form = (uid: string, error?: string) =>
  `<!doctype html><title>Sign in</title>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}` +
  `<form method="post" action="/interaction/${uid}/login"><input name="username"><input name="password" type="password"><button>Sign in</button></form>`;

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > 8192) break;
  }
  return new URLSearchParams(body);
}

/** Grants what the (first-party) client asked for, as Keycloak does with consent off. */
async function grant(interaction: Interaction, accountId: string): Promise<string> {
  const g = new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  g.addOIDCScope(typeof interaction.params.scope === 'string' ? interaction.params.scope : 'openid');
  g.addResourceScope(apiResource, '');
  return g.save();
}

async function interactions(req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch (err) {
    if (!(err instanceof errors.SessionNotFound)) throw err;
    res.writeHead(400, { 'content-type': 'text/plain' }).end('interaction expired');
    return;
  }
  if (interaction.uid !== uid) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('interaction mismatch');
    return;
  }
  const accountId = interaction.session?.accountId;
  if (req.method === 'GET' && interaction.prompt.name === 'consent' && accountId) {
    await provider.interactionFinished(req, res, { consent: { grantId: await grant(interaction, accountId) } }, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const fields = await readForm(req);
    const person = byUsername.get((fields.get('username') ?? '').trim());
    if (!person || fields.get('password') !== password) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(form(uid, 'Invalid username or password.'));
      return;
    }
    const sub = subjectOf(person.username);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub }, consent: { grantId: await grant(interaction, sub) } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(form(uid));
}

/** Userinfo as Keycloak answers it: for a valid access token of this issuer, the account's claims. */
async function userinfo(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const verified = token ? await jwtVerify(token, verificationKeys, { issuer, typ: 'at+jwt' }).catch(() => undefined) : undefined;
  const person = verified?.payload.sub ? bySubject.get(verified.payload.sub) : undefined;
  if (!verified || !person) {
    res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify({ sub: verified.payload.sub, ...keycloakClaims(person) }));
}

const providerCallback = provider.callback();
handle = (req, res) => {
  const pathname = new URL(req.url ?? '/', issuer).pathname;
  if (pathname === '/me') {
    userinfo(req, res).catch(() => res.writeHead(500).end());
    return;
  }
  const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(pathname);
  if (!match) {
    // oidc-provider answers its own errors; its promise never rejects.
    void providerCallback(req, res);
    return;
  }
  interactions(req, res, match[1]!, match[2]).catch((err: unknown) => {
    process.stderr.write(`external-issuer: ${err instanceof Error ? err.stack : String(err)}\n`);
    if (!res.headersSent) res.writeHead(500).end();
  });
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
