// Loads the demo parliament (fixtures/parliament.json) into the configured database, migrating it
// first, under the same lock as a server start. An empty database only: one that holds a parliament
// is left as it is.
//
//   npm run seed:demo            (DATABASE_URL, or the embedded PGlite in DATA_DIR/pglite; stop the server first)
//
// Exit codes: 0 loaded or already there · 2 configuration · 3 the database refused.
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { createLogger } from '../server/log';
import { prepareDatabase } from '../server/services/seed';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig({ ...process.env, PLENUM_DEMO: '1' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const log = createLogger(config.logLevel, { format: config.logFormat, namespace: 'seed-demo' });
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  try {
    const { seeded } = await prepareDatabase(database, { demo: true, log });
    process.stdout.write(seeded ? 'loaded the demo parliament\n' : 'the database holds a parliament already; nothing loaded\n');
    return 0;
  } catch (error) {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  } finally {
    await database.close();
  }
}

// A rejection is left unhandled on purpose: Node prints it and exits non-zero.
void main().then((code) => process.exit(code));
