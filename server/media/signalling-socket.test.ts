// The WebSocket carrier end to end: a real HTTP server on loopback, `ws` clients, real workers.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaRegistry } from './media-registry';
import { createMediaSignallingSocket, type MediaSignallingDeps, type MediaSignallingSocket } from './signalling-socket';
import type { MediaParticipant } from './topology';
import { WorkerPool } from './worker-pool';

const log = createLogger('silent');
const portRange = { min: 44000, max: 44999 };
const people: Record<string, MediaParticipant> = {
  m1: { id: 'm1', roles: ['member'], booth: null },
  clerk: { id: 'clerk', roles: ['clerk'], booth: null },
};

let pool: WorkerPool;
let registry: MediaRegistry;
let signalling: MediaSignallingSocket;
let server: http.Server;
let base: string;

/** A signalling socket on its own loopback HTTP server; the test names the person in a header (it stands in for the session cookie). */
async function serveSignalling(extra: Partial<MediaSignallingDeps> = {}): Promise<{ signalling: MediaSignallingSocket; server: http.Server; base: string }> {
  const signalling = createMediaSignallingSocket({
    registry,
    log,
    authenticate: async (req, sittingId) => {
      const who = people[String(req.headers['x-test-person'])];
      if (!who || sittingId !== 's1') throw new Error('not a participant of this sitting');
      return who;
    },
    ...extra,
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!signalling.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { signalling, server, base: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
  registry = new MediaRegistry({ pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange } });
  ({ signalling, server, base } = await serveSignalling());
});
afterAll(async () => {
  await signalling.close();
  server.close();
  await registry.close();
  await pool.close();
});

const connect = (person: string, sitting = 's1', at = base): Promise<MediaPeer> =>
  connectMediaPeer(`${at}/media?sitting=${sitting}`, { 'x-test-person': person });

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('media signalling socket', () => {
  it('refuses someone who is not a participant, with a code the client will not retry', async () => {
    const c = await connect('stranger');
    expect(await c.closed).toBe(4001);
  });

  it('answers bad frames with a typed error and keeps the connection', async () => {
    const c = await connect('clerk');
    c.ws.send('not json');
    const reply = await c.request('nope');
    expect(reply).toMatchObject({ ok: false, error: { code: 'media.unknown_method' } });
    c.ws.close();
  });

  it('joins, and pushes the producers a peer may consume as they appear', async () => {
    const clerk = await connect('clerk');
    const caps = (await clerk.request('getRouterRtpCapabilities')).data;
    expect(await clerk.request('join', { rtpCapabilities: caps })).toMatchObject({ ok: true, data: { plan: [{ channel: 'floor', gain: 1 }] } });

    const m1 = await connect('m1');
    await m1.request('join', { rtpCapabilities: caps });
    const t = (await m1.request('createWebRtcTransport', { direction: 'send' })).data as { id: string };
    const rtpParameters = { mid: '0', codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 99 }] };
    const produced = await m1.request('produce', { transportId: t.id, kind: 'audio', rtpParameters, channel: { kind: 'floor' }, source: 'microphone' });
    expect(produced).toMatchObject({ ok: true, data: { live: false, held: 'no_floor' } });
    const producerId = (produced.data as { id: string }).id;
    expect(await until(() => clerk.notifications.some((n) => n.notification === 'producerAdded'))).toBe(true);
    expect(clerk.notifications[0]).toEqual({
      notification: 'producerAdded',
      data: { producerId, peerId: 'm1', kind: 'audio', channel: 'floor', source: 'microphone', gain: 1, live: false, held: 'no_floor' },
    });

    // A second tab of the same member replaces the first: the old socket closes, its producer goes.
    const again = await connect('m1');
    expect(await m1.closed).toBe(4002);
    expect(await until(() => clerk.notifications.some((n) => n.notification === 'producerRemoved'))).toBe(true);
    expect(await again.request('join', { rtpCapabilities: caps })).toMatchObject({ ok: true });

    // Closing the socket leaves the media.
    again.ws.close();
    expect(await until(() => registry.get('s1')?.has('m1') === false)).toBe(true);
    clerk.ws.close();
  });
});

describe('TURN credentials with the join', () => {
  const turn = {
    urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:turn.example.org:443?transport=tcp'],
    secret: 'a shared secret of thirty-two or more',
    ttlSeconds: 600,
  };
  let clock = Date.UTC(2026, 11, 6, 12, 0, 0);
  let relay: Awaited<ReturnType<typeof serveSignalling>>;
  let forced: Awaited<ReturnType<typeof serveSignalling>>;
  let caps: unknown;

  beforeAll(async () => {
    relay = await serveSignalling({ turn, now: () => clock });
    forced = await serveSignalling({ turn, forceRelay: true, now: () => clock });
    caps = (await registry.getOrCreate('s1')).rtpCapabilities;
  });
  afterAll(async () => {
    for (const s of [relay, forced]) {
      await s.signalling.close();
      s.server.close();
    }
  });

  type Ice = { iceServers: { urls: string[]; username: string; credential: string }[]; iceTransportPolicy: string };
  const join = async (peer: MediaPeer, data: Record<string, unknown> = { rtpCapabilities: caps }) => {
    const answer = await peer.request('join', data);
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.data as unknown as Ice;
  };
  const hmac = (username: string) => createHmac('sha1', turn.secret).update(username).digest('base64');

  it('hands out nothing and lets the browser choose without TURN', async () => {
    const c = await connect('clerk');
    expect(await join(c)).toMatchObject({ iceServers: [], iceTransportPolicy: 'all' });
    c.ws.close();
    expect(await until(() => registry.get('s1')?.has('clerk') === false)).toBe(true);
  });

  it('mints each person a credential in their own name only, whatever the join says', async () => {
    const m1 = await connect('m1', 's1', relay.base);
    const clerk = await connect('clerk', 's1', relay.base);
    const expiry = Math.floor(clock / 1000) + 600;
    const mine = await join(m1);
    expect(mine.iceTransportPolicy).toBe('all');
    expect(mine.iceServers).toEqual([{ urls: turn.urls, username: `${expiry}:m1`, credential: hmac(`${expiry}:m1`) }]);
    // Asking in someone else's name is not a field of join: refused, nothing minted.
    expect(await clerk.request('join', { rtpCapabilities: caps, personId: 'm1' })).toMatchObject({ ok: false, error: { code: 'media.bad_request' } });
    const theirs = await join(clerk);
    expect(theirs.iceServers[0]?.username).toBe(`${expiry}:clerk`);
    expect(theirs.iceServers[0]?.credential).toBe(hmac(`${expiry}:clerk`));
    expect(theirs.iceServers[0]?.credential).not.toBe(mine.iceServers[0]?.credential);
    // A join while joined is refused and mints nothing.
    expect(await m1.request('join', { rtpCapabilities: caps })).toMatchObject({ ok: false, error: { code: 'media.already_joined' } });
    m1.ws.close();
    clerk.ws.close();
    expect(await until(() => !registry.get('s1')?.has('m1') && !registry.get('s1')?.has('clerk'))).toBe(true);
  });

  it('renews the credential at every join: a reconnect after expiry never gets the expired username again', async () => {
    const first = await join(await connect('m1', 's1', relay.base));
    const expired = first.iceServers[0]!.username;
    clock += 601_000;
    expect(Number(expired.split(':')[0]) * 1000).toBeLessThan(clock);
    // The reconnect: a new socket replaces the old one and joins again.
    const again = await connect('m1', 's1', relay.base);
    const renewed = await join(again);
    const username = renewed.iceServers[0]!.username;
    expect(username).not.toBe(expired);
    expect(Number(username.split(':')[0]) * 1000).toBe(clock - (clock % 1000) + 600_000);
    expect(renewed.iceServers[0]!.credential).toBe(hmac(username));
    // An ICE restart (the network changed) may allocate a new relay: it gets a credential valid now.
    clock += 601_000;
    const t = (await again.request('createWebRtcTransport', { direction: 'recv' })).data as { id: string };
    const restarted = await again.request('restartIce', { transportId: t.id });
    expect(restarted).toMatchObject({ ok: true, data: { iceParameters: expect.any(Object) } });
    const restartUsername = (restarted.data as unknown as Ice).iceServers[0]!.username;
    expect(restartUsername).toBe(`${Math.floor(clock / 1000) + 600}:m1`);
    expect((restarted.data as unknown as Ice).iceServers[0]!.credential).toBe(hmac(restartUsername));
    // Leave and join on the same socket: fresh again.
    clock += 1000;
    expect(await again.request('leave')).toMatchObject({ ok: true });
    expect((await join(again)).iceServers[0]!.username).not.toBe(username);
    again.ws.close();
    expect(await until(() => registry.get('s1')?.has('m1') === false)).toBe(true);
  });

  it('tells browsers to relay only when forced', async () => {
    const c = await connect('m1', 's1', forced.base);
    const answer = await join(c);
    expect(answer.iceTransportPolicy).toBe('relay');
    expect(answer.iceServers).toHaveLength(1);
    c.ws.close();
    expect(await until(() => registry.get('s1')?.has('m1') === false)).toBe(true);
  });
});
