/** The HTTP side of a graceful stop: new requests refused, running ones waited for until their answer has left. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpDrain } from './drain';

async function serve(drain: HttpDrain, slowMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Koa();
  // The event stream cut by the test's close is not worth a stack trace.
  app.silent = true;
  app.use(drain.middleware);
  app.use(async (ctx) => {
    if (ctx.path === '/slow') await new Promise((r) => setTimeout(r, slowMs));
    if (ctx.path === '/stream') {
      ctx.type = 'text/event-stream';
      const body = new PassThrough();
      body.write(': open\n\n');
      ctx.body = body;
      return;
    }
    ctx.body = { ok: ctx.path };
  });
  const handle = app.callback();
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('HttpDrain', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('answers new requests 503 with Connection: close, keeps /healthz, and lets a running request finish', async () => {
    const drain = new HttpDrain();
    const s = await serve(drain, 300);
    close = s.close;
    const running = fetch(`${s.url}/slow`);
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    drain.begin();
    const idle = drain.idle(5_000);

    const refused = await fetch(`${s.url}/graphql`, { method: 'POST' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] });
    expect((await fetch(`${s.url}/readyz`)).status).toBe(503);
    const live = await fetch(`${s.url}/healthz`);
    expect(live.status).toBe(200);
    await live.body?.cancel();

    const answer = await running;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await answer.json()).toEqual({ ok: '/slow' });
    expect(await idle).toBe(true);
    expect(drain.inFlight).toBe(0);
  });

  it('gives up on a request that outlasts the bound, and does not wait for event streams', async () => {
    const drain = new HttpDrain();
    const s = await serve(drain, 2_000);
    close = s.close;
    const stream = await fetch(`${s.url}/stream`);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(drain.inFlight).toBe(0);
    const slow = fetch(`${s.url}/slow`).catch(() => undefined);
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    drain.begin();
    const started = performance.now();
    expect(await drain.idle(200)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    await s.close();
    close = undefined;
    await slow;
  });
});
