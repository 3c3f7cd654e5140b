// What one peer (one person in one sitting) and one person (across sittings and reconnects) may
// hold and how fast they may ask, so that no single participant can exhaust the workers, the
// port range or the other peers' notification streams. Each limit says why it is that number.
import { MediaError } from './errors';

/** Counts a peer may hold at once. Only what a browser can ask for counts (see SittingMedia). */
export interface PeerQuotas {
  /** WebRTC transports: a send and a receive one, plus one of each while a failed one is replaced. */
  readonly transports: number;
  /** Producers: microphone and camera on the floor, a screen, a subroom microphone. */
  readonly producers: number;
  /**
   * Consumers: one per producer the peer may hear or see (the topology's bound), and never more
   * than this, which operators of very large chambers with many cameras may raise.
   */
  readonly consumers: number;
}

export const DEFAULT_PEER_QUOTAS: PeerQuotas = Object.freeze({
  transports: 4,
  producers: 4,
  consumers: 500,
});

/** Media of sittings one person may be a peer in at once (a clerk following two sittings, and a spare). */
export const MAX_SITTINGS_PER_PERSON = 3;

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

/**
 * Request rates per person (kept across reconnects and sittings, so a new socket does not refill
 * them). Each class is work a request makes for the worker or for every other peer.
 */
export const RATES = Object.freeze({
  /** A join places the peer on a router; reconnects and worker deaths rejoin, a loop of joins is not that. */
  join: { burst: 10, perSecond: 1 },
  /**
   * Transports take ports and worker memory; a DTLS failure frees one, and a loop of failures must
   * not churn ports. A session takes 4 (two created, two connected): a few reloads in a row fit.
   */
  transport: { burst: 16, perSecond: 1 },
  /** An ICE restart renegotiates a transport; clients do it on a network change, not in a loop. */
  iceRestart: { burst: 5, perSecond: 0.2 },
  /** Each key frame request makes the sender encode a full frame: a storm degrades the speaker's video for all. */
  keyFrame: { burst: 10, perSecond: 2 },
  /** A layout change asks once per video tile. */
  layers: { burst: 100, perSecond: 20 },
  /** produce, closeProducer and self-mute notify every listener of the channel (hundreds of peers). */
  fanout: { burst: 20, perSecond: 5 },
  /** consume, close, pause and resume are each a worker request; a large chamber joins with a burst of them. */
  consumers: { burst: 400, perSecond: 100 },
  /** A choice change re-plans the peer and may close its consumers. */
  choice: { burst: 10, perSecond: 2 },
} satisfies Record<string, Rate>);

export type RateClass = keyof typeof RATES;

/** Above this many people tracked, buckets that are full again are forgotten (they would start full anyway). */
const TRACKED_PEOPLE = 5_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets per person and rate class. Refusals are `media.rate_limited` and change nothing. */
export class PersonRates {
  private readonly buckets = new Map<string, Map<RateClass, Bucket>>();

  constructor(
    private readonly rates: Readonly<Record<RateClass, Rate>> = RATES,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token of the class for the person, or throws `media.rate_limited`. */
  take(personId: string, rateClass: RateClass, method: string): void {
    const rate = this.rates[rateClass];
    const now = this.now();
    let mine = this.buckets.get(personId);
    if (!mine) {
      if (this.buckets.size >= TRACKED_PEOPLE) this.forgetFull(now);
      mine = new Map();
      this.buckets.set(personId, mine);
    }
    const bucket = mine.get(rateClass) ?? { tokens: rate.burst, at: now };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
    bucket.at = now;
    mine.set(rateClass, bucket);
    if (bucket.tokens < 1) {
      const waitMs = Math.ceil(((1 - bucket.tokens) / rate.perSecond) * 1000);
      throw new MediaError('media.rate_limited', `${method}: at most ${rate.perSecond} per second (burst ${rate.burst}); retry in ${waitMs} ms`);
    }
    bucket.tokens -= 1;
  }

  get size(): number {
    return this.buckets.size;
  }

  private forgetFull(now: number): void {
    for (const [person, mine] of this.buckets) {
      const full = [...mine].every(([rateClass, b]) => b.tokens + ((now - b.at) / 1000) * this.rates[rateClass].perSecond >= this.rates[rateClass].burst);
      if (full) this.buckets.delete(person);
    }
  }
}

/** The refusal when a peer already holds as many as its quota allows; nothing is created. */
export function quotaExceeded(what: string, limit: number, peerId: string): MediaError {
  return new MediaError('media.quota_exceeded', `${peerId} already holds ${limit} ${what}, the most one peer may`);
}
