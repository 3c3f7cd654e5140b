import type Koa from 'koa';
import { parseCookies } from '../auth/cookies';
import { sessionCookieName } from '../auth/web-login';

/** The header our client sends on every GraphQL request. A foreign page can add it only after a preflight, which CORS refuses. */
export const csrfHeader = 'x-plenum-csrf';

/** The only bodies a cookie may come with: both force a preflight, unlike forms, multipart and text/plain. */
const jsonTypes = new Set(['application/json', 'application/graphql-response+json']);

/**
 * Cross-site request forgery guard for /graphql (graphql-yoga 5 has no built-in one). A request that
 * carries the session cookie and no bearer token could have been sent by another site's page
 * (SameSite=Lax does not cover sibling sites), so it must be a JSON POST — or a GET — with
 * `x-plenum-csrf`. Bearer and anonymous requests carry no ambient authority and pass unchanged.
 * GET mutations stay refused by Yoga itself (405).
 */
export function csrfGuard(path = '/graphql'): Koa.Middleware {
  return async (ctx, next: () => Promise<void>) => {
    if (ctx.path !== path || !cookieAuthenticated(ctx)) return next();
    if (ctx.method === 'GET' && graphiqlPage(ctx)) return next();
    if (ctx.method === 'POST') {
      const type = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
      if (!jsonTypes.has(type)) {
        ctx.throw(
          403,
          `A signed-in request must be sent as application/json or application/graphql-response+json (got ${type === '' ? 'no content type' : JSON.stringify(type.slice(0, 100))}).`,
          {
            expose: true,
            code: 'CSRF_CONTENT_TYPE',
          },
        );
      }
    }
    if (ctx.get(csrfHeader) === '') {
      ctx.throw(403, `A signed-in request must carry the ${csrfHeader} header.`, { expose: true, code: 'CSRF_HEADER_MISSING' });
    }
    await next();
  };
}

/** The session cookie decides, not Authorization: a request with a bearer token is authenticated by it alone. */
function cookieAuthenticated(ctx: Koa.Context): boolean {
  return ctx.get('authorization') === '' && parseCookies(ctx.get('cookie')).has(sessionCookieName);
}

/** Development's GraphiQL page: a plain navigation that executes nothing (its own requests send the header). */
function graphiqlPage(ctx: Koa.Context): boolean {
  return ctx.get('accept').includes('text/html') && ctx.query.query === undefined;
}
