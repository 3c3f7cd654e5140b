/**
 * The release as a parliament runs it: `npm run package`, the tarball unpacked into a temporary
 * folder and started with NODE_ENV=production (its own bin/plenum: node on the compiled server, no
 * tsx, no TypeScript) against a fresh PostgreSQL database and an external OpenID issuer in its own
 * process (test/support/external-issuer, Keycloak-shaped tokens, known only by discovery). A
 * member signs in through that issuer and casts a ballot in an open named vote. With a coturn the
 * test starts and TURN_FORCE_RELAY, a listener in Chromium hears the floor's speaker through the
 * relay only. Prints the package size, the time from spawning the server to /readyz answering 200
 * and the time from the floor grant to the listener's first audio bytes.
 *
 * This is what stands in for the container stack (Dockerfile, compose.yaml), which cannot be started
 * here: the Dockerfile builds this same tarball with the same script and only unpacks it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { freePort } from '../support/app';
import { enterChamber, expectRelayedOnly, hearsFloorSpeaker, seatWithCookie, type Seat } from '../support/chamber-seat';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { startCoturn, type Coturn } from '../support/coturn';
import { signInThroughIssuer, startExternalIssuer, type ExternalIssuer } from '../support/external-issuer';
import { castVote, graphql, prepareVote, procedure } from '../support/procedure-client';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const SITTING = 'sitting-42';
const READY_TIMEOUT_MS = 120_000;

/** An empty database (no schema): the release must migrate it itself. */
async function createEmptyDatabase(admin: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plenum_package_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

describe.skipIf(!adminUrl)('the packaged release in production (needs TEST_DATABASE_URL)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  let baseUrl = '';
  let databaseUrl = '';
  let server: ChildProcess | undefined;
  let output = '';
  let readyMs = 0;
  let coturn: Coturn | undefined;
  // coturn's static-auth-secret and the release's TURN_SECRET (at least 32 characters).
  const turnSecret = randomBytes(32).toString('base64url');

  // Packaging rebuilds the client when dist/client is stale (a run of this file alone): minutes on two cores.
  beforeAll(async () => {
    // The same script as `npm run package` (and the Dockerfile); `npm test` has just built the client.
    const packaged = spawnSync(process.execPath, ['scripts/package.mjs', '--reuse-client'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (packaged.status !== 0) throw new Error(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);
    const line = packaged.stdout.split('\n').find((l) => l.startsWith('package | dist/'));
    console.log(line);
    const tarball = path.join(repoRoot, /^package \| (\S+):/.exec(line ?? '')![1]!);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-release-'));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', dir]);
    if (untar.status !== 0) throw new Error(`tar -xzf failed: ${untar.stderr.toString()}`);
    const release = path.join(dir, fs.readdirSync(dir)[0]!);

    const database = await createEmptyDatabase(adminUrl!);
    databaseUrl = database.url;
    cleanup.push(() => database.drop());

    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const clientSecret = randomBytes(24).toString('base64url');
    const issuer: ExternalIssuer = await startExternalIssuer({ clientId: 'plenum', clientSecret, redirectUri: `${baseUrl}/auth/callback`, audience: 'plenum' });
    cleanup.push(() => issuer.stop());

    // TURN (issue 11, item 4): the release hands each join credentials for this coturn, and relay only.
    const relay = await startCoturn({ secret: turnSecret });
    coturn = relay;
    cleanup.push(() => relay.stop());
    const env: Record<string, string> = {
      // Only what a service manager would give it: node on PATH, nothing of this repository's tooling.
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: dir,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      // Plain http on loopback stands for TLS ended at a reverse proxy in front, as in production.
      TRUST_PROXY: 'true',
      DATABASE_URL: database.url,
      DATA_DIR: path.join(dir, 'data'),
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      OIDC_ISSUER: issuer.issuer,
      OIDC_CLIENT_ID: 'plenum',
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_AUDIENCE: 'plenum',
      // The demo parliament, asked for: a production database otherwise starts empty.
      PLENUM_DEMO: '1',
      // One worker proves the packaged mediasoup binary runs (readiness checks it); no broadcast, so
      // no program FFmpeg competes for this machine's two cores with the rest of the suite.
      MEDIA_WORKERS: '1',
      BROADCAST: 'off',
      // A range of its own, apart from the relay test's (46000–46999), should both run at once.
      RTC_MIN_PORT: '47000',
      RTC_MAX_PORT: '47999',
      TURN_URLS: relay.url,
      TURN_SECRET: turnSecret,
      TURN_TTL_S: '600',
      TURN_FORCE_RELAY: 'true',
      LOG_LEVEL: 'info',
    };
    const spawned = performance.now();
    server = spawn(path.join(release, 'bin/plenum'), [], { cwd: release, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const child = server;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    cleanup.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    });

    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the release exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
      if (performance.now() - spawned > READY_TIMEOUT_MS) throw new Error(`not ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
      const ready = await fetch(`${baseUrl}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    readyMs = performance.now() - spawned;
    console.log(`package | production start-up to ready: ${Math.round(readyMs)} ms (spawn of bin/plenum → /readyz 200, empty PostgreSQL database migrated)`);
  }, 600_000);

  afterAll(async () => {
    for (const undo of cleanup.reverse()) await undo().catch((error: unknown) => console.error(error));
  });

  it('runs the compiled server from the package, in production, with the external issuer', async () => {
    const cmdline = fs.readFileSync(`/proc/${server!.pid}/cmdline`, 'utf8').split('\0');
    // bin/plenum execs node: this very process is node on the bundle, not tsx on sources.
    expect(path.basename(cmdline[0]!)).toBe('node');
    expect(cmdline.at(-2)).toMatch(/\/dist\/server\/main\.js$/);
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as { checks: { database: { kind: string }; media: { alive: number } } };
    expect(health.checks.database.kind).toBe('postgres');
    expect(health.checks.media.alive).toBe(1);
    // The built-in development provider is not there in production.
    const dev = await fetch(`${baseUrl}/oidc/.well-known/openid-configuration`);
    expect(dev.headers.get('content-type') ?? '').not.toContain('application/json');
  });

  it('signs a member in through the external issuer; the member casts a ballot in an open named vote', async () => {
    const chair = { cookie: await signInThroughIssuer(baseUrl, 'a.keller') };
    const member = { cookie: await signInThroughIssuer(baseUrl, 'j.brandt') };
    // Roles from Keycloak's places: `chair` as a client role, `member` as a realm role.
    const me = await graphql<{ me: { username: string; roles: string[]; person: { id: string } | null } }>(
      baseUrl,
      chair,
      '{ me { username roles person { id } } }',
    );
    expect(me.me).toMatchObject({ username: 'a.keller', roles: expect.arrayContaining(['CHAIR', 'MEMBER']) });
    expect(me.me.person).not.toBeNull();
    const voter = await graphql<{ me: { roles: string[]; person: { id: string } | null } }>(baseUrl, member, '{ me { roles person { id } } }');
    expect(voter.me.roles).toEqual(['MEMBER']);

    await procedure(baseUrl, chair, SITTING, 'openSitting');
    await procedure(baseUrl, member, SITTING, 'joinSitting');
    const voteId = await prepareVote(baseUrl, chair, SITTING, { title: 'Release check', kind: 'NAMED', majority: 'SIMPLE' });
    await procedure(baseUrl, chair, SITTING, 'openVote', `draftId: "${voteId}"`);
    const cast = await castVote(baseUrl, member, SITTING, voteId, 'yes');
    expect(cast).toMatchObject({ ok: true, receipt: { voteId, optionId: 'yes', pseudonym: null } });

    // Stored: the ballot row is in the release's database, under the member's person.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const rows = await client.query('select count(*)::int as n from ballots');
      expect(rows.rows[0]).toEqual({ n: 1 });
    } finally {
      await client.end();
    }
    // A second ballot by the same member is refused: the first one counts.
    expect(await castVote(baseUrl, member, SITTING, voteId, 'no')).toMatchObject({ ok: false });
  });

  /** A Chromium context signed in through the external issuer: the session cookie on the release's origin. */
  async function seatThroughIssuer(browser: Browser, username: string): Promise<Seat & { readonly cookie: string }> {
    const cookie = await signInThroughIssuer(baseUrl, username);
    return { ...(await seatWithCookie(browser, baseUrl, username, cookie)), cookie };
  }

  it('carries the floor to a listener through coturn, both browsers on relay candidates only', { timeout: 180_000 }, async () => {
    // A failure here has been rare and not reproduced: keep what the release logged beside it.
    onTestFailed(() => console.log(`package | the release's last log lines:\n${output.slice(-8_000)}`));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ media: true }) });
    cleanup.push(() => browser.close());
    const chair = { cookie: await signInThroughIssuer(baseUrl, 'a.keller') };
    // The sitting is open (the vote above); Brandt has joined it already, Vogel joins from the page.
    const [brandt, vogel] = await Promise.all([seatThroughIssuer(browser, 'j.brandt'), seatThroughIssuer(browser, 'l.vogel')]);
    await Promise.all([enterChamber(baseUrl, brandt, SITTING), enterChamber(baseUrl, vogel, SITTING)]);
    await brandt.page.locator('[data-testid="microphone-state"][data-held="no_floor"]').waitFor();

    const brandtId = (await graphql<{ me: { person: { id: string } | null } }>(baseUrl, { cookie: brandt.cookie }, '{ me { person { id } } }')).me.person?.id;
    expect(brandtId).toBeTruthy();
    const granted = Date.now();
    await procedure(baseUrl, chair, SITTING, 'grantFloor', `personId: "${brandtId}"`);
    await brandt.page.locator('[data-testid="microphone-state"][data-live="true"]').waitFor();

    const { speakerPeerId, firstAudioMs: firstAudio } = await hearsFloorSpeaker(vogel, 'Jonas Brandt', granted);
    expect(speakerPeerId).toBe(brandtId);
    console.log(`package | relay: grantFloor sent → the listener's first audio bytes through TURN: ${firstAudio} ms (polled every 50 ms)`);

    // Every connected transport of both pages has a relay candidate as its selected local candidate…
    const { brandt: brandtUsername, vogel: vogelUsername } = await expectRelayedOnly({ brandt, vogel });
    expect(brandtUsername).toMatch(new RegExp(`^\\d+:${brandtId}$`));
    expect(vogelUsername).not.toBe(brandtUsername);
    // …and coturn allocated relays under the usernames the release minted, and relayed to mediasoup.
    const allocated = coturn!.allocations();
    expect(allocated).toContain(brandtUsername);
    expect(allocated).toContain(vogelUsername);
    expect(coturn!.log()).toMatch(/CREATE_PERMISSION processed, success|CHANNEL_BIND processed, success/);

    expect([...brandt.problems, ...vogel.problems]).toEqual([]);
  });

  it('started within the time a supervisor would wait', () => {
    expect(readyMs).toBeGreaterThan(0);
    expect(readyMs).toBeLessThan(READY_TIMEOUT_MS);
  });
});
