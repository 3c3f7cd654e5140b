import type { Logger } from '../log';
import { MediaError } from './errors';
import { PersonRates, type PeerQuotas } from './media-quotas';
import { SittingMedia, type MediaListen } from './sitting-media';
import type { WorkerPool } from './worker-pool';

export interface MediaRegistryOptions {
  readonly pool: WorkerPool;
  readonly log: Logger;
  readonly listen: MediaListen;
  readonly peersPerRouter?: number;
  /** What one peer may hold at once; the defaults of media-quotas.ts when unset. */
  readonly quotas?: PeerQuotas;
  /** Request rates per person; tests pass one with their own clock. */
  readonly rates?: PersonRates;
  /** Runs on a new sitting's media before anyone can join it (the procedure's floor is applied here). */
  readonly prepare?: (media: SittingMedia) => Promise<void>;
}

/**
 * The sittings that have media now, by sitting id. Creation is serialized per sitting (two
 * members joining at once get the same SittingMedia); an entry leaves when its media closes.
 */
export class MediaRegistry {
  private readonly sittings = new Map<string, SittingMedia>();
  private readonly creating = new Map<string, Promise<SittingMedia>>();
  private closed = false;
  /** Request rates per person, across sittings and reconnects (a new socket does not refill them). */
  readonly rates: PersonRates;

  constructor(private readonly opts: MediaRegistryOptions) {
    this.rates = opts.rates ?? new PersonRates();
  }

  get pool(): WorkerPool {
    return this.opts.pool;
  }

  get(sittingId: string): SittingMedia | undefined {
    return this.sittings.get(sittingId);
  }

  async getOrCreate(sittingId: string): Promise<SittingMedia> {
    if (this.closed) throw new MediaError('media.closed', 'media is shutting down');
    const existing = this.sittings.get(sittingId);
    if (existing) return existing;
    let pending = this.creating.get(sittingId);
    if (!pending) {
      pending = SittingMedia.create({
        sittingId,
        pool: this.opts.pool,
        log: this.opts.log.child('sitting'),
        listen: this.opts.listen,
        ...(this.opts.peersPerRouter ? { peersPerRouter: this.opts.peersPerRouter } : {}),
        ...(this.opts.quotas ? { quotas: this.opts.quotas } : {}),
      })
        .then(async (media) => {
          try {
            await this.opts.prepare?.(media);
          } catch (error) {
            media.close();
            throw error;
          }
          this.sittings.set(sittingId, media);
          media.once('close', () => {
            if (this.sittings.get(sittingId) === media) this.sittings.delete(sittingId);
          });
          return media;
        })
        .finally(() => this.creating.delete(sittingId));
      this.creating.set(sittingId, pending);
    }
    return pending;
  }

  /** Ends one sitting's media (the sitting closed). */
  closeSitting(sittingId: string): void {
    this.sittings.get(sittingId)?.close();
  }

  get size(): number {
    return this.sittings.size;
  }

  /** Sittings whose media the person has joined now. */
  sittingsOf(personId: string): number {
    let n = 0;
    for (const media of this.sittings.values()) if (media.has(personId)) n++;
    return n;
  }

  /** Totals over every sitting, for /metrics. */
  stats(): { sittings: number; peers: number; producers: number; consumers: number; routers: number } {
    const total = { sittings: this.sittings.size, peers: 0, producers: 0, consumers: 0, routers: 0 };
    for (const media of this.sittings.values()) {
      const s = media.stats();
      total.peers += s.peers;
      total.producers += s.producers;
      total.consumers += s.consumers;
      total.routers += s.routers;
    }
    return total;
  }

  /** Closes every sitting's media; the pool belongs to the composition root and stays. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.creating.values());
    for (const media of [...this.sittings.values()]) media.close();
  }
}
