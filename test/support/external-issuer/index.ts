/**
 * Starts the stand-alone issuer of ./main.ts as its own process and signs people in to a Plenum
 * that uses it, as a browser would: Plenum's /auth/login → the issuer's form → /auth/callback, each
 * origin with its own cookies.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { browse, CookieJar } from '../oidc-login';

export interface ExternalIssuer {
  /** The issuer URL, for OIDC_ISSUER. */
  readonly issuer: string;
  readonly pid: number;
  output(): string;
  stop(): Promise<void>;
}

export interface ExternalIssuerOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Plenum's `<PUBLIC_URL>/auth/callback`. */
  readonly redirectUri: string;
  readonly audience: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export async function startExternalIssuer(opts: ExternalIssuerOptions, readyTimeoutMs = 30_000): Promise<ExternalIssuer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ISSUER_PORT: '0',
      CLIENT_ID: opts.clientId,
      CLIENT_SECRET: opts.clientSecret,
      REDIRECT_URI: opts.redirectUri,
      AUDIENCE: opts.audience,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the external issuer did not start within ${readyTimeoutMs} ms:\n${log}`)), readyTimeoutMs);
    void exited.then(() => reject(new Error(`the external issuer exited:\n${log}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const parsed: unknown = JSON.parse(line);
      const url = parsed !== null && typeof parsed === 'object' && 'issuer' in parsed ? parsed.issuer : undefined;
      if (typeof url === 'string') resolve(url);
      else reject(new Error(`unexpected first line from the external issuer: ${line}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { issuer, pid: child.pid!, output: () => log, stop };
}

/** Signs `username` in to the Plenum at `baseUrl` through its external issuer; returns the Cookie header for Plenum. */
export async function signInThroughIssuer(baseUrl: string, username: string, password = 'plenum'): Promise<string> {
  const plenum = new CookieJar();
  const idp = new CookieJar();
  const toIssuer = (await browse(plenum, new URL('/auth/login', baseUrl))).next;
  if (!toIssuer || toIssuer.origin === new URL(baseUrl).origin) throw new Error('/auth/login did not send the browser to the issuer');
  const form = await browse(idp, toIssuer);
  const action = /<form[^>]*\baction="([^"]+)"/.exec(await form.res.text())?.[1];
  if (form.res.status !== 200 || !action) throw new Error(`expected the issuer's sign-in form at ${form.url.href}, got ${form.res.status}`);
  const posted = await browse(idp, new URL(action, form.url), {
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }).toString() },
  });
  const back = posted.next;
  if (!back || back.origin !== new URL(baseUrl).origin)
    throw new Error(`the issuer did not send ${username} back to Plenum (ended at ${posted.url.href} with ${posted.res.status})`);
  const done = await browse(plenum, back, { stopAt: '/auth/callback' });
  const session = plenum.get('plenum_session');
  if (!session)
    throw new Error(
      `no plenum_session after the callback (${done.res.status}: ${(await done.res.text())
        .replace(/<style[\s\S]*<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 600)})`,
    );
  return `plenum_session=${session}`;
}
