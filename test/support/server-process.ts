/**
 * The whole server as a separate operating-system process (`node --import tsx server/main.ts`), as
 * `npm start` runs it: for tests that kill it (SIGKILL: no clean stop, nothing flushed) and restart it
 * on the same database, and for benchmarks whose client must not share the server's event loop.
 * Node is spawned directly rather than through the tsx CLI, which would run the server in a
 * grandchild that a SIGKILL of the CLI leaves behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './app';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ServerProcessOptions {
  /** PostgreSQL connection string of the server's database. */
  readonly databaseUrl: string;
  /** Port to listen on; a free one by default. Pass the previous one to restart "the same" server. */
  readonly port?: number;
  /** Where the development provider keeps its signing key: the same folder keeps bearer tokens valid across restarts. */
  readonly dataDir: string;
  /** Fixed, so that session cookies outlive a restart. */
  readonly sessionSecret?: string;
  /** More environment (LOG_LEVEL, …). */
  readonly env?: Record<string, string>;
  /** Extra options for node before the script (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  /** How long to wait for /healthz; default 60 s. */
  readonly readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** kill -9: the process ends at once, mid-transaction if it is in one. Resolves once it has exited. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export const defaultSessionSecret = 'plenum-test-session-secret-0123456789abcdef';

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: opts.dataDir,
      NODE_ENV: 'test',
      MEDIA_WORKERS: '0',
      SESSION_SECRET: opts.sessionSecret ?? defaultSessionSecret,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const output = () => lines.join('\n');

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${opts.readyTimeoutMs ?? 60_000} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    baseUrl,
    port,
    pid: child.pid!,
    exited,
    output,
    async kill9() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 5000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
