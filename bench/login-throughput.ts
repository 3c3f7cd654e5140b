/**
 * How fast the development provider signs people in: N distinct members through the whole browser
 * flow (loginSession) and through the API client (fetchAccessToken), C at a time.
 *
 *   npx tsx bench/login-throughput.ts [N=700] [C=16]
 *       in-process: starts auth on PGlite, adds N members to the database, then signs them in
 *   npx tsx bench/login-throughput.ts serve [N=700]
 *       only the server (prints its URL and waits); then, in another shell, to use both cores:
 *   BASE_URL=http://127.0.0.1:<port> npx tsx bench/login-throughput.ts [N] [C]
 */
import { fetchAccessToken, loginSession } from '../test/support/oidc-login';
import { insertPerson } from '../server/db/people';
import { startAuthTestServer } from '../test/support/auth-server';

const args = process.argv.slice(2);
const serveOnly = args[0] === 'serve';
if (serveOnly) args.shift();
const n = Number(args[0] ?? 700);
const concurrency = Number(args[1] ?? 16);
const username = (i: number) => `bench.${String(i + 1).padStart(4, '0')}`;

async function run(label: string, task: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await task(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(0);
  console.log(
    `${label}: ${n} in ${total.toFixed(1)} s = ${(n / total).toFixed(0)}/s at concurrency ${concurrency}; latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
  );
}

let baseUrl = process.env.BASE_URL;
let close: (() => Promise<void>) | undefined;
if (!baseUrl) {
  const server = await startAuthTestServer();
  await server.database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i++) {
      await insertPerson(tx, {
        username: username(i),
        givenName: 'Bench',
        familyName: `Member ${i + 1}`,
        title: null,
        email: null,
        factionId: null,
        office: null,
        roles: ['member'],
        votingRights: false,
        boothId: null,
      });
    }
  });
  baseUrl = server.baseUrl;
  close = () => server.close();
}

if (serveOnly) {
  console.log(`serving ${baseUrl} with ${n} bench members; Ctrl-C to stop`);
} else {
  await run('browser sign-ins (loginSession)', (i) => loginSession(baseUrl, username(i)));
  await run('API tokens (fetchAccessToken)', (i) => fetchAccessToken(baseUrl, username(i)));
  await close?.();
}
