// Recomputes a sitting's hash-chained record and names the first entry that does not match.
//
//   npm run verify-record -- <sitting id or number> [--head <hash>]
//   npm run verify-record -- --admin-log [--head <hash>]
//
// --admin-log: the back office's admin log (server/domain/admin-log.ts) instead of a sitting's record.
// --head: a head hash published earlier (printed at the end of the protocol and with vote results);
// the record must still contain it. This catches what the chain alone cannot: entries cut off at the
// end, or a tail rewritten with fresh hashes.
//
// Reads DATABASE_URL, or the embedded PGlite in DATA_DIR/pglite like the server (stop the server
// first: an embedded database has one user at a time). Reads only; never migrates or writes.
// Exit codes: 0 intact · 1 the record does not match · 2 usage or unknown sitting · 3 cannot verify.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { loadConfig } from '../server/config';
import { openDatabase, type DatabaseHandle } from '../server/db/connection';
import type { Database } from '../server/db/database';
import { loadRecord } from '../server/db/record';
import { listSittings } from '../server/db/sittings';
import { verifyChain } from '../server/domain/record';
import { loadAdminLog } from '../server/db/admin-log';
import { verifyAdminLog } from '../server/domain/admin-log';

export interface VerifyOutcome {
  readonly code: 0 | 1 | 2 | 3;
  /** The verdict (stdout). */
  readonly out: readonly string[];
  /** Usage and operational errors (stderr). */
  readonly err: readonly string[];
}

const usage = 'usage: npm run verify-record -- <sitting id or number> [--head <hash>]\n       npm run verify-record -- --admin-log [--head <hash>]';

export function parseArgs(
  argv: readonly string[],
): { sitting: string; head: string | undefined } | { adminLog: true; head: string | undefined } | { error: string } {
  const rest = [...argv];
  const adminLog = rest.indexOf('--admin-log');
  if (adminLog >= 0) rest.splice(adminLog, 1);
  let head: string | undefined;
  const at = rest.findIndex((a) => a === '--head' || a.startsWith('--head='));
  if (at >= 0) {
    const arg = rest[at]!;
    head = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[at + 1];
    rest.splice(at, arg.includes('=') ? 1 : 2);
    if (!head || !/^[0-9a-f]{64}$/.test(head)) return { error: `--head expects a hex SHA-256 (64 characters), got ${JSON.stringify(head ?? '')}` };
  }
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) return { error: `unknown option ${unknown}` };
  if (adminLog >= 0) return rest.length ? { error: 'the admin log is one: name no sitting with --admin-log' } : { adminLog: true, head };
  if (rest.length !== 1) return { error: rest.length ? `one sitting at a time, got ${rest.length}` : 'which sitting?' };
  return { sitting: rest[0]!, head };
}

/** The verification itself, on an open database. */
export async function verifySittingRecord(db: Kysely<Database>, sittingArg: string, head?: string): Promise<VerifyOutcome> {
  const sittings = await listSittings(db);
  const sitting = sittings.find((s) => s.id === sittingArg) ?? sittings.find((s) => String(s.number) === sittingArg);
  if (!sitting) {
    const known = sittings.map((s) => `${s.id} (no. ${s.number})`).join(', ') || 'none';
    return { code: 2, out: [], err: [`no sitting with id or number ${JSON.stringify(sittingArg)}; sittings: ${known}`] };
  }
  const entries = await loadRecord(db, sitting.id);
  const v = verifyChain(entries);
  const name = `record of ${sitting.id}`;
  if (!v.ok) {
    return { code: 1, out: [`${name}: entry ${v.seq} does not match (${v.problem}): ${v.message}`], err: [] };
  }
  const intact = `${name}: ${v.entries} entries, chain intact, head ${v.head}`;
  if (head === undefined) return { code: 0, out: [intact], err: [] };
  const published = entries.find((e) => e.hash === head);
  if (!published) {
    return {
      code: 1,
      out: [
        `${name}: ${v.entries} entries, chain intact, but the published head ${head} is not in it: entries after it were removed or the record was rewritten`,
      ],
      err: [],
    };
  }
  const later = v.entries - published.seq;
  return {
    code: 0,
    out: [intact, `published head found at entry ${published.seq}${later ? ` (${later} entries appended since)` : ' (the last entry)'}`],
    err: [],
  };
}

/** The admin log's chain, and optionally a head published (exported) earlier. */
export async function verifyAdminLogChain(db: Kysely<Database>, head?: string): Promise<VerifyOutcome> {
  const entries = await loadAdminLog(db);
  const v = verifyAdminLog(entries);
  if (!v.ok) return { code: 1, out: [`admin log: entry ${v.seq} does not match (${v.problem}): ${v.message}`], err: [] };
  const intact = `admin log: ${v.entries} entries, chain intact, head ${v.head}`;
  if (head === undefined) return { code: 0, out: [intact], err: [] };
  const published = entries.find((e) => e.hash === head);
  if (!published) {
    return {
      code: 1,
      out: [`admin log: ${v.entries} entries, chain intact, but the published head ${head} is not in it: entries were removed or the log rewritten`],
      err: [],
    };
  }
  return { code: 0, out: [intact, `published head found at entry ${published.seq}`], err: [] };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${usage}\n`);
    return 2;
  }
  let handle: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    handle = await openDatabase(
      config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
    );
    const outcome = 'adminLog' in args ? await verifyAdminLogChain(handle.db, args.head) : await verifySittingRecord(handle.db, args.sitting, args.head);
    for (const line of outcome.out) process.stdout.write(`${line}\n`);
    for (const line of outcome.err) process.stderr.write(`${line}\n`);
    return outcome.code;
  } catch (error) {
    process.stderr.write(`cannot verify the record: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  } finally {
    await handle?.close().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
