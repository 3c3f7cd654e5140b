/** Test support: a real Koa app with auth mounted, on a free loopback port, over a test database. */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { loadConfig, type Config } from '../../server/config';
import { createLogger } from '../../server/log';
import { securityHeaders } from '../../server/http/security-headers';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './database';
import { AuthError, createAuth, type Auth } from '../../server/auth';

export interface AuthTestServer {
  readonly baseUrl: string;
  readonly config: Config;
  readonly auth: Auth;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Koa + auth.middleware + GET /whoami, which answers `{ user }` from authenticateRequest or
 * `{ error: code }` with the AuthError's status. `env` overrides configuration (OIDC_ISSUER …);
 * `database` shares an open one (left open on close), else a fresh seeded one of `databaseKind`.
 */
export async function startAuthTestServer(
  opts: { database?: TestDatabase; databaseKind?: TestDatabaseKind; env?: Record<string, string>; dataDir?: string } = {},
): Promise<AuthTestServer> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-auth-')));
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    MEDIA_WORKERS: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const database = opts.database ?? (await createTestDatabase(opts.databaseKind ?? 'pglite'));
  let auth: Auth;
  try {
    auth = await createAuth({ config, db: database.db, log: createLogger(config.logLevel) });
  } catch (err) {
    server.close();
    if (!opts.database) await database.close();
    throw err;
  }

  const app = new Koa();
  app.use(securityHeaders({ https: false }));
  app.use(auth.middleware);
  app.use(async (ctx, next: () => Promise<void>) => {
    if (ctx.path !== '/whoami') return next();
    try {
      ctx.body = { user: await auth.authenticateRequest(ctx.req) };
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      ctx.status = err.status;
      ctx.body = { error: err.code, message: err.message };
    }
  });
  // Koa's handler answers its own errors; its promise never rejects.
  const handle = app.callback();
  server.on('request', (req, res) => void handle(req, res));

  return {
    baseUrl,
    config,
    auth,
    database,
    close: async () => {
      await auth.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!opts.database) await database.close();
      if (!opts.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** GET /whoami with the given headers. */
export async function whoami(baseUrl: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { user?: unknown; error?: string } }> {
  const res = await fetch(`${baseUrl}/whoami`, { headers });
  return { status: res.status, body: (await res.json()) as { user?: unknown; error?: string } };
}
