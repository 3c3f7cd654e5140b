import Koa from 'koa';
import Router from '@koa/router';
import type { Auth, AuthUser } from '../auth';
import { AuthError } from '../auth';
import type { Logger } from '../log';
import { graphqlMiddleware, type PlenumYoga } from './graphql';
import { healthRoutes, type HealthCheck } from './health';
import { measureRequests, type Metrics } from './metrics';
import { securityHeaders } from './security-headers';
import { staticClient } from './static-client';
import { protocolRoutes } from './protocol-routes';
import { adminLogRoutes } from './admin-log-routes';
import { hlsRoutes } from './hls-routes';
import { publicProtocolRoutes } from './public-protocol-routes';
import type { Services } from '../services';
import type { Config } from '../config';
import { trustedOrigins } from '../config/origins';
import { corsAllowList } from './cors';
import { csrfGuard } from './csrf';
import { rosterFileRoutes } from './roster-file-routes';
import { secretBallotRoutes } from './secret-ballot-routes';
import { rosterFilePath } from '@contract/roster-files';
import { metricsAccess } from './metrics-access';
import { allowedMethods } from './allowed-methods';
import { requestId } from './request-id';
import type { HttpDrain } from './drain';

export interface HttpDeps {
  readonly auth: Auth;
  readonly services: Services;
  readonly yoga: PlenumYoga;
  readonly metrics: Metrics;
  readonly health: readonly HealthCheck[];
  readonly log: Logger;
  readonly clientDir: string;
  /** Where the broadcast writes its HLS files, one folder per sitting. */
  readonly hlsRoot: string;
  readonly https: boolean;
  /** Origins, proxy trust and the metrics token. */
  readonly config: Pick<Config, 'publicUrl' | 'corsOrigins' | 'trustProxy' | 'metricsToken'>;
  /** Refuses new requests and counts running ones while the app stops. */
  readonly drain: HttpDrain;
}

/** The Koa app: security headers and CORS on everything, then /healthz, /readyz, /metrics, auth, /graphql and the client. */
export function buildHttpApp(deps: HttpDeps): Koa {
  const { auth, yoga, metrics, log } = deps;
  // X-Forwarded-* only when asked (TRUST_PROXY), and then only the hop our own proxy appended.
  const app = new Koa({ proxy: deps.config.trustProxy, maxIpsCount: 1 });

  app.use(requestId(log));
  app.use(errorHandler(log));
  app.use(securityHeaders({ https: deps.https }));
  app.use(corsAllowList(trustedOrigins(deps.config)));
  app.use(deps.drain.middleware);
  app.use(measureRequests(metrics));
  app.use(allowedMethods());

  const router = new Router();
  const health = healthRoutes(deps.health);
  router.get('/healthz', health.live);
  router.get('/readyz', health.ready);
  router.get('/metrics', metricsAccess(deps.config.metricsToken), async (ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  app.use(router.routes());
  app.use(hlsRoutes(deps.hlsRoot).routes());
  app.use(publicProtocolRoutes(deps.services).routes());
  // Before auth: a secret ballot comes without a session, and no sign-in code ever sees it.
  app.use(secretBallotRoutes(deps.services, trustedOrigins(deps.config)).routes());
  app.use(auth.middleware);
  app.use(protocolRoutes(deps.services, (ctx) => authenticate(auth, ctx)).routes());
  app.use(adminLogRoutes(deps.services, (ctx) => authenticate(auth, ctx)).routes());
  app.use(csrfGuard(rosterFilePath));
  app.use(rosterFileRoutes(deps.services, (ctx) => authenticate(auth, ctx)).routes());
  app.use(csrfGuard());
  app.use(graphqlMiddleware(yoga, (ctx) => authenticate(auth, ctx)));
  app.use(staticClient(deps.clientDir));

  // A client going away mid-response (closing an SSE subscription, say) is not an error worth a stack trace.
  app.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    log.error('http | unhandled error', { error: error.message });
  });
  return app;
}

/** A bad bearer token is the caller's problem: 401 with a GraphQL-shaped error, never a silent anonymous request. */
async function authenticate(auth: Auth, ctx: Koa.Context): Promise<AuthUser | null> {
  try {
    return await auth.authenticateRequest(ctx.req);
  } catch (error) {
    if (error instanceof AuthError) {
      ctx.set('WWW-Authenticate', `Bearer error="invalid_token"`);
      ctx.throw(401, error.message, { expose: true, code: error.code });
    }
    throw error;
  }
}

function errorHandler(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const error = err as { status?: number; expose?: boolean; message?: string; code?: string };
      const status = typeof error.status === 'number' ? error.status : 500;
      if (status >= 500) log.error('http | request failed', { path: ctx.path, error: String(err) });
      ctx.status = status;
      ctx.body = {
        errors: [
          { message: error.expose ? error.message : 'Internal server error', extensions: { code: error.code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST') } },
        ],
      };
    }
  };
}
