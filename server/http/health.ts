import type Koa from 'koa';

export interface HealthCheck {
  readonly name: string;
  /** Resolves with details; `ok: false` or a throw marks the check failed. */
  run(): Promise<{ readonly ok: boolean }>;
}

/** /healthz: 200 when every check passes, 503 otherwise, with each check's details. */
export function healthRoute(checks: readonly HealthCheck[]): Koa.Middleware {
  return async (ctx) => {
    const results = await Promise.all(
      checks.map(async (c) => {
        const started = performance.now();
        try {
          const r = await withTimeout(c.run(), 2000);
          return [c.name, { ...r, ms: Math.round(performance.now() - started) }] as const;
        } catch (error) {
          return [c.name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const ok = results.every(([, r]) => r.ok);
    ctx.status = ok ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: ok ? 'ok' : 'failing', checks: Object.fromEntries(results) };
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}
