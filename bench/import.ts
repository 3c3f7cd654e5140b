/**
 * Roster import: a generated roster of 5,000 people in 10 factions (4,500 members with a vote, 500
 * staff) read, compared and applied on an empty database, then applied again (nothing to do), then
 * exported. PGlite always; PostgreSQL too when TEST_DATABASE_URL / DATABASE_URL is set. For each phase:
 * rows per second, wall time, peak RSS during the phase (sampled every 5 ms) and the heap's growth.
 * The last line of output is one JSON object.
 *
 *   npm run bench:import [-- [--rows 5000] [--format csv|json]]
 */
import { createTestDatabase, testDatabaseKinds, type TestDatabaseKind } from '../test/support/database';
import { upsertParliament } from '../server/db/parliament';
import { createServices } from '../server/services';
import { createPlenumPubSub } from '../server/services/pubsub';
import { createLogger } from '../server/log';
import { csvColumns } from '../server/domain/roster-import/model';
import { writeCsv } from '../server/domain/roster-import/csv';
import type { Actor } from '../server/domain/procedure/commands';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const rows = Number(arg('rows', '5000'));
const format = arg('format', 'csv') === 'json' ? 'json' : 'csv';
const FACTIONS = 10;
const editor: Actor = { personId: null, roles: ['it_admin'] };

/** The roster: factions first, then people; nine in ten are members with a vote, spread over the factions. */
function generate(n: number): { content: string; members: number } {
  const staff = Math.round(n / 10);
  const members = n - staff;
  const perFaction = Math.ceil(members / FACTIONS);
  const factions = Array.from({ length: FACTIONS }, (_, f) => ({
    externalId: `F${f}`,
    shortName: `F${f}`,
    name: `Fraktion ${f}, „Liste“ ${f}`,
    colour: `#${(0x100000 + f * 0x111111).toString(16).slice(-6)}`,
    seats: perFaction,
  }));
  const people = Array.from({ length: n }, (_, i) => {
    const member = i < members;
    return {
      externalId: `P${i}`,
      username: `person.${i}`,
      givenName: `Vorname${i}`,
      familyName: `Nachname-${i}; Müller`,
      title: i % 7 === 0 ? 'Dr.' : null,
      email: `person.${i}@example.org`,
      faction: member ? `F${i % FACTIONS}` : null,
      office: null,
      roles: member ? ['member'] : ['clerk'],
      votingRights: member,
      memberFrom: '2025-10-01',
      memberTo: null,
    };
  });
  if (format === 'json') return { content: JSON.stringify({ factions, people }), members };
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.join('|');
    if (typeof v === 'string') return v;
    return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  };
  const table = [
    csvColumns,
    ...factions.map((f) =>
      csvColumns.map((c) =>
        c === 'type' ? 'faction' : cell({ external_id: f.externalId, short_name: f.shortName, name: f.name, colour: f.colour, seats: f.seats }[c as string]),
      ),
    ),
    ...people.map((p) =>
      csvColumns.map((c) =>
        c === 'type'
          ? 'person'
          : cell(
              (
                {
                  external_id: p.externalId,
                  username: p.username,
                  given_name: p.givenName,
                  family_name: p.familyName,
                  title: p.title,
                  email: p.email,
                  faction: p.faction,
                  office: p.office,
                  roles: p.roles,
                  voting_rights: p.votingRights,
                  member_from: p.memberFrom,
                  member_to: p.memberTo,
                } as Record<string, unknown>
              )[c],
            ),
      ),
    ),
  ];
  return { content: writeCsv(table, ';'), members };
}

interface Phase {
  readonly rows_per_s: number;
  readonly ms: number;
  readonly peak_rss_mb: number;
  /** Peak RSS during the phase above the RSS when it began: what the phase itself took. */
  readonly rss_growth_mb: number;
  readonly heap_delta_mb: number;
  /** The longest the event loop stood still during the phase: what every other user waited at most. */
  readonly worst_block_ms: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function phase(n: number, work: () => Promise<unknown>): Promise<Phase> {
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const heap = process.memoryUsage().heapUsed;
  // The gap between ticks of a 1 ms timer: a synchronous stretch shows as a gap that long.
  let last = performance.now();
  let worst = 0;
  const probe = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
  }, 1);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(probe);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    rows_per_s: Math.round((n / ms) * 1000),
    ms: Math.round(ms),
    peak_rss_mb: mb(peak),
    rss_growth_mb: mb(peak - rssBefore),
    heap_delta_mb: mb(process.memoryUsage().heapUsed - heap),
    worst_block_ms: Math.round(worst),
  };
}

async function benchOn(kind: TestDatabaseKind, content: string, members: number) {
  const h = await createTestDatabase(kind, { seed: false });
  try {
    await upsertParliament(h.db, { name: 'Benchmark', statutoryMembers: members + FACTIONS });
    const services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => new Date() });
    const request = { format, content, wholeRoster: true } as const;
    let fingerprint = '';
    let counted = 0;
    const preview = await phase(rows, async () => {
      const p = await services.rosterImport.preview(request);
      fingerprint = p.fingerprint;
      counted = p.diff.people.added.length + p.diff.factions.added.length;
    });
    const apply = await phase(rows, () => services.rosterImport.apply(editor, request, fingerprint));
    let empty = false;
    const reapply = await phase(rows, async () => {
      const r = await services.rosterImport.apply(editor, request, null);
      empty = r.diff.people.changed.length + r.diff.people.added.length + r.diff.people.ended.length === 0;
    });
    const exported = await phase(rows, () => services.rosterImport.export(format));
    return { rows_previewed: counted, reapply_empty: empty, preview, apply, reapply, export: exported };
  } finally {
    await h.close();
  }
}

async function main() {
  const { content, members } = generate(rows);
  const result: Record<string, unknown> = { bench: 'import', rows, format, bytes: Buffer.byteLength(content), node: process.version };
  const only = arg('db', '');
  for (const kind of testDatabaseKinds()) if (!only || only === kind) result[kind] = await benchOn(kind, content, members);
  result.max_rss_mb = mb(process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'import', error: String(error) }));
  process.exitCode = 1;
});
