// What /readyz checks: each answers "can this instance take new work?" and, when not, says why.
import { Migrator } from 'kysely';
import type { DatabaseHandle } from '../db/connection';
import { migrations } from '../db/migrations';
import { DEFAULT_PEER_QUOTAS } from '../media/media-quotas';
import type { MediaRegistry } from '../media/media-registry';
import type { WorkerPool } from '../media/worker-pool';
import { boundUdpPorts } from '../broadcast/bound-ports';
import type { HealthCheck } from './health';

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

export interface ReadinessDeps {
  readonly database: DatabaseHandle;
  /** Undefined when media is off (MEDIA_WORKERS=0): nothing to check there. */
  readonly media?: {
    readonly pool: WorkerPool;
    readonly registry: MediaRegistry;
    /** Peers one worker carries (MEDIA_PEERS_PER_WORKER). */
    readonly peersPerWorker: number;
    /** RTC_MIN_PORT..RTC_MAX_PORT. */
    readonly rtcPorts: PortRange;
    /** Told the number of live workers on every check (for /metrics). */
    readonly onWorkers?: (alive: number) => void;
  };
  /** BROADCAST_MIN_PORT..BROADCAST_MAX_PORT, when the broadcast is on. */
  readonly broadcastPorts?: PortRange;
}

/** UDP ports a new peer needs: one per WebRTC transport it may open (each also takes a TCP port, from its own space). */
const RTC_PORTS_PER_PEER = DEFAULT_PEER_QUOTAS.transports;
/** Port pairs one more broadcast needs: 5 plus one per interpretation (program-feed.ts); 10 covers five booths. */
const BROADCAST_PAIRS_PER_SITTING = 10;

export function readinessChecks(deps: ReadinessDeps): HealthCheck[] {
  const checks: HealthCheck[] = [
    {
      name: 'database',
      run: async () => (await deps.database.ping(), { ok: true, kind: deps.database.kind }),
    },
    {
      name: 'migrations',
      run: async () => {
        const all = await new Migrator({ db: deps.database.db, provider: { getMigrations: async () => migrations } }).getMigrations();
        const pending = all.filter((m) => m.executedAt === undefined).map((m) => m.name);
        return pending.length === 0
          ? { ok: true, applied: all.length }
          : { ok: false, problem: `${pending.length} migrations not applied: ${pending.join(', ')}`, pending };
      },
    },
  ];
  const media = deps.media;
  if (media) {
    checks.push(
      {
        name: 'media',
        run: async () => {
          const health = await media.pool.health();
          const alive = health.workers.filter((w) => w.alive).length;
          media.onWorkers?.(alive);
          const peers = media.registry.stats().peers;
          const capacity = alive * media.peersPerWorker;
          const details = { alive, workers: health.workers, peers, capacity };
          if (media.pool.closed) return { ok: false, problem: 'the media workers are closed', ...details };
          if (alive === 0) return { ok: false, problem: `no live media worker (0 of ${health.workers.length})`, ...details };
          if (peers >= capacity)
            return { ok: false, problem: `media peers at capacity: ${peers} of ${capacity} (${alive} live workers × ${media.peersPerWorker})`, ...details };
          return { ok: true, ...details };
        },
      },
      rtcPortsCheck(media.rtcPorts),
    );
  }
  if (deps.broadcastPorts) checks.push(broadcastPortsCheck(deps.broadcastPorts));
  return checks;
}

/** Ready while the WebRTC range has a UDP port for each transport a new peer may open. */
export function rtcPortsCheck({ min, max }: PortRange): HealthCheck {
  return {
    name: 'rtcPorts',
    run: async () => {
      const bound = await boundUdpPorts();
      if (!bound) return { ok: true, unknown: true };
      let used = 0;
      for (const port of bound) if (port >= min && port <= max) used++;
      const free = max - min + 1 - used;
      return free >= RTC_PORTS_PER_PEER
        ? { ok: true, used, free }
        : { ok: false, problem: `WebRTC port range ${min}–${max} exhausted: ${free} free, a peer needs ${RTC_PORTS_PER_PEER}`, used, free };
    },
  };
}

/** Ready while the broadcast range has the RTP/RTCP port pairs another broadcast may need. */
export function broadcastPortsCheck({ min, max }: PortRange): HealthCheck {
  return {
    name: 'broadcastPorts',
    run: async () => {
      const bound = await boundUdpPorts();
      if (!bound) return { ok: true, unknown: true };
      let freePairs = 0;
      for (let port = min + (min % 2); port + 1 <= max; port += 2) if (!bound.has(port) && !bound.has(port + 1)) freePairs++;
      return freePairs >= BROADCAST_PAIRS_PER_SITTING
        ? { ok: true, freePairs }
        : {
            ok: false,
            problem: `broadcast port range ${min}–${max} exhausted: ${freePairs} free pairs, a broadcast needs up to ${BROADCAST_PAIRS_PER_SITTING}`,
            freePairs,
          };
    },
  };
}
