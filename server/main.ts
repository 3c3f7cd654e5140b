import { App, clientDir, STOP_BOUND_MS } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { installProcessGuard } from './process-guard';
import fs from 'node:fs';

/** `npm start` entry: validated config, the whole system in one process, a clean stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel, { format: config.logFormat });
  installProcessGuard(log.child('main'));
  const started = performance.now();
  const app = await App.create(config, { log });
  await app.start();
  if (!fs.existsSync(clientDir)) log.warn('main | the client is not built; run `npm run build` (npm start does this for you)');
  log.info(`main | Plenum is ready at ${config.publicUrl}/ (${Math.round(performance.now() - started)} ms)`, {
    database: app.database.kind,
    identity: app.auth.issuer,
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info(`main | ${signal}: stopping (bound ${STOP_BOUND_MS} ms)`);
      // The bound is kept even if something hangs: an orchestrator's SIGKILL would be later and blunter.
      setTimeout(() => {
        log.error('main | the stop exceeded its bound; exiting now', { boundMs: STOP_BOUND_MS });
        process.exit(1);
      }, STOP_BOUND_MS).unref();
      app.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('main | stop failed', { error: String(error) });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Plenum failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
