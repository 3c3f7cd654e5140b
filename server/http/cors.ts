import type Koa from 'koa';
import { csrfHeader } from './csrf';
import { secretBallotPath } from '@contract/secret-ballots';

/** Paths with their own public, credential-free policy: the HLS stream (`*`) and the dev provider (oidc-provider's). */
const ownPolicy = /^\/(hls|oidc)(\/|$)/;

const allowedMethods = 'GET, POST';
const allowedHeaders = ['content-type', 'accept', 'authorization', csrfHeader].join(', ');

/**
 * CORS by allow-list. A trusted origin gets its own origin back with credentials; any other gets no
 * `Access-Control-Allow-*` header at all, so its scripts can neither read answers nor pass a
 * preflight. Yoga's own CORS (which reflects every origin with credentials) is switched off.
 */
export function corsAllowList(trusted: ReadonlySet<string>): Koa.Middleware {
  return async (ctx, next: () => Promise<void>) => {
    if (ownPolicy.test(ctx.path)) return next();
    const origin = ctx.get('origin');
    if (origin === '') return next();
    ctx.vary('Origin');
    const allowed = trusted.has(origin);
    if (ctx.method === 'OPTIONS' && ctx.get('access-control-request-method') !== '') {
      // A preflight is answered here and goes no further; refused, it carries no allowance.
      ctx.status = allowed ? 204 : 403;
      if (allowed) {
        setAllowance(ctx, origin);
        ctx.set('Access-Control-Allow-Methods', allowedMethods);
        ctx.set('Access-Control-Allow-Headers', allowedHeaders);
        ctx.set('Access-Control-Max-Age', '600');
      }
      return;
    }
    if (allowed) setAllowance(ctx, origin);
    await next();
  };
}

function setAllowance(ctx: Koa.Context, origin: string): void {
  ctx.set('Access-Control-Allow-Origin', origin);
  // A secret ballot is sent without credentials: a browser may not attach any, even for a trusted origin.
  if (ctx.path !== secretBallotPath) ctx.set('Access-Control-Allow-Credentials', 'true');
}
