// The WebSocket carrier end to end: a real HTTP server on loopback, `ws` clients, real workers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaRegistry } from './media-registry';
import { createMediaSignallingSocket, type MediaSignallingSocket } from './signalling-socket';
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

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
  registry = new MediaRegistry({ pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange } });
  signalling = createMediaSignallingSocket({
    registry,
    log,
    // Stands in for the session cookie: the test names the person in a header.
    authenticate: async (req, sittingId) => {
      const who = people[String(req.headers['x-test-person'])];
      if (!who || sittingId !== 's1') throw new Error('not a participant of this sitting');
      return who;
    },
  });
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!signalling.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await signalling.close();
  server.close();
  await registry.close();
  await pool.close();
});

const connect = (person: string, sitting = 's1'): Promise<MediaPeer> => connectMediaPeer(`${base}/media?sitting=${sitting}`, { 'x-test-person': person });

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
