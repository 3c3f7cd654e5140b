import type { Logger } from './log';

let unhandled = 0;

/** Errors and rejections that reached the process since it started (plenum_unhandled_errors_total). */
export function unhandledErrorCount(): number {
  return unhandled;
}

/**
 * The last line of defence: an error nothing handled is logged and counted, and the process goes on
 * serving every sitting. Each one is a bug to fix where it arose; Node's default (exit) would turn
 * it into a stopped parliament. Installed once, by main.
 */
export function installProcessGuard(log: Logger): void {
  const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.on('uncaughtException', (error, origin) => {
    unhandled++;
    log.error('process | uncaught exception; kept running', { origin, error: describe(error) });
  });
  process.on('unhandledRejection', (reason) => {
    unhandled++;
    log.error('process | unhandled rejection; kept running', { error: describe(reason) });
  });
}
