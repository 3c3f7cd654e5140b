/**
 * The mediasoup workers of this process: one per core by default, each in a fixed slot.
 * A worker that dies is replaced in its slot; `workerreplaced` tells the owners of routers on
 * the dead worker to rebuild them (its routers, transports and consumers died with it).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import type { Logger } from '../log';
import { workerSettings, type WorkerPoolOptions } from './worker-settings';

export type { WorkerPoolOptions } from './worker-settings';

export interface WorkerReplacedEvent {
  readonly index: number;
  readonly oldPid: number;
  readonly newPid: number;
}

export interface WorkerHealth {
  readonly index: number;
  readonly pid: number;
  /** Running and answering requests. */
  readonly alive: boolean;
  /** How often this slot's worker has been replaced since the pool started. */
  readonly replaced: number;
  /** Routers currently open on this worker. */
  readonly routers: number;
  readonly cpuUserMs?: number;
  readonly cpuSystemMs?: number;
}

export interface WorkerPoolHealth {
  readonly ok: boolean;
  readonly workers: readonly WorkerHealth[];
}

export type WorkerPoolEvents = { workerreplaced: [WorkerReplacedEvent] };

export class MediaWorkerError extends Error {
  constructor(
    readonly code: 'MEDIA_WORKER_BINARY_MISSING' | 'MEDIA_WORKER_START_FAILED' | 'NO_MEDIA_WORKER',
    message: string,
  ) {
    super(message);
    this.name = 'MediaWorkerError';
  }
}

/** A health probe that takes longer than this counts the worker as not alive. */
const HEALTH_TIMEOUT_MS = 2_000;
/** How long close() waits for a worker process to exit before killing it. */
const EXIT_TIMEOUT_MS = 5_000;
/** Back-off between failed attempts to start a replacement worker. */
const RESTART_DELAYS_MS = [0, 1_000, 2_000, 5_000, 10_000, 30_000];

interface Slot {
  readonly index: number;
  worker: ms.Worker;
  /** Open routers on `worker`; a fresh object per worker so late close events of a dead one cannot skew it. */
  load: { routers: number };
  replaced: number;
}

export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  /** Starts every worker; throws MediaWorkerError if the binary is missing or any worker fails to start. */
  static async create(options: WorkerPoolOptions, log: Logger): Promise<WorkerPool> {
    const poolLog = log.child('worker-pool');
    if (!Number.isInteger(options.workers) || options.workers < 1) {
      throw new RangeError(`workers must be a positive integer (got ${options.workers})`);
    }
    assertWorkerBinary(mediasoup.workerBin);
    routeMediasoupLogs(poolLog.child('mediasoup'), options.logLevel === 'debug');

    const started = await Promise.allSettled(Array.from({ length: options.workers }, (_, index) => mediasoup.createWorker(workerSettings(options, index))));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      for (const r of started) if (r.status === 'fulfilled') r.value.close();
      throw new MediaWorkerError('MEDIA_WORKER_START_FAILED', `could not start mediasoup workers: ${reason(failed.reason)}`);
    }
    const workers = started.map((r) => (r as PromiseFulfilledResult<ms.Worker>).value);
    poolLog.info('create() | workers started', { count: workers.length, pids: workers.map((w) => w.pid).join(',') });
    return new WorkerPool(options, poolLog, workers);
  }

  /** Settings every worker is started with. */
  private readonly _options: WorkerPoolOptions;
  private readonly _log: Logger;
  /** One per worker, in index order; a replaced worker takes the dead one's slot. */
  private readonly _slots: Slot[];
  /** Next slot next() looks at first. */
  private _cursor = 0;
  /** Aborted by close(): stops replacement attempts waiting to retry. */
  private readonly _closing = new AbortController();
  /** Replacements in progress, awaited by close(). */
  private readonly _replacing = new Set<Promise<void>>();
  /** Settles when close() has finished; set by the first close(). */
  private _closed?: Promise<void>;

  private constructor(options: WorkerPoolOptions, log: Logger, workers: ms.Worker[]) {
    super();
    this._options = options;
    this._log = log;
    this._slots = workers.map((worker, index) => ({ index, worker, load: { routers: 0 }, replaced: 0 }));
    for (const slot of this._slots) this._watch(slot);
  }

  get size(): number {
    return this._slots.length;
  }

  get closed(): boolean {
    return this._closed !== undefined;
  }

  /** The port range transports should pass as `portRange` in their listen infos. */
  get portRange(): { min: number; max: number } {
    return { min: this._options.rtcMinPort, max: this._options.rtcMaxPort };
  }

  /** The next live worker, round-robin. */
  next(): ms.Worker {
    const slot = this._pick(() => 0);
    this._cursor = (slot.index + 1) % this._slots.length;
    return slot.worker;
  }

  /** The live worker with the fewest open routers; ties go round-robin. */
  leastLoaded(): ms.Worker {
    const slot = this._pick((s) => s.load.routers);
    this._cursor = (slot.index + 1) % this._slots.length;
    return slot.worker;
  }

  /** Per-worker liveness and CPU time, for /healthz. Never rejects. */
  async health(): Promise<WorkerPoolHealth> {
    const workers = await Promise.all(this._slots.map((slot) => this._probe(slot)));
    return { ok: !this.closed && workers.every((w) => w.alive), workers };
  }

  /** Closes every worker and stops replacing them; resolves when their processes have exited. Idempotent. */
  close(): Promise<void> {
    if (this._closed) return this._closed;
    this._closing.abort();
    this._closed = (async () => {
      // NOTE: wait for replacements first: one may be starting a worker that must be closed too.
      await Promise.all(this._replacing);
      await Promise.all(this._slots.map((slot) => closeAndWait(slot.worker, this._log)));
      this._log.info('close() | all workers closed');
    })();
    return this._closed;
  }

  private _pick(cost: (slot: Slot) => number): Slot {
    if (this.closed) throw new MediaWorkerError('NO_MEDIA_WORKER', 'the media worker pool is closed');
    let best: Slot | undefined;
    for (let i = 0; i < this._slots.length; i++) {
      const slot = this._slots[(this._cursor + i) % this._slots.length];
      if (!slot || !isLive(slot.worker)) continue;
      if (!best || cost(slot) < cost(best)) best = slot;
    }
    if (!best) throw new MediaWorkerError('NO_MEDIA_WORKER', 'no live media worker: all are being replaced');
    return best;
  }

  private _watch(slot: Slot): void {
    const { worker, load } = slot;
    worker.observer.on('newrouter', (router) => {
      load.routers++;
      router.observer.once('close', () => load.routers--);
    });
    worker.once('died', (error) => {
      this._log.error('worker died', { index: slot.index, pid: worker.pid, error });
      if (this.closed) return;
      const replacing = this._replace(slot, worker.pid).finally(() => this._replacing.delete(replacing));
      this._replacing.add(replacing);
    });
  }

  private async _replace(slot: Slot, oldPid: number): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)] ?? 0;
      try {
        if (delay > 0) await sleep(delay, undefined, { signal: this._closing.signal });
        const worker = await mediasoup.createWorker(workerSettings(this._options, slot.index));
        if (this.closed) {
          await closeAndWait(worker, this._log);
          return;
        }
        slot.worker = worker;
        slot.load = { routers: 0 };
        slot.replaced++;
        this._watch(slot);
        this._log.info('replace() | worker replaced', { index: slot.index, oldPid, newPid: worker.pid });
        this.emit('workerreplaced', { index: slot.index, oldPid, newPid: worker.pid });
        return;
      } catch (error) {
        if (this.closed) return;
        this._log.error('replace() | could not start a worker, will retry', { index: slot.index, attempt, error });
      }
    }
  }

  private async _probe(slot: Slot): Promise<WorkerHealth> {
    const { worker } = slot;
    const base = { index: slot.index, pid: worker.pid, replaced: slot.replaced, routers: slot.load.routers };
    if (this.closed || !isLive(worker)) return { ...base, alive: false };
    try {
      const usage = await withTimeout(worker.getResourceUsage(), HEALTH_TIMEOUT_MS);
      return { ...base, alive: true, cpuUserMs: usage.ru_utime, cpuSystemMs: usage.ru_stime };
    } catch {
      return { ...base, alive: false };
    }
  }
}

function isLive(worker: ms.Worker): boolean {
  return !worker.closed && !worker.died;
}

function assertWorkerBinary(bin: string): void {
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    throw new MediaWorkerError(
      'MEDIA_WORKER_BINARY_MISSING',
      `mediasoup worker binary not found at ${bin}: run \`npm install\` (scripts/postinstall.mjs obtains it) ` + 'or set MEDIASOUP_WORKER_BIN',
    );
  }
}

/**
 * Sends mediasoup's own log lines (including the worker processes' warnings) to our logger.
 * NOTE: mediasoup keeps one set of listeners per process; the last pool created sets them.
 */
function routeMediasoupLogs(log: Logger, debug: boolean): void {
  mediasoup.setLogEventListeners({
    ondebug: debug ? (namespace, line) => log.debug(`${namespace} ${line}`) : undefined,
    onwarn: (namespace, line) => log.warn(`${namespace} ${line}`),
    onerror: (namespace, line, error) => log.error(`${namespace} ${line}`, error ? { error } : undefined),
  });
}

/** Closes a worker and waits for its process to exit, killing it if it does not. */
async function closeAndWait(worker: ms.Worker, log: Logger): Promise<void> {
  if (worker.subprocessClosed) {
    worker.close();
    return;
  }
  const exited = new Promise<void>((resolve) => worker.once('subprocessclose', () => resolve()));
  worker.close();
  try {
    await withTimeout(exited, EXIT_TIMEOUT_MS);
  } catch {
    log.warn('close() | worker did not exit, killing it', { pid: worker.pid });
    try {
      process.kill(worker.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
