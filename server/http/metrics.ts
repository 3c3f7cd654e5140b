import type Koa from 'koa';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { unhandledErrorCount } from '../process-guard';

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per app instance, so tests can start several apps in one process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plenum_' });
  const requests = new Counter({
    name: 'plenum_http_requests_total',
    help: 'HTTP requests by method, route group and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'plenum_http_request_duration_seconds',
    help: 'HTTP request duration by route group.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const wsConnections = new Gauge({ name: 'plenum_graphql_ws_connections', help: 'Open graphql-ws connections.', registers: [registry] });
  const mediaWorkers = new Gauge({ name: 'plenum_media_workers_alive', help: 'Live mediasoup workers.', registers: [registry] });
  // Counted by the process guard (one per process), read at each scrape.
  const unhandledErrors: Counter = new Counter({
    name: 'plenum_unhandled_errors_total',
    help: 'Uncaught exceptions and unhandled rejections the process survived.',
    registers: [registry],
    collect() {
      unhandledErrors.reset();
      unhandledErrors.inc(unhandledErrorCount());
    },
  });
  return { registry, requests, duration, wsConnections, mediaWorkers, unhandledErrors };
}

/** Chamber media counts, read at each scrape. */
export function measureMedia(metrics: Metrics, stats: () => Record<'sittings' | 'peers' | 'producers' | 'consumers' | 'routers', number>): void {
  const gauge = new Gauge({
    name: 'plenum_media_objects',
    help: 'Chamber media now: sittings with media, peers, producers, consumers, routers.',
    labelNames: ['kind'] as const,
    registers: [metrics.registry],
    collect() {
      for (const [kind, n] of Object.entries(stats())) gauge.set({ kind }, n);
    },
  });
}

/** Route groups, not raw paths: keeps label cardinality bounded. */
function routeGroup(path: string): string {
  const first = path.split('/')[1] ?? '';
  return ['graphql', 'auth', 'oidc', 'healthz', 'readyz', 'metrics', 'hls'].includes(first) ? `/${first}` : first.includes('.') ? '/asset' : '/app';
}

export function measureRequests(metrics: Metrics): Koa.Middleware {
  return async (ctx, next) => {
    const route = routeGroup(ctx.path);
    const end = metrics.duration.startTimer({ route });
    try {
      await next();
    } finally {
      end();
      metrics.requests.inc({ method: ctx.method, route, status: String(ctx.status) });
    }
  };
}
