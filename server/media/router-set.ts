import type { types } from 'mediasoup';
import { MEDIA_CODECS } from './codecs';
import type { WorkerPool } from './worker-pool';
import { SOCKET_BUFFER_BYTES } from './worker-settings';

/**
 * A sitting's routers: the primary one, where the floor is observed and the program taps in,
 * and more on other workers once the audience outgrows one. Producers reach another router
 * through `pipeToRouter`, once per producer and router, keeping their id.
 */
export class RouterSet {
  readonly routers: types.Router[];
  /** Peers placed on each router, by router id. */
  private readonly load = new Map<string, number>();
  /** `${producerId}@${routerId}` → the pipe in progress or done. */
  private readonly pipes = new Map<string, Promise<void>>();
  private growing: Promise<types.Router | undefined> | null = null;

  static async create(pool: WorkerPool, peersPerRouter: number, appData: types.AppData): Promise<RouterSet> {
    return new RouterSet(pool, peersPerRouter, appData, await newRouter(pool, appData));
  }

  private constructor(
    private readonly pool: WorkerPool,
    private readonly peersPerRouter: number,
    private readonly appData: types.AppData,
    primary: types.Router,
  ) {
    this.routers = [primary];
    this.load.set(primary.id, 0);
  }

  get primary(): types.Router {
    // The constructor puts one in; close() is the only thing that empties the set's routers.
    return this.routers[0]!;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.primary.rtpCapabilities;
  }

  /**
   * The router a new peer's transports go on: the least-loaded one with room; else a new router
   * on a worker this sitting does not use yet; else, every worker taken, the least-loaded one.
   */
  async place(): Promise<types.Router> {
    const live = this.routers.filter((r) => !r.closed);
    const least = live.reduce<types.Router | undefined>((a, b) => (a && (this.load.get(a.id) ?? 0) <= (this.load.get(b.id) ?? 0) ? a : b), undefined);
    let router = least && (this.load.get(least.id) ?? 0) < this.peersPerRouter ? least : undefined;
    if (!router) {
      // NOTE: peers joining at once while the set is full share one new router, not one each.
      this.growing ??= this.grow().finally(() => {
        this.growing = null;
      });
      router = (await this.growing) ?? least ?? this.primary;
    }
    this.load.set(router.id, (this.load.get(router.id) ?? 0) + 1);
    return router;
  }

  release(router: types.Router): void {
    this.load.set(router.id, Math.max(0, (this.load.get(router.id) ?? 1) - 1));
  }

  /** Makes the producer (living on `from`) available on `to`, under the same id. */
  async ensureOn(producerId: string, from: types.Router, to: types.Router): Promise<void> {
    if (from === to) return;
    const key = `${producerId}@${to.id}`;
    let pipe = this.pipes.get(key);
    if (!pipe) {
      pipe = from
        .pipeToRouter({
          producerId,
          router: to,
          listenInfo: { protocol: 'udp', ip: '127.0.0.1', recvBufferSize: SOCKET_BUFFER_BYTES, sendBufferSize: SOCKET_BUFFER_BYTES },
        })
        .then(({ pipeProducer }) => {
          pipeProducer?.observer.once('close', () => this.pipes.delete(key));
        });
      // A failed pipe must not be cached: the next consumer tries again.
      pipe.catch(() => this.pipes.delete(key));
      this.pipes.set(key, pipe);
    }
    await pipe;
  }

  /** Number of routers and pipes, for metrics and tests. */
  get counts(): { routers: number; pipes: number } {
    return { routers: this.routers.filter((r) => !r.closed).length, pipes: this.pipes.size };
  }

  close(): void {
    for (const r of this.routers) r.close();
    this.pipes.clear();
  }

  /** A router on a worker without one of this sitting's, or undefined when every worker has one. */
  private async grow(): Promise<types.Router | undefined> {
    // Two routers of a sitting on one worker add no CPU, and pipeToRouter cannot keep producer ids there.
    const used = new Set(this.routers.filter((r) => !r.closed).map(workerPidOf));
    let worker = this.pool.leastLoaded();
    for (let i = 0; i < this.pool.size && used.has(worker.pid); i++) worker = this.pool.next();
    if (used.has(worker.pid)) return undefined;
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { ...this.appData, workerPid: worker.pid } });
    this.routers.push(router);
    this.load.set(router.id, 0);
    return router;
  }
}

/** A chamber router on the pool's least-loaded worker; appData.workerPid says which. */
async function newRouter(pool: WorkerPool, appData: types.AppData): Promise<types.Router> {
  const worker = pool.leastLoaded();
  return worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { ...appData, workerPid: worker.pid } });
}

/** The pid of the worker a router of a RouterSet runs on. */
export function workerPidOf(router: types.Router): number {
  const pid = router.appData['workerPid'];
  if (typeof pid !== 'number') throw new Error(`router ${router.id} was not made by a RouterSet`);
  return pid;
}
