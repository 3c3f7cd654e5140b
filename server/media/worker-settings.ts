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
