// A DTLS handshake with a WebRtcTransport, as a browser would do it, all on loopback:
// an ICE-lite connectivity check (STUN Binding Request) from our UDP socket, then OpenSSL's own
// DTLS client (`openssl s_client -dtls1_2`) relayed through that same socket.
//
// Guards the worker built against Debian's libssl: without the onSslBioOut patch
// (scripts/mediasoup-worker/source-patches.mjs) the worker crashes on the first handshake.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, X509Certificate } from 'node:crypto';
import dgram from 'node:dgram';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { types as ms } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { WorkerPool } from './worker-pool';

/** A STUN Binding Request as a controlling ICE agent sends it to an ICE-lite peer (RFC 8445, 5389). */
function bindingRequest(ice: ms.IceParameters, ourUfrag: string): Buffer {
  const attr = (type: number, value: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16BE(type, 0);
    head.writeUInt16BE(value.length, 2);
    return Buffer.concat([head, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
  };
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0, 0);
    return b;
  };
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0); // Binding Request
  header.writeUInt32BE(0x2112a442, 4); // magic cookie
  randomBytes(12).copy(header, 8);
  let body = Buffer.concat([
    attr(0x0006, Buffer.from(`${ice.usernameFragment}:${ourUfrag}`)), // USERNAME
    attr(0x0024, u32(0x6e0001ff)), // PRIORITY
    attr(0x802a, randomBytes(8)), // ICE-CONTROLLING (tie-breaker)
    attr(0x0025, Buffer.alloc(0)), // USE-CANDIDATE
  ]);
  // MESSAGE-INTEGRITY covers the message with the length already counting itself.
  header.writeUInt16BE(body.length + 24, 2);
  const integrity = createHmac('sha1', ice.password)
    .update(Buffer.concat([header, body]))
    .digest();
  body = Buffer.concat([body, attr(0x0008, integrity)]);
  header.writeUInt16BE(body.length + 8, 2);
  const fingerprint = (crc32(Buffer.concat([header, body])) ^ 0x5354554e) >>> 0;
  return Buffer.concat([header, body, attr(0x8028, u32(fingerprint))]);
}

const isStun = (packet: Buffer) => packet.length >= 20 && packet.readUInt32BE(4) === 0x2112a442;

describe('DTLS handshake with a WebRtcTransport', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-dtls-'));
  let pool: WorkerPool;
  let transport: ms.WebRtcTransport;
  let agent: dgram.Socket; // our ICE candidate: STUN and relayed DTLS leave from here
  let relay: dgram.Socket; // where s_client sends its DTLS records
  let client: ChildProcess | undefined;
  let worker: ms.Worker;

  beforeAll(async () => {
    pool = await WorkerPool.create({ workers: 1, rtcMinPort: 46200, rtcMaxPort: 46299, logLevel: 'silent' }, createLogger('silent'));
    worker = pool.next();
    const router = await worker.createRouter({ mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] });
    transport = await router.createWebRtcTransport({
      listenInfos: [{ protocol: 'udp', ip: '127.0.0.1', portRange: pool.portRange }],
    });
    agent = dgram.createSocket('udp4');
    relay = dgram.createSocket('udp4');
    agent.bind(0, '127.0.0.1');
    relay.bind(0, '127.0.0.1');
    await Promise.all([once(agent, 'listening'), once(relay, 'listening')]);
  });

  afterAll(async () => {
    if (client && client.exitCode === null && client.signalCode === null) {
      const exited = once(client, 'exit');
      client.kill('SIGKILL');
      await exited;
    }
    agent?.close();
    relay?.close();
    await pool?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('connects ICE and completes DTLS with SRTP keying, and the worker lives on', async () => {
    const candidate = transport.iceCandidates[0]!;
    const mediasoupAt = { port: candidate.port, address: candidate.address ?? candidate.ip };

    // ICE: one check with USE-CANDIDATE selects our socket's tuple.
    const iceConnected = new Promise<void>((resolve) =>
      transport.on('icestatechange', (state) => (state === 'connected' || state === 'completed') && resolve()),
    );
    let clientAt: { port: number; address: string } | undefined;
    agent.on('message', (packet) => {
      if (!isStun(packet) && clientAt) relay.send(packet, clientAt.port, clientAt.address);
    });
    relay.on('message', (packet, from) => {
      clientAt = { port: from.port, address: from.address };
      agent.send(packet, mediasoupAt.port, mediasoupAt.address);
    });
    agent.send(bindingRequest(transport.iceParameters, 'plenumtest'), mediasoupAt.port, mediasoupAt.address);
    await iceConnected;

    // DTLS: our certificate's fingerprint is what mediasoup checks the client against.
    const key = path.join(scratch, 'key.pem');
    const cert = path.join(scratch, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=plenum-test',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    const fingerprint = new X509Certificate(fs.readFileSync(cert)).fingerprint256;
    // The unpatched worker dies here instead of reaching a DTLS state.
    const outcome = new Promise<string>((resolve) => {
      transport.on('dtlsstatechange', (state) => (state === 'connected' || state === 'failed') && resolve(`dtls ${state}`));
      worker.once('died', (error) => resolve(`worker died: ${error.message}`));
    });
    await transport.connect({ dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: fingerprint }] } });

    client = spawn(
      'openssl',
      ['s_client', '-dtls1_2', '-connect', `127.0.0.1:${relay.address().port}`, '-cert', cert, '-key', key, '-use_srtp', 'SRTP_AES128_CM_SHA1_80'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let clientOut = '';
    client.stdout!.on('data', (chunk: Buffer) => (clientOut += chunk.toString()));

    expect(await outcome).toBe('dtls connected');
    expect(transport.dtlsState).toBe('connected');
    expect(transport.dtlsRemoteCert).toContain('BEGIN CERTIFICATE');
    expect(await until(() => /SRTP Extension negotiated, profile=SRTP_AES128_CM_SHA1_80/.test(clientOut), 2_000)).toBe(true);
    expect(worker.died).toBe(false);
    expect((await pool.health()).ok).toBe(true);
  }, 20_000);
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}
