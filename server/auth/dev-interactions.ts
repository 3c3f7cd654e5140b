import type { IncomingMessage } from 'node:http';
import type Koa from 'koa';
import { Router, type RouterContext } from '@koa/router';
import type Provider from 'oidc-provider';
import { errors, type Interaction } from 'oidc-provider';
import type { Config } from '../config';
import type { Logger } from '../log';
import { chain } from './chain';
import type { DevAccounts } from './dev-accounts';
import { AuthError } from './errors';
import { errorPage, loginPage } from './pages';

/** The sign-in form and the automatic consent for Plenum's own clients, under /oidc/interaction. */
export function interactionRoutes(provider: Provider, accounts: DevAccounts, config: Config, log: Logger, mountPath: string): Koa.Middleware {
  const router = new Router({ prefix: `${mountPath}/interaction` });
  const restart = { href: `${config.publicUrl}/auth/login`, label: 'Sign in again' };

  const details = async (ctx: RouterContext): Promise<Interaction | undefined> => {
    try {
      const interaction = await provider.interactionDetails(ctx.req, ctx.res);
      if (interaction.uid === ctx.params.uid) return interaction;
    } catch (err) {
      if (!(err instanceof errors.SessionNotFound)) throw err;
    }
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = errorPage('Sign-in expired', 'This sign-in page is no longer valid (it expired, or was opened in another browser).', restart);
    return undefined;
  };

  const showForm = (ctx: Koa.Context, uid: string, input: { username?: string; error?: string } = {}) => {
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = loginPage({ action: `${mountPath}/interaction/${uid}/login`, examples: accounts.examples, ...input });
  };

  router.get('/:uid', async (ctx) => {
    const interaction = await details(ctx);
    if (!interaction) return;
    // Consent is given on the user's behalf only for the web app, where the user just acted; a
    // native client (plenum-api) needs the user's hand each time (RFC 8252 §8.6), so it gets the form.
    const accountId = interaction.session?.accountId;
    if (interaction.prompt.name === 'consent' && accountId && interaction.params.client_id === config.oidc.clientId) {
      const grantId = await grantAllRequested(provider, interaction, accountId);
      seeOther(ctx, await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true }));
      return;
    }
    showForm(ctx, interaction.uid);
  });

  router.post('/:uid/login', async (ctx) => {
    const interaction = await details(ctx);
    if (!interaction) return;
    const form = await readForm(ctx.req);
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const account = accounts.passwordMatches(password) && username ? await accounts.find(username) : undefined;
    if (!account) {
      log.debug('signIn() | refused', { username });
      showForm(ctx, interaction.uid, { username, error: 'Unknown username or wrong password.' });
      return;
    }
    // The account id is the stable subject, not the username typed: renaming a person changes no `sub`.
    const grantId = await grantAllRequested(provider, interaction, account.subject);
    const returnTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: account.subject }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    seeOther(ctx, returnTo);
  });

  return chain(router.routes() as Koa.Middleware, router.allowedMethods() as Koa.Middleware);
}

/** 303, so the browser follows a POSTed form with a GET. */
function seeOther(ctx: Koa.Context, url: string): void {
  ctx.status = 303;
  ctx.redirect(url);
}

/** Plenum's clients are first-party: grant exactly what was asked for (scopes and the API resource). */
async function grantAllRequested(provider: Provider, interaction: Interaction, accountId: string): Promise<string> {
  const { params } = interaction;
  const grant = new provider.Grant({ accountId, clientId: String(params.client_id) });
  const scope = typeof params.scope === 'string' ? params.scope : '';
  grant.addOIDCScope(scope);
  for (const resource of [params.resource].flat()) {
    if (typeof resource === 'string') grant.addResourceScope(resource, scope);
  }
  return grant.save();
}

/** A small urlencoded form body; the sign-in form has two fields. */
async function readForm(req: IncomingMessage, limit = 8 * 1024): Promise<URLSearchParams> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AuthError('LOGIN_FAILED', 'the sign-in form is too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
