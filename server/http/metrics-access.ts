import { createHash, timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';

/** Headers a proxy adds when it forwards someone else's request. */
const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip'];

/**
 * Who may read /metrics. With METRICS_TOKEN: `Authorization: Bearer <token>`, compared in constant
 * time. Without: only a direct request from this machine (loopback, no forwarding headers), so a
 * reverse proxy on the same host does not publish it by accident.
 */
export function metricsAccess(token: string | undefined): Koa.Middleware {
  const expected = token === undefined ? undefined : digest(token);
  return async (ctx, next) => {
    if (expected !== undefined) {
      const presented = /^Bearer (\S+)$/i.exec(ctx.get('authorization'))?.[1];
      if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
        ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
        ctx.throw(401, '/metrics needs Authorization: Bearer <METRICS_TOKEN>.', { expose: true, code: 'UNAUTHENTICATED' });
      }
    } else if (!isLoopback(ctx.ip) || forwardingHeaders.some((h) => ctx.get(h) !== '')) {
      ctx.throw(403, '/metrics answers only this machine; set METRICS_TOKEN to read it from elsewhere.', { expose: true, code: 'FORBIDDEN' });
    }
    await next();
  };
}

/** Equal-length digests, so timingSafeEqual neither throws nor leaks the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\./.test(ip);
}
