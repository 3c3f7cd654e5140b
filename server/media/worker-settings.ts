/** mediasoup worker settings derived from Plenum's configuration. */
import type { types as ms } from 'mediasoup';
import type { LogLevel } from '../log';

export interface WorkerPoolOptions {
  /** How many workers (one per core is the usual choice). */
  readonly workers: number;
  /** UDP/TCP port range for WebRTC and plain transports on every worker. */
  readonly rtcMinPort: number;
  readonly rtcMaxPort: number;
  readonly logLevel: LogLevel;
}

/**
 * The worker's own log level: its 'debug' is very chatty (per packet with tags), so Plenum's
 * info level asks only for warnings from the worker.
 */
export function workerLogLevel(level: LogLevel): ms.WorkerLogLevel {
  switch (level) {
    case 'debug':
      return 'debug';
    case 'info':
    case 'warn':
      return 'warn';
    case 'error':
      return 'error';
    case 'silent':
      return 'none';
  }
}

export function workerSettings(options: WorkerPoolOptions, index: number): ms.WorkerSettings<{ index: number }> {
  const logLevel = workerLogLevel(options.logLevel);
  return {
    logLevel,
    logTags: logLevel === 'debug' ? ['info', 'ice', 'dtls', 'rtp', 'srtp', 'rtcp'] : [],
    // Deprecated in favour of per-transport portRange, but still the worker-wide default for
    // transports that do not name one; transports should pass portRange() as well.
    rtcMinPort: options.rtcMinPort,
    rtcMaxPort: options.rtcMaxPort,
    appData: { index },
  };
}

/**
 * Socket buffers of transports that take a sitting's ingress (a speaker, a hall feed, a pipe to
 * another worker). One packet dropped there is lost for every listener behind it; the kernel's
 * default (~208 KiB) overflows when a busy machine schedules the worker late (bench:chamber).
 * The kernel caps it at net.core.rmem_max / wmem_max.
 */
export const SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

/** Peers of a sitting per worker before it grows onto another: half of what bench:chamber forwarded without loss on one core. */
export const DEFAULT_PEERS_PER_WORKER = 350;
