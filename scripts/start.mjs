// `npm start`: builds the client when it is missing or older than its sources, then runs the server
// (embedded PGlite, built-in OpenID provider, mediasoup workers) in this one process tree.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientIsFresh } from './client-fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
if (!clientIsFresh(root)) {
  console.log('Building the client (ng build)…');
  const res = spawnSync(bin('ng'), ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const env = { NODE_ENV: 'development', ...process.env };
// In development a server that dies is said so and started again; in production the supervisor
// (systemd, the container runtime) restarts it, and a loop here would hide the crash from it.
const restartOnCrash = env.NODE_ENV === 'development';
/** Deaths within this long of a start count as a crash loop; after a few of those we give up. */
const QUICK_DEATH_MS = 10_000;
const MAX_QUICK_DEATHS = 3;

let server;
let stopping = false;
let quickDeaths = 0;

function run() {
  const startedAt = Date.now();
  server = spawn(bin('tsx'), [path.join(root, 'server/main.ts')], { cwd: root, stdio: 'inherit', env });
  server.on('exit', (code, signal) => {
    if (stopping) return process.exit(code ?? 0);
    // 2: bad configuration, which a restart does not fix.
    if (!restartOnCrash || code === 0 || code === 2) return process.exit(code ?? (signal ? 1 : 0));
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    quickDeaths = Date.now() - startedAt < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    if (quickDeaths >= MAX_QUICK_DEATHS) {
      console.error(`\nnpm start | the Plenum server process died (${how}) ${quickDeaths} times within ${QUICK_DEATH_MS / 1000} s of starting; giving up.`);
      return process.exit(code || 1);
    }
    console.error(`\nnpm start | the Plenum server process died (${how}); restarting it in 1 s. This is a bug: please report it with the log above.`);
    setTimeout(run, 1000);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
run();
