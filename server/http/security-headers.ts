import type Koa from 'koa';

/** The policy every response carries; the built client has no inline scripts (inlineCritical is off). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** GraphiQL (development only) ships as one page of inline scripts and blob workers. */
export const graphiqlContentSecurityPolicy = contentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:");

export function securityHeaders(opts: { https: boolean }): Koa.Middleware {
  return async (ctx, next) => {
    ctx.set('Content-Security-Policy', contentSecurityPolicy);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'camera=(self), microphone=(self), display-capture=(), geolocation=()');
    if (opts.https) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
  };
}
