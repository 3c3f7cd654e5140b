import type Koa from 'koa';

/** Every method Plenum answers; the API is GET and POST, CORS preflights are OPTIONS. */
const allowed = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
const allowHeader = [...allowed].join(', ');

/**
 * Any other method (TRACE, PUT, DELETE, a made-up one) gets 405 before any route sees it: no router
 * answers it with 501 (a 5xx that monitoring would count as our fault), and TRACE cannot echo
 * a request back (cross-site tracing).
 */
export function allowedMethods(): Koa.Middleware {
  return async (ctx, next: () => Promise<void>) => {
    if (allowed.has(ctx.method)) return next();
    ctx.status = 405;
    ctx.set('Allow', allowHeader);
    ctx.body = { errors: [{ message: `${ctx.method.slice(0, 20)} is not allowed here; use ${allowHeader}.`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] };
  };
}
