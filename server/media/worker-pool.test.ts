import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaWorkerError, WorkerPool, type WorkerReplacedEvent } from './worker-pool';

const log = createLogger('silent');
const options = { workers: 2, rtcMinPort: 46000, rtcMaxPort: 46099, logLevel: 'silent' } as const;

/** True while a process with this pid exists (signal 0 only checks). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe('WorkerPool', () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = await WorkerPool.create(options, log);
  });
  afterAll(async () => {
    await pool.close();
  });

  it('starts the requested number of live mediasoup worker processes', async () => {
    const health = await pool.health();
    expect(health.ok).toBe(true);
    expect(health.workers.map((w) => w.index)).toEqual([0, 1]);
    const pids = health.workers.map((w) => w.pid);
    expect(new Set(pids).size).toBe(2);
    for (const w of health.workers) {
      expect(processExists(w.pid)).toBe(true);
      expect(w).toMatchObject({ alive: true, replaced: 0, routers: 0 });
      expect(w.cpuUserMs).toBeTypeOf('number');
      expect(w.cpuSystemMs).toBeTypeOf('number');
    }
  });

  it('hands out workers round-robin with next() and by open routers with leastLoaded()', async () => {
    const first = pool.next();
    const second = pool.next();
    expect(second.pid).not.toBe(first.pid);
    expect(pool.next().pid).toBe(first.pid);

    const router = await first.createRouter({ mediaCodecs: [] });
    try {
      expect((await pool.health()).workers.find((w) => w.pid === first.pid)?.routers).toBe(1);
      for (let i = 0; i < 3; i++) expect(pool.leastLoaded().pid).toBe(second.pid);
    } finally {
      router.close();
    }
    expect((await pool.health()).workers.every((w) => w.routers === 0)).toBe(true);
  });

  it('replaces a worker killed with SIGKILL in the same slot and says so', async () => {
    const before = await pool.health();
    const victim = before.workers[0]!;
    const victimWorker = [pool.next(), pool.next()].find((w) => w.pid === victim.pid)!;
    const router = await victimWorker.createRouter({ mediaCodecs: [] });
    const replaced = once(pool, 'workerreplaced') as Promise<[WorkerReplacedEvent]>;

    process.kill(victim.pid, 'SIGKILL');
    const [event] = await replaced;

    expect(event.index).toBe(0);
    expect(event.oldPid).toBe(victim.pid);
    expect(event.newPid).not.toBe(victim.pid);
    expect(processExists(event.newPid)).toBe(true);
    expect(await until(() => !processExists(victim.pid), 2_000)).toBe(true);
    // Routers on the dead worker went with it; owners rebuild them on 'workerreplaced'.
    expect(router.closed).toBe(true);

    const after = await pool.health();
    expect(after.ok).toBe(true);
    expect(after.workers[0]).toMatchObject({ index: 0, pid: event.newPid, alive: true, replaced: 1 });
    expect(after.workers[1]).toMatchObject({ index: 1, pid: before.workers[1]!.pid, alive: true, replaced: 0 });

    // The replacement does real work.
    const pids = new Set([pool.next().pid, pool.next().pid]);
    expect(pids).toEqual(new Set([event.newPid, before.workers[1]!.pid]));
    const onNew = await [pool.next(), pool.next()].find((w) => w.pid === event.newPid)!.createRouter({ mediaCodecs: [] });
    expect(onNew.closed).toBe(false);
    onNew.close();
  }, 15_000);
});

describe('WorkerPool.close()', () => {
  it('stops every worker process, stops replacing, and can be called again', async () => {
    const pool = await WorkerPool.create({ ...options, workers: 2 }, log);
    const pids = (await pool.health()).workers.map((w) => w.pid);
    let replacements = 0;
    pool.on('workerreplaced', () => replacements++);

    await Promise.all([pool.close(), pool.close()]);
    for (const pid of pids) expect(processExists(pid)).toBe(false);
    await pool.close();

    const health = await pool.health();
    expect(health.ok).toBe(false);
    expect(health.workers.every((w) => !w.alive)).toBe(true);
    expect(() => pool.next()).toThrow(MediaWorkerError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replacements).toBe(0);
  });

  it('rejects a worker count below one', async () => {
    await expect(WorkerPool.create({ ...options, workers: 0 }, log)).rejects.toThrow(RangeError);
  });
});
