import net from 'node:net';
import { App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { createTestDatabase, type TestDatabaseKind } from './database';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestApp {
  readonly app: App;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** The whole server on a free loopback port, over a fresh seeded test database. */
/** `seed: false`: the database is migrated but empty (whether the app then loads the demo is PLENUM_DEMO's and NODE_ENV's call). */
export async function startTestApp(opts: { database?: TestDatabaseKind; env?: Record<string, string>; seed?: boolean } = {}): Promise<TestApp> {
  // A caller that must know the address first (an issuer's redirect URI) passes PORT and PUBLIC_URL.
  const port = opts.env?.PORT ? Number(opts.env.PORT) : await freePort();
  const baseUrl = opts.env?.PUBLIC_URL ?? `http://localhost:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    NODE_ENV: 'test',
    MEDIA_WORKERS: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATA_DIR: `/tmp/plenum-test-${port}`,
    ...opts.env,
  });
  const database = await createTestDatabase(opts.database ?? 'pglite', { seed: opts.seed ?? true });
  const app = await App.create(config, { log: createLogger(config.logLevel), database });
  await app.start();
  return { app, baseUrl, stop: () => app.stop() };
}

/** POSTs a GraphQL operation; returns the parsed body and status. */
export async function gql<T = unknown>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    // x-plenum-csrf: what the web client sends; cookie-authenticated requests need it (server/http/csrf.ts).
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-plenum-csrf': '1', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}
