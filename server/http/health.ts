// /healthz and /readyz.
//   /healthz is liveness: 200 whenever the process answers, because restarting it would not cure
//     a dead database or a full port range. Its body still says `degraded`, not `ok`, while this
//     instance refuses work (the last readiness report), so nobody reads "ok" during exhaustion.
//   /readyz is readiness: 200 only while this instance can take new work (database reachable,
//     schema migrated, a live media worker with room, free ports); else 503 naming what is wrong.
import type Koa from 'koa';

export interface HealthCheck {
  readonly name: string;
  /** Resolves with details; `ok: false` (with a `problem` to show) or a throw marks the check failed. */
  run(): Promise<{ readonly ok: boolean; readonly problem?: string }>;
}

export interface HealthRoutes {
  readonly live: Koa.Middleware;
  readonly ready: Koa.Middleware;
}

interface Report {
  readonly ok: boolean;
  readonly at: number;
  /** Check name → what is wrong, for every failing check. */
  readonly failing: Readonly<Record<string, string>>;
  readonly checks: Readonly<Record<string, unknown>>;
}

/** One check may take this long before it counts as failed. */
const CHECK_TIMEOUT_MS = 2_000;
/** Reports younger than this are served again: a flood of probes must not become a flood of database pings. */
const REPORT_MAX_AGE_MS = 1_000;
/** Liveness answers within this even while readiness checks hang (orchestrators' probes time out at 1–3 s). */
const LIVENESS_BUDGET_MS = 1_000;

export function healthRoutes(checks: readonly HealthCheck[]): HealthRoutes {
  let last: Report | undefined;
  let running: Promise<Report> | undefined;
  /** The latest report, run anew when stale; concurrent callers share one run. */
  const current = (): Promise<Report> => {
    if (last && performance.now() - last.at < REPORT_MAX_AGE_MS) return Promise.resolve(last);
    running ??= runChecks(checks)
      .then((report) => (last = report))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    async ready(ctx) {
      const report = await current();
      ctx.status = report.ok ? 200 : 503;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: report.ok ? 'ready' : 'not_ready', failing: report.failing, checks: report.checks };
    },
    async live(ctx) {
      const report = await Promise.race([current(), delay(LIVENESS_BUDGET_MS)]);
      ctx.status = 200;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = report
        ? { status: report.ok ? 'ok' : 'degraded', live: true, ready: report.ok, failing: report.failing, checks: report.checks }
        : {
            status: 'degraded',
            live: true,
            ready: false,
            failing: { readiness: `the readiness checks did not answer within ${LIVENESS_BUDGET_MS} ms` },
            checks: {},
          };
    },
  };
}

async function runChecks(checks: readonly HealthCheck[]): Promise<Report> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const started = performance.now();
      try {
        const r = await withTimeout(c.run(), CHECK_TIMEOUT_MS);
        return [c.name, { ...r, ms: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        return [c.name, { ok: false, problem: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  const failing = Object.fromEntries(results.filter(([, r]) => !r.ok).map(([name, r]) => [name, r.problem ?? 'failing']));
  return { ok: results.every(([, r]) => r.ok), at: performance.now(), failing, checks: Object.fromEntries<unknown>(results) };
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
