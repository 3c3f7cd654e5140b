import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import { withRequestId, type Logger } from '../log';
import { secretBallotPath } from '@contract/secret-ballots';

export const requestIdHeader = 'X-Request-Id';

/** What a proxy or client may hand us as an id: short, and nothing that could break a log line or a header. */
const saneRequestId = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Every HTTP request has an id: the caller's `X-Request-Id` when it is sane (a proxy's, so both logs
 * join up), else a new UUID. It is echoed in the response and named in every log line the request's
 * work writes; `debug` adds one line per request.
 */
export function requestId(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    // A proxy's id would join a secret ballot to the proxy's access log line (and its client address).
    const offered = ctx.path === secretBallotPath ? '' : ctx.get(requestIdHeader);
    const id = saneRequestId.test(offered) ? offered : randomUUID();
    ctx.state['requestId'] = id;
    ctx.set(requestIdHeader, id);
    const started = performance.now();
    await withRequestId(id, async () => {
      try {
        await next();
      } finally {
        log.debug('request | done', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) });
      }
    });
  };
}
