/**
 * Vote storm: 700 signed-in members over HTTP GraphQL cast in one burst into a named vote on the real
 * PostgreSQL while 700 graphql-ws subscribers listen to `procedureUpdates`; then the chair closes the vote.
 * Prints the ballots stored (counted in the database), p50/p95/p99 cast latency as the client sees it,
 * the time from sending `closeVote` until the last subscriber has the update with the result, and the CPU
 * time the server process spent per acknowledged ballot during the burst (server_cpu_us_per_cast).
 * The last line of output is one JSON object.
 *
 *   npm run bench:votes [-- [--voters 700] [--subscribers 700] [--in-process] [--public] [--cold] [--secret]]
 *
 *   TEST_DATABASE_URL / DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres);
 *                                      the bench creates its own database and drops it at the end
 *   --in-process   the server runs inside the bench process (default: a separate process, as in production)
 *   --public       subscribers listen to the public `publicSittingUpdates` instead of `procedureUpdates`
 *   --cold         no warm-up request per member before the burst (each cast opens a new connection)
 *   --spread-ms T  instead of one burst, each member presses at a random moment within T ms (members reacting
 *                  within seconds); the JSON line then says "spread_ms"
 *   --db-stats     transactions and rows read by the database per phase (pauses ~1.5 s per phase for the counters to flush)
 *   --profile DIR  the server process writes a CPU profile (node --cpu-prof) into DIR when it stops
 *   --secret       a secret ballot instead: every member takes a blind-signed token (issueBallotToken, one burst),
 *                  then casts without any session (POST /api/secret-ballots, one burst); the JSON line adds tokens
 *                  issued per second and p50/p95/p99 of issue and of cast, and ballots acknowledged beside stored
 *
 * Three processes by default: the server, this one (signs in, casts, closes, counts) and a child that holds
 * the subscribers, so that neither client shares the server's event loop. Bounded: a watchdog ends the run
 * after 120 s (420 s with --secret); every exit path stops the server and the child and drops the database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { startServerProcess, type ServerProcess } from '../test/support/server-process';
import { startTestApp, type TestApp } from '../test/support/app';
import { growParliament } from '../test/support/parliament-of';
import { castVote, graphql, optionFor, pool, prepareVote, procedure, signInAll } from '../test/support/procedure-client';
import { blindToken, castSecretBallot, type BlindedToken } from '../test/support/blind-ballot';

const SITTING = 'sitting-42';
/** The secret ballot adds two phases (and 700 tokens blinded by the members' side): it gets longer. */
const WATCHDOG_MS = process.argv.includes('--secret') ? 420_000 : 120_000;
/** Absolute milliseconds, comparable between processes on this machine (sub-millisecond). */
const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- the subscribers' process

type ToSubscribers =
  | { type: 'start'; baseUrl: string; tokens: string[]; publicView: boolean }
  | { type: 'await-seq'; seq: number }
  | { type: 'await-result'; voteId: string; timeoutMs: number };
type FromSubscribers =
  | { type: 'connected'; ms: number }
  | { type: 'seq-reached'; seq: number; firstAt: number; lastAt: number; updates: number }
  | { type: 'result'; voteId: string; received: number; firstAt: number | null; lastAt: number | null; agreed: boolean; counts: Record<string, number> | null }
  | { type: 'failed'; error: string };

const memberSelection = /* GraphQL */ `
  subscription Updates($sittingId: ID!) {
    procedureUpdates(sittingId: $sittingId) {
      seq
      kinds
      procedure {
        openVote {
          id
          ballotsCast
          eligibleCount
        }
        votes {
          id
          status
          result {
            passed
            reasonCode
            cast
            counts {
              optionId
              count
            }
          }
        }
      }
    }
  }
`;
const publicSelection = /* GraphQL */ `
  subscription Updates($sittingId: ID!) {
    publicSittingUpdates(sittingId: $sittingId) {
      phase
      closedVotes {
        id
        passed
        counts {
          label
          count
        }
      }
    }
  }
`;

interface Seen {
  seq: number;
  seqAt: number;
  results: Map<string, { at: number; counts: Record<string, number> }>;
}

async function subscribersMain(): Promise<void> {
  // With a callback, a send after the parent has gone fails quietly instead of crashing this process.
  const send = (m: FromSubscribers) => {
    if (process.connected) process.send!(m, undefined, undefined, () => {});
  };
  const clients: Client[] = [];
  let seen: Seen[] = [];
  let updates = 0;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const onUpdate = (s: Seen, data: Record<string, unknown>) => {
    const at = clock();
    updates += 1;
    let votes: {
      id: string;
      status?: string;
      result?: { counts: { optionId: string; count: number }[] } | null;
      counts?: { label: string; count: number }[];
    }[];
    if ('procedureUpdates' in data) {
      const u = data.procedureUpdates as { seq: number; procedure: { votes: typeof votes } };
      if (u.seq > s.seq) {
        s.seq = u.seq;
        s.seqAt = at;
      }
      votes = u.procedure.votes.filter((v) => v.status === 'CLOSED' && v.result);
    } else {
      const u = data.publicSittingUpdates as { closedVotes: typeof votes };
      votes = u.closedVotes;
      s.seq += 1;
      s.seqAt = at;
    }
    for (const v of votes) {
      if (s.results.has(v.id)) continue;
      const counts = v.result
        ? Object.fromEntries(v.result.counts.map((c) => [c.optionId, c.count]))
        : Object.fromEntries(v.counts!.map((c) => [c.label.toLowerCase(), c.count]));
      s.results.set(v.id, { at, counts });
    }
    notify();
  };

  const until = (done: () => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => (waiters.delete(check), reject(new Error('timed out'))), timeoutMs);
      waiters.add(check);
    });

  process.on('message', (raw) => {
    const m = raw as ToSubscribers;
    void (async () => {
      try {
        if (m.type === 'start') {
          const started = clock();
          const url = m.baseUrl.replace(/^http/, 'ws') + '/graphql';
          seen = m.tokens.map(() => ({ seq: 0, seqAt: 0, results: new Map() }));
          await pool(m.tokens, 50, async (token, i) => {
            const client = createClient({
              url,
              webSocketImpl: WebSocket,
              connectionParams: { authorization: `Bearer ${token}` },
              lazy: false,
              retryAttempts: 0,
              onNonLazyError: () => {},
            });
            clients.push(client);
            await new Promise<void>((resolve, reject) => {
              const offC = client.on('connected', () => (offC(), offE(), resolve()));
              const offE = client.on('error', (e) => (offC(), offE(), reject(new Error(`subscriber ${i}: ${String(e)}`))));
            });
            client.subscribe<Record<string, unknown>>(
              { query: m.publicView ? publicSelection : memberSelection, variables: { sittingId: SITTING } },
              {
                next: (v) => v.data && onUpdate(seen[i]!, v.data),
                error: (e) => send({ type: 'failed', error: `subscriber ${i}: ${JSON.stringify(e)}` }),
                complete: () => {},
              },
            );
          });
          send({ type: 'connected', ms: clock() - started });
        } else if (m.type === 'await-seq') {
          await until(() => seen.every((s) => s.seq >= m.seq), 60_000);
          const at = seen.map((s) => s.seqAt);
          send({ type: 'seq-reached', seq: m.seq, firstAt: Math.min(...at), lastAt: Math.max(...at), updates });
        } else if (m.type === 'await-result') {
          await until(() => seen.every((s) => s.results.has(m.voteId)), m.timeoutMs).catch(() => undefined);
          const got = seen.map((s) => s.results.get(m.voteId)).filter((r) => r !== undefined);
          const first = got[0]?.counts ?? null;
          send({
            type: 'result',
            voteId: m.voteId,
            received: got.length,
            firstAt: got.length ? Math.min(...got.map((r) => r.at)) : null,
            lastAt: got.length ? Math.max(...got.map((r) => r.at)) : null,
            agreed: got.every((r) => JSON.stringify(r.counts) === JSON.stringify(first)),
            counts: first,
          });
        }
      } catch (error) {
        send({ type: 'failed', error: String(error) });
      }
    })();
  });
  process.on('disconnect', () => {
    for (const c of clients) void c.dispose();
    process.exit(0);
  });
}

// ---------------------------------------------------------------- the bench

interface Flags {
  voters: number;
  subscribers: number;
  inProcess: boolean;
  publicView: boolean;
  cold: boolean;
  /** 0: all at once (the burst); otherwise each member presses at a random moment within this many ms. */
  spreadMs: number;
  /** Write a CPU profile of the server process into this folder (node --cpu-prof). */
  profileDir: string | null;
  /** Count the database's transactions and rows read per phase (pg_stat_database; adds pauses for the statistics to flush). */
  dbStats: boolean;
  /** A secret ballot: tokens first, then anonymous ballots. */
  secret: boolean;
}

function parseFlags(argv: string[]): Flags {
  const f: Flags = {
    voters: 700,
    subscribers: 700,
    inProcess: false,
    publicView: false,
    cold: false,
    spreadMs: 0,
    profileDir: null,
    dbStats: false,
    secret: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--voters') f.voters = Number(argv[++i]);
    else if (a === '--subscribers') f.subscribers = Number(argv[++i]);
    else if (a === '--in-process') f.inProcess = true;
    else if (a === '--public') f.publicView = true;
    else if (a === '--cold') f.cold = true;
    else if (a === '--spread-ms') f.spreadMs = Number(argv[++i]);
    else if (a === '--db-stats') f.dbStats = true;
    else if (a === '--secret') f.secret = true;
    else if (a === '--profile') f.profileDir = path.resolve(argv[++i] ?? 'bench-profile');
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(f.voters >= 48 && f.subscribers >= 0 && f.subscribers <= f.voters)) throw new Error('need 48 ≤ voters, 0 ≤ subscribers ≤ voters');
  return f;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round = (x: number) => Math.round(x * 10) / 10;

class Subscribers {
  private readonly pending: ((m: FromSubscribers) => boolean)[] = [];
  private constructor(readonly child: ChildProcess) {
    child.on('message', (raw) => {
      const m = raw as FromSubscribers;
      if (m.type === 'failed') console.error(`subscribers | ${m.error}`);
      const i = this.pending.findIndex((accept) => accept(m));
      if (i >= 0) this.pending.splice(i, 1);
    });
  }
  static spawn(): Subscribers {
    return new Subscribers(
      fork(import.meta.filename, ['--subscribers-process'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }
  request<T extends FromSubscribers['type']>(m: ToSubscribers, answer: T, timeoutMs = 70_000): Promise<Extract<FromSubscribers, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscribers: no ${answer} within ${timeoutMs} ms`)), timeoutMs);
      this.pending.push((r) => {
        if (r.type === 'failed' && answer !== 'result') {
          clearTimeout(timer);
          reject(new Error(r.error));
          return true;
        }
        if (r.type !== answer) return false;
        clearTimeout(timer);
        resolve(r as Extract<FromSubscribers, { type: T }>);
        return true;
      });
      this.child.send(m);
    });
  }
  /** Lets the child close its sockets and exit; SIGKILL after 2 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** CPU time (user + system, ms) of processes by pid, from /proc (Linux); 0 for a pid that is gone. */
async function cpuMs(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * 10; // USER_HZ = 100
}

/** The database's own counters for one database: transactions committed and rows returned/fetched. */
async function dbCounters(db: TestDatabase): Promise<{ xacts: number; rows: number }> {
  await new Promise((r) => setTimeout(r, 1500)); // backends flush their statistics at most once a second when idle
  const r = await sql<{
    x: string;
    r: string;
  }>`select xact_commit as x, tup_returned + tup_fetched as r from pg_stat_database where datname = current_database()`.execute(db.db);
  return { xacts: Number(r.rows[0]!.x), rows: Number(r.rows[0]!.r) };
}

async function bench(flags: Flags): Promise<Record<string, unknown>> {
  const admin = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_DATABASE_URL = admin; // createTestDatabase reads it
  const cleanup: (() => Promise<void>)[] = [];
  // One cleanup, however many callers (the run's end, the watchdog, a signal): each waits for it to finish.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const undo of cleanup.reverse()) await undo().catch((e: unknown) => console.error(`cleanup | ${String(e)}`));
    })());
  const result: Record<string, unknown> = {
    bench: flags.secret ? 'votes-secret' : 'votes',
    voters: flags.voters,
    ballots_stored: null,
    p50_ms: null,
    p95_ms: null,
    p99_ms: null,
    close_to_last_subscriber_ms: null,
  };
  const watchdog = setTimeout(() => {
    console.error(`watchdog | not done after ${WATCHDOG_MS / 1000} s: stopping`);
    void cleanUp().finally(() => {
      console.log(JSON.stringify({ ...result, error: 'timeout' }));
      process.exit(1);
    });
  }, WATCHDOG_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    const log = (s: string) => console.log(s);
    const t0 = clock();
    const since = () => `${((clock() - t0) / 1000).toFixed(1)} s`;

    // The database and the server.
    let db: TestDatabase;
    let baseUrl: string;
    let serverPid: number | undefined;
    if (flags.inProcess) {
      const app: TestApp = await startTestApp({ database: 'postgres' });
      cleanup.push(() => app.stop());
      db = app.app.database;
      baseUrl = app.baseUrl;
    } else {
      db = await createTestDatabase('postgres');
      cleanup.push(() => db.close());
    }
    const parliament = await growParliament(db.db, flags.voters);
    if (!flags.inProcess) {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-votes-'));
      cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
      const nodeArgs = flags.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${flags.profileDir}`] : [];
      const server: ServerProcess = await startServerProcess({ databaseUrl: db.url!, dataDir, nodeArgs });
      cleanup.push(() => server.stop());
      baseUrl = server.baseUrl;
      serverPid = server.pid;
    }
    log(`${since()} | server ${flags.inProcess ? 'in this process' : 'in its own process'} at ${baseUrl!}, ${parliament.voters.length} voting members`);

    // Everyone signs in (bearer tokens), the chair opens the sitting, everyone joins.
    const usernames = parliament.voters.map((p) => p.username);
    const headers = await signInAll(baseUrl!, usernames, 'bearer', 32);
    const chair = headers.get(parliament.chair.username)!;
    log(`${since()} | ${headers.size} members signed in`);
    await procedure(baseUrl!, chair, SITTING, 'openSitting');
    await pool(usernames, 64, (u) => procedure(baseUrl!, headers.get(u)!, SITTING, 'joinSitting'));

    // The listeners.
    const subscribers = Subscribers.spawn();
    cleanup.push(() => subscribers.stop());
    const tokens = usernames.slice(0, flags.subscribers).map((u) => headers.get(u)!.authorization!.slice('Bearer '.length));
    const connected = await subscribers.request({ type: 'start', baseUrl: baseUrl!, tokens, publicView: flags.publicView }, 'connected');
    // One commit that everyone must see: proves every subscription is live before the vote.
    const agenda = await graphql<{ sitting: { agenda: { id: string }[] } }>(baseUrl!, chair, `{ sitting(id: "${SITTING}") { agenda { id } } }`);
    const warmSent = clock();
    const called = await procedure<{ seq: number }>(baseUrl!, chair, SITTING, 'callAgendaItem', `agendaItemId: "${agenda.sitting.agenda[1]!.id}"`);
    const warm = await subscribers.request({ type: 'await-seq', seq: flags.publicView ? 1 : called.seq }, 'seq-reached');
    log(
      `${since()} | ${tokens.length} subscribers connected in ${connected.ms.toFixed(0)} ms; one update reached all of them ${(warm.lastAt - warmSent).toFixed(0)} ms after the mutation was sent`,
    );

    // The vote.
    const voteId = await prepareVote(baseUrl!, chair, SITTING, {
      title: 'Budget Act 2027, final vote',
      kind: flags.secret ? 'SECRET' : 'NAMED',
      majority: 'SIMPLE',
    });
    const opened = await procedure<{ seq: number; openVote: { eligibleCount: number } }>(
      baseUrl!,
      chair,
      SITTING,
      'openVote',
      `draftId: "${voteId}"`,
      'seq openVote { eligibleCount }',
    );
    if (opened.openVote.eligibleCount !== flags.voters) throw new Error(`${opened.openVote.eligibleCount} eligible, expected ${flags.voters}`);
    if (!flags.publicView) await subscribers.request({ type: 'await-seq', seq: opened.seq }, 'seq-reached');

    // Warm connections: one cheap request per member right before the burst (a browser that is in use has them).
    if (!flags.cold) await Promise.all(usernames.map((u) => graphql(baseUrl!, headers.get(u)!, '{ me { username } }')));

    const statsBefore = flags.dbStats ? await dbCounters(db) : null;
    // Who burns the two cores during the burst: the server, this client, the subscribers, PostgreSQL's backends.
    const pgPids = (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db.db)).rows.map((r) => r.pid);
    const roles = {
      server: serverPid ? [serverPid] : [],
      client: [process.pid],
      subscribers: subscribers.child.pid ? [subscribers.child.pid] : [],
      postgres: pgPids,
    };
    const cpuNow = async () => Object.fromEntries(await Promise.all(Object.entries(roles).map(async ([k, pids]) => [k, await cpuMs(pids)] as const)));
    let cpuBefore = await cpuNow();
    // The burst.
    log(`${since()} | vote open, ${flags.voters} eligible; ${flags.spreadMs ? `the members press within ${flags.spreadMs} ms` : 'the burst'}`);
    if (flags.spreadMs) result.spread_ms = flags.spreadMs;
    const latencies: number[] = [];
    const failures: string[] = [];
    let burstStart = clock();
    if (flags.secret) {
      // The members' browsers: a blinded token each, made before the vote's burst (not timed).
      const key = await graphql<{ sitting: { procedure: { openVote: { secretBallot: { publicKey: string } } } } }>(
        baseUrl!,
        chair,
        `{ sitting(id: "${SITTING}") { procedure { openVote { secretBallot { publicKey } } } } }`,
      );
      const publicKey = key.sitting.procedure.openVote.secretBallot.publicKey;
      const blinded: BlindedToken[] = await pool(usernames, 8, () => blindToken(publicKey));
      log(`${since()} | ${blinded.length} tokens blinded by the members' side; the burst of issueBallotToken`);
      const issueLatencies: number[] = [];
      const signatures: (string | null)[] = usernames.map(() => null);
      const issueStart = clock();
      await Promise.all(
        usernames.map(async (u, i) => {
          const t = clock();
          try {
            const r = await graphql<{ r: { __typename: string; rule?: string; message?: string; data?: { blindSignature: string } } }>(
              baseUrl!,
              headers.get(u)!,
              `
                mutation ($v: ID!, $m: String!) {
                  r: issueBallotToken(voteId: $v, blindedMessage: $m) {
                    __typename
                    ... on Error {
                      message
                    }
                    ... on RuleViolation {
                      rule
                    }
                    ... on MutationIssueBallotTokenSuccess {
                      data {
                        blindSignature
                      }
                    }
                  }
                }
              `,
              { v: voteId, m: blinded[i]!.blindedMessage },
            );
            if (r.r.data) {
              issueLatencies.push(clock() - t);
              signatures[i] = r.r.data.blindSignature;
            } else failures.push(`${u}: token ${r.r.__typename} ${r.r.rule ?? ''} ${r.r.message ?? ''}`);
          } catch (error) {
            failures.push(`${u}: token ${String((error as { cause?: unknown }).cause ?? error)}`);
          }
        }),
      );
      const issueMs = clock() - issueStart;
      issueLatencies.sort((a, b) => a - b);
      const issued = {
        tokens_issued: issueLatencies.length,
        tokens_per_s: round((issueLatencies.length / issueMs) * 1000),
        issue_p50_ms: round(percentile(issueLatencies, 50)),
        issue_p95_ms: round(percentile(issueLatencies, 95)),
        issue_p99_ms: round(percentile(issueLatencies, 99)),
      };
      Object.assign(result, issued);
      log(
        `${since()} | ${issued.tokens_issued} tokens issued in ${issueMs.toFixed(0)} ms (${issued.tokens_per_s}/s); p50 ${issued.issue_p50_ms} ms, p95 ${issued.issue_p95_ms} ms, p99 ${issued.issue_p99_ms} ms`,
      );
      const ballots = await pool(usernames, 8, async (_u, i) => {
        const signature = signatures[i];
        return signature ? blinded[i]!.finalize(signature) : null;
      });
      // The burst of anonymous ballots: no cookie, no bearer (the random delay of the browser left out: this is the worst case).
      log(`${since()} | the burst of anonymous ballots`);
      cpuBefore = await cpuNow(); // the ballots' burst alone, not the tokens'
      burstStart = clock();
      await Promise.all(
        usernames.map(async (u, i) => {
          const b = ballots[i];
          if (!b) return;
          const t = clock();
          try {
            const r = await castSecretBallot(baseUrl!, { voteId, ...b, optionId: optionFor(i) });
            if (r.status === 201) latencies.push(clock() - t);
            else failures.push(`${u}: ballot ${r.status} ${r.body.errors?.[0]?.extensions?.code ?? ''}`);
          } catch (error) {
            failures.push(`${u}: ballot ${String((error as { cause?: unknown }).cause ?? error)}`);
          }
        }),
      );
    } else {
      await Promise.all(
        usernames.map(async (u, i) => {
          if (flags.spreadMs) await new Promise((r) => setTimeout(r, Math.random() * flags.spreadMs));
          const t = clock();
          try {
            const r = await castVote(baseUrl!, headers.get(u)!, SITTING, voteId, optionFor(i));
            if (r.ok) latencies.push(clock() - t);
            else failures.push(`${u}: ${r.typename} ${r.rule ?? r.code ?? ''} ${r.message ?? ''}`);
          } catch (error) {
            failures.push(`${u}: ${String((error as { cause?: unknown }).cause ?? error)}`);
          }
        }),
      );
    }
    const burstMs = clock() - burstStart;
    const cpuAfter = await cpuNow();
    if (flags.profileDir) {
      // CLOCK_MONOTONIC in µs, the clock of the server's .cpuprofile timestamps: the window to look at.
      const nowUs = Number(process.hrtime.bigint() / 1000n);
      log(`profile window (monotonic µs): ${Math.round(nowUs - burstMs * 1000)} ${nowUs}`);
    }
    latencies.sort((a, b) => a - b);
    const count = await db.db
      .selectFrom(flags.secret ? 'secret_ballots' : 'ballots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('vote_id', '=', voteId)
      .executeTakeFirstOrThrow();
    const stored = Number(count.n);
    if (flags.secret) Object.assign(result, { ballots_acknowledged: latencies.length });
    const p50 = round(percentile(latencies, 50));
    const p95 = round(percentile(latencies, 95));
    const p99 = round(percentile(latencies, 99));
    Object.assign(result, { ballots_stored: stored, p50_ms: p50, p95_ms: p95, p99_ms: p99 });
    if (flags.secret) Object.assign(result, { cast_p50_ms: p50, cast_p95_ms: p95, cast_p99_ms: p99 });
    log(
      `${since()} | burst: ${latencies.length} acknowledged, ${failures.length} failed, in ${burstMs.toFixed(0)} ms (${((latencies.length / burstMs) * 1000).toFixed(0)}/s); ` +
        `latency p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${round(latencies.at(-1) ?? NaN)} ms; ballots stored: ${stored}`,
    );
    for (const f of failures.slice(0, 5)) log(`  failed: ${f}`);
    log(
      `cpu | during the ${burstMs.toFixed(0)} ms: ${Object.keys(roles)
        .map((k) => `${k} ${cpuAfter[k]! - cpuBefore[k]!} ms`)
        .join(', ')} (10 ms ticks; ${flags.inProcess ? 'the server is the client process' : 'PostgreSQL: the backends of this database'})`,
    );
    // The server's CPU per acknowledged ballot during the burst (its process alone: PostgreSQL's backends come and go).
    if (serverPid && latencies.length > 0) {
      result.server_cpu_us_per_cast = round(((cpuAfter.server! - cpuBefore.server!) * 1000) / latencies.length);
    }
    const statsBurst = flags.dbStats ? await dbCounters(db) : null;
    if (statsBefore && statsBurst)
      log(
        `db | the burst: ${statsBurst.xacts - statsBefore.xacts} transactions (statements outside a transaction count one each), ${statsBurst.rows - statsBefore.rows} rows read (the counting itself included)`,
      );

    // Let the listeners catch up with the burst, so that the close is timed from a settled state.
    const head = await db.db
      .selectFrom('record_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('sitting_id', '=', SITTING)
      .executeTakeFirstOrThrow();
    if (!flags.publicView && tokens.length > 0) {
      const settled = await subscribers.request({ type: 'await-seq', seq: Number(head.seq) }, 'seq-reached');
      log(
        `${since()} | every subscriber has seen seq ${head.seq} ${(settled.lastAt - burstStart - burstMs).toFixed(0)} ms after the last acknowledgement (${settled.updates} updates delivered so far)`,
      );
    }

    // The close, and the result reaching every subscriber.
    const closeSentUs = Number(process.hrtime.bigint() / 1000n);
    const closeSent = clock();
    const resultAwaited = subscribers.request({ type: 'await-result', voteId, timeoutMs: 30_000 }, 'result', 35_000);
    const closed = await procedure<{ seq: number }>(baseUrl!, chair, SITTING, 'closeVote', `voteId: "${voteId}"`);
    const closeAnswered = clock() - closeSent;
    const reached = await resultAwaited;
    if (statsBurst) {
      const statsClose = await dbCounters(db);
      log(`db | the close and its fan-out: ${statsClose.xacts - statsBurst.xacts} transactions, ${statsClose.rows - statsBurst.rows} rows read`);
    }
    if (reached.received === tokens.length && reached.lastAt !== null) result.close_to_last_subscriber_ms = round(reached.lastAt - closeSent);
    if (flags.profileDir && reached.lastAt !== null)
      log(`profile window of the close (monotonic µs): ${closeSentUs} ${Math.round(closeSentUs + (reached.lastAt - closeSent) * 1000)}`);
    const expected = { yes: 0, no: 0, abstain: 0 } as Record<string, number>;
    usernames.forEach((_, i) => (expected[optionFor(i)]! += 1));
    if (tokens.length > 0 && (!reached.agreed || JSON.stringify(reached.counts) !== JSON.stringify(expected))) {
      result.error = `the published result ${JSON.stringify(reached.counts)} is not the ballots cast ${JSON.stringify(expected)}`;
    }
    log(
      `${since()} | closeVote (seq ${closed.seq}) answered in ${closeAnswered.toFixed(0)} ms; the result reached ${reached.received}/${tokens.length} subscribers, ` +
        `the first after ${reached.firstAt === null ? '–' : (reached.firstAt - closeSent).toFixed(0)} ms, the last after ${reached.lastAt === null ? '–' : (reached.lastAt - closeSent).toFixed(0)} ms; ` +
        `all the same: ${reached.agreed}; counts ${JSON.stringify(reached.counts)} (cast: ${JSON.stringify(expected)})`,
    );
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    result.error = String(error instanceof Error ? error.message : error);
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
  }
  return result;
}

if (process.argv.includes('--subscribers-process')) {
  await subscribersMain();
} else {
  const result = await bench(parseFlags(process.argv.slice(2)));
  // The last line: one JSON object.
  console.log(JSON.stringify(result));
  const acknowledged = result.ballots_acknowledged;
  process.exit(
    result.error === undefined && result.ballots_stored === result.voters && (acknowledged === undefined || acknowledged === result.ballots_stored) ? 0 : 1,
  );
}
