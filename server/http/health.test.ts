// The probes themselves, on a bare Koa app: liveness answers in time whatever the checks do,
// readiness names the failing check, a flood of probes runs the checks once, and the port checks
// see ports that real sockets hold.
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, type HealthCheck } from './health';
import { broadcastPortsCheck, rtcPortsCheck } from './readiness-checks';

const servers: http.Server[] = [];
const sockets: dgram.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(checks: readonly HealthCheck[]): Promise<(path: string) => Promise<{ status: number; body: Record<string, unknown>; ms: number }>> {
  const app = new Koa();
  const routes = healthRoutes(checks);
  app.use((ctx, next) => (ctx.path === '/healthz' ? routes.live(ctx, next) : ctx.path === '/readyz' ? routes.ready(ctx, next) : next()));
  const handle = app.callback();
  const server = http.createServer((req, res) => void handle(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: performance.now() - started };
  };
}

async function bindUdp(port: number): Promise<void> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', resolve);
  });
}

describe('health probes', () => {
  it('runs the checks at most once a second however many probes come', async () => {
    let runs = 0;
    const get = await serve([{ name: 'counted', run: async () => (runs++, { ok: true }) }]);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => get(i % 2 ? '/readyz' : '/healthz')));
    const elapsed = performance.now() - started;
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(1 + Math.floor(elapsed / 1000));
    expect(runs).toBeLessThan(answers.length / 10);
  });

  it('stays live within its budget while a check hangs, and readiness names the check that timed out', async () => {
    const get = await serve([
      { name: 'database', run: async () => ({ ok: true }) },
      { name: 'stuck', run: () => new Promise<never>(() => {}) },
    ]);
    const live = await get('/healthz');
    expect(live).toMatchObject({
      status: 200,
      body: { status: 'degraded', live: true, ready: false, failing: { readiness: 'the readiness checks did not answer within 1000 ms' } },
    });
    expect(live.ms).toBeLessThan(2_500);
    const ready = await get('/readyz');
    expect(ready).toMatchObject({
      status: 503,
      body: { status: 'not_ready', failing: { stuck: 'timed out after 2000 ms' }, checks: { database: { ok: true } } },
    });
    // The next liveness probe shows the verdict it now has.
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'degraded', failing: { stuck: 'timed out after 2000 ms' } } });
  });

  it('sees the WebRTC range run out of ports for another peer', async () => {
    // Below the kernel's ephemeral range (32768–60999), so no stray socket lands here.
    const range = { min: 30950, max: 30955 };
    expect(await rtcPortsCheck(range).run()).toMatchObject({ ok: true, free: 6 });
    for (const port of [30950, 30951, 30952]) await bindUdp(port);
    expect(await rtcPortsCheck(range).run()).toEqual({
      ok: false,
      problem: 'WebRTC port range 30950–30955 exhausted: 3 free, a peer needs 4',
      used: 3,
      free: 3,
    });
  });

  it('sees the broadcast range run out of port pairs for another broadcast', async () => {
    const range = { min: 30900, max: 30921 };
    expect(await broadcastPortsCheck(range).run()).toEqual({ ok: true, freePairs: 11 });
    // One port of a pair is enough to take the pair.
    await bindUdp(30900);
    await bindUdp(30903);
    expect(await broadcastPortsCheck(range).run()).toEqual({
      ok: false,
      problem: 'broadcast port range 30900–30921 exhausted: 9 free pairs, a broadcast needs up to 10',
      freePairs: 9,
    });
  });
});
