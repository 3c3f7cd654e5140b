/**
 * One instance's start-up database work, as a separate process: opens DATABASE_URL, waits until the
 * wall-clock time in argv[2] (so that several processes begin at the same moment), then runs
 * prepareDatabase (migrations and the demo seed under the migration lock) exactly as App.create does.
 * Prints one JSON line: { applied, seeded, waited, late }.
 */
import { openDatabase } from '../../server/db/connection';
import { createLogger } from '../../server/log';
import { prepareDatabase } from '../../server/services/seed';

const startAt = Number(process.argv[2]);
const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 4 });
const lines: string[] = [];
const log = createLogger('info', { format: 'json', write: (line) => lines.push(line) });
const late = Date.now() > startAt;
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
try {
  const { applied, seeded } = await prepareDatabase(database, { demo: true, log });
  const waited = lines.some((l) => l.includes('waiting for the migration lock'));
  process.stdout.write(JSON.stringify({ applied, seeded, waited, late }) + '\n');
} finally {
  await database.close();
}
