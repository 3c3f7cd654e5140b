/**
 * The stop's bound holds when the stop itself hangs. The server (a child process, as in production)
 * reaches PostgreSQL through a TCP proxy in this test; the proxy is frozen (it keeps every
 * connection open and passes no more bytes either way: a database that stops answering, as behind
 * a dead network path), a mutation is sent that now waits on it, and SIGTERM comes. The drain cannot
 * finish the mutation nor close the pool, so main.ts's timer must end the process with code 1 at
 * STOP_BOUND_MS, before an orchestrator's SIGKILL.
 * Needs TEST_DATABASE_URL (or DATABASE_URL); skipped without.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { procedure, signInAll } from '../test/support/procedure-client';
import { startServerProcess, type ServerProcess } from '../test/support/server-process';
import { DRAIN_REQUESTS_MS, STOP_BOUND_MS } from './app';

const S = 'sitting-42';
const postgres = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/** A TCP proxy to `target` that can be frozen: from then on it forwards nothing and closes nothing. */
async function freezableProxy(target: URL): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!frozen) to.write(chunk);
      });
      from.on('end', () => {
        if (!frozen) to.end();
      });
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!postgres)('the stop bound', () => {
  let db: TestDatabase;
  let proxy: Awaited<ReturnType<typeof freezableProxy>>;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const direct = new URL(db.url!);
    proxy = await freezableProxy(direct);
    const viaProxy = new URL(db.url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-stop-bound-'));
    server = await startServerProcess({ databaseUrl: viaProxy.toString(), dataDir, env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' } });
  });
  afterAll(async () => {
    await server?.kill9();
    await proxy?.close();
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('exits with code 1 at STOP_BOUND_MS when the database stops answering mid-mutation', async () => {
    const s = server!;
    const chair = (await signInAll(s.baseUrl, ['a.keller'], 'session')).get('a.keller')!;
    // The database answers until now.
    await procedure(s.baseUrl, chair, S, 'openSitting');
    proxy.freeze();
    const stuck = procedure(s.baseUrl, chair, S, 'suspendSitting', 'reason: "Pause"').then(
      () => 'answered',
      (error: unknown) => `failed: ${String(error).slice(0, 200)}`,
    );
    // The mutation is in flight, waiting on the database.
    const raced = await Promise.race([stuck, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 1_000))]);
    expect(raced).toBe('waiting');

    const signalled = performance.now();
    process.kill(s.pid, 'SIGTERM');
    const exit = await Promise.race([s.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), STOP_BOUND_MS + 10_000))]);
    const exitMs = Math.round(performance.now() - signalled);
    expect(exit, s.output()).toEqual({ code: 1, signal: null });
    expect(exitMs).toBeGreaterThanOrEqual(STOP_BOUND_MS - 50);
    expect(exitMs).toBeLessThan(STOP_BOUND_MS + 1_500);
    const logged = s
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    // The drain gave up on the request after its own bound, the stop went on hanging, and the timer ended it.
    expect(logged, s.output()).toContain('stop() | requests still running after the drain bound; cutting them');
    expect(logged).toContain('main | the stop exceeded its bound; exiting now');
    expect(logged).not.toContain('stop() | stopped');
    // The client is not left hanging: the process is gone, so is its connection.
    expect(await stuck).toMatch(/^failed/);
    console.info(
      `[stop-bound] database frozen mid-mutation: SIGTERM → exit ${exit === 'hung' ? 'hung' : exit.code} in ${exitMs} ms (bound ${STOP_BOUND_MS} ms, drain bound ${DRAIN_REQUESTS_MS} ms)`,
    );
  });
});
