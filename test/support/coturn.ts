/**
 * coturn (Debian's `turnserver`) as a child process of a test, on a free loopback port, with the
 * TURN REST API shared secret as Plenum's TURN_SECRET and relay ports in a small range. The log
 * goes to stdout and is kept here, so a test can read coturn's own account of its allocations.
 * Nothing of the package's system service is used: the configuration is written to a temp folder.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app';

export interface Coturn {
  /** `turn:127.0.0.1:<port>?transport=udp`, for TURN_URLS. */
  readonly url: string;
  readonly port: number;
  readonly relayPorts: { readonly min: number; readonly max: number };
  /** Everything coturn has logged so far. */
  log(): string;
  /** Usernames coturn allocated a relay for (its "ALLOCATE processed, success" lines). */
  allocations(): string[];
  /**
   * Asks coturn for one allocation with this username and password (coturn's own client,
   * turnutils_uclient, for about two seconds); then read `allocations()` and `log()`.
   */
  tryAllocate(username: string, password: string): Promise<void>;
  /** SIGTERM, then SIGKILL after two seconds; removes the temp folder. */
  stop(): Promise<void>;
}

export function turnserverPath(): string {
  const p = '/usr/bin/turnserver';
  if (!fs.existsSync(p)) throw new Error(`coturn not found at ${p}: apt-get install -y coturn (or bash scripts/system-deps.sh --test)`);
  return p;
}

export async function startCoturn(opts: { readonly secret: string; readonly realm?: string }): Promise<Coturn> {
  const port = await freePort();
  // 100 relay ports at a random place below the RTC and broadcast defaults: parallel runs rarely meet.
  const min = 30_000 + 100 * Math.floor(Math.random() * 80);
  const relayPorts = { min, max: min + 99 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-coturn-'));
  const conf = path.join(dir, 'turnserver.conf');
  fs.writeFileSync(
    conf,
    [
      `listening-ip=127.0.0.1`,
      `listening-port=${port}`,
      // The relay's own side: it reaches mediasoup's RTC ports on 127.0.0.1 from here.
      `relay-ip=127.0.0.1`,
      `min-port=${relayPorts.min}`,
      `max-port=${relayPorts.max}`,
      `use-auth-secret`,
      `static-auth-secret=${opts.secret}`,
      `realm=${opts.realm ?? 'plenum.test'}`,
      // Test only: mediasoup listens on loopback here. Never in production (coturn warns about it).
      `allow-loopback-peers`,
      `no-tls`,
      `no-dtls`,
      `no-cli`,
      `no-multicast-peers`,
      `fingerprint`,
      `log-file=stdout`,
      `simple-log`,
      `verbose`,
      `pidfile=${path.join(dir, 'turnserver.pid')}`,
      `userdb=${path.join(dir, 'turndb')}`,
      '',
    ].join('\n'),
  );
  const child = spawn(turnserverPath(), ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const ready = `UDP listener opened on: 127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`coturn did not start on 127.0.0.1:${port}:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    relayPorts,
    log: () => output,
    tryAllocate: (username, password) =>
      new Promise<void>((resolve) => {
        // It keeps sending to its peer (relayPorts.max, nobody there) until killed: the allocation comes first.
        const args = [
          '-u',
          username,
          '-w',
          password,
          '-p',
          String(port),
          '-n',
          '1',
          '-m',
          '1',
          '-l',
          '100',
          '-e',
          '127.0.0.1',
          '-r',
          String(relayPorts.max),
          '127.0.0.1',
        ];
        execFile('/usr/bin/turnutils_uclient', args, { timeout: 2000 }, () => resolve());
      }),
    allocations: () => [...output.matchAll(/user <([^>]*)>: incoming packet ALLOCATE processed, success/g)].map((m) => m[1] ?? ''),
    stop,
  };
}
