import { App, clientDir } from './app';
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
  const log = createLogger(config.logLevel);
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
      log.info(`main | ${signal}: stopping`);
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
  process.stderr.write(`Plenum failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
