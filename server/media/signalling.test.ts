// The signalling table against real workers: what a browser sends, and the errors it gets back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaError } from './errors';
import { loadConfig } from '../config';
import { listenFromConfig } from '../config/media-listen';
import { MediaRegistry } from './media-registry';
import { handleMediaRequest, SIGNALLING_METHODS, type SignallingContext } from './signalling';
import type { TransportInfo } from './media-protocol';
import type { MediaParticipant } from './topology';
import { WorkerPool } from './worker-pool';

const log = createLogger('silent');
const portRange = { min: 43000, max: 43999 };
let pool: WorkerPool;
let registry: MediaRegistry;

const member: MediaParticipant = { id: 'm1', roles: ['member'], booth: null };
const clerk: MediaParticipant = { id: 'clerk', roles: ['clerk'], booth: null };
const ctx = (participant: MediaParticipant, sittingId = 's1'): SignallingContext => ({ registry, sittingId, participant });
const call = (c: SignallingContext, method: string, data?: unknown) => handleMediaRequest(c, method, data);

async function code(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MediaError)) throw new Error(`expected a MediaError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
  registry = new MediaRegistry({ pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange } });
});
afterAll(async () => {
  await registry.close();
  await pool.close();
});

describe('media signalling', () => {
  it('lists its methods', () => {
    expect(SIGNALLING_METHODS).toContain('join');
    expect(SIGNALLING_METHODS).toContain('consume');
  });

  it('rejects unknown methods and prototype names', async () => {
    expect(await code(call(ctx(member), 'dropTables'))).toMatch(/^media\.unknown_method/);
    expect(await code(call(ctx(member), 'constructor'))).toMatch(/^media\.unknown_method/);
  });

  it('asks for a join before any transport', async () => {
    expect(await code(call(ctx(member), 'createWebRtcTransport', { direction: 'send' }))).toMatch(/^media\.not_joined/);
  });

  it('says which field is wrong', async () => {
    const caps = await call(ctx(member), 'getRouterRtpCapabilities');
    expect(await code(call(ctx(member), 'join', { rtpCapabilities: caps, language: 'French' }))).toMatch(
      /^media\.bad_request: join: language: must be a language tag/,
    );
    expect(await code(call(ctx(member), 'join', { rtpCapabilities: caps, extra: 1 }))).toMatch(/^media\.bad_request: join: .*extra/);
    expect(await code(call(ctx(member), 'join', 'hello'))).toMatch(/^media\.bad_request/);
  });

  it("runs a browser's send side: join, transport, connect, produce; and bounds what it may produce", async () => {
    const caps = await call(ctx(member), 'getRouterRtpCapabilities');
    const joined = await call(ctx(member), 'join', { rtpCapabilities: caps, language: 'fr' });
    expect(joined).toMatchObject({ plan: [{ channel: 'floor' }, { channel: 'interpretation:fr' }], producers: [] });
    expect(await code(call(ctx(member), 'join', { rtpCapabilities: caps }))).toMatch(/^media\.already_joined/);

    const t = (await call(ctx(member), 'createWebRtcTransport', { direction: 'send' })) as TransportInfo;
    expect(t.iceCandidates.length).toBeGreaterThan(0);
    for (const c of t.iceCandidates) {
      expect(c.address).toBe('127.0.0.1');
      expect(c.port).toBeGreaterThanOrEqual(portRange.min);
      expect(c.port).toBeLessThanOrEqual(portRange.max);
    }
    expect(
      await code(call(ctx(member), 'connectWebRtcTransport', { transportId: t.id, dtlsParameters: { fingerprints: [{ algorithm: 'md5', value: 'AA' }] } })),
    ).toMatch(/^media\.bad_request: connectWebRtcTransport: dtlsParameters\.fingerprints\.0\.algorithm/);
    await call(ctx(member), 'connectWebRtcTransport', {
      transportId: t.id,
      dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] },
    });

    const rtpParameters = { mid: '0', codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 4242 }] };
    const produced = await call(ctx(member), 'produce', { transportId: t.id, kind: 'audio', rtpParameters, channel: { kind: 'floor' }, source: 'microphone' });
    expect(produced).toMatchObject({ live: false });
    expect(
      await code(
        call(ctx(member), 'produce', {
          transportId: t.id,
          kind: 'audio',
          rtpParameters: { ...rtpParameters, encodings: [{ ssrc: 1 }] },
          channel: { kind: 'interpretation', language: 'fr' },
          source: 'microphone',
        }),
      ),
    ).toMatch(/^media\.not_allowed/);
    // A codec the router does not offer is the client's mistake, not a server fault.
    const h265 = { mid: '1', codecs: [{ mimeType: 'video/H265', payloadType: 120, clockRate: 90000 }], encodings: [{ ssrc: 77 }] };
    expect(
      await code(call(ctx(member), 'produce', { transportId: t.id, kind: 'video', rtpParameters: h265, channel: { kind: 'floor' }, source: 'camera' })),
    ).toMatch(/^media\.bad_request: produce:/);

    // The clerk sees the member's microphone and may consume it.
    const clerkJoin = await call(ctx(clerk), 'join', { rtpCapabilities: caps });
    expect(clerkJoin).toMatchObject({ producers: [{ peerId: 'm1', channel: 'floor', source: 'microphone', live: false }] });
    const recv = (await call(ctx(clerk), 'createWebRtcTransport', { direction: 'recv' })) as TransportInfo;
    const consumer = (await call(ctx(clerk), 'consume', { transportId: recv.id, producerId: (produced as { id: string }).id })) as {
      id: string;
      producerPaused: boolean;
    };
    expect(consumer.producerPaused).toBe(true);
    await call(ctx(clerk), 'resumeConsumer', { consumerId: consumer.id });
    expect(await code(call(ctx(clerk), 'setConsumerPreferredLayers', { consumerId: consumer.id, spatialLayer: -1 }))).toMatch(/^media\.bad_request/);

    await call(ctx(member), 'leave');
    // The clerk's consumer closes when the worker reports its producer gone: a moment later.
    for (let i = 0; i < 100 && registry.get('s1')?.stats().consumers !== 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(registry.get('s1')?.stats()).toMatchObject({ peers: 1, producers: 0, consumers: 0 });
    expect(registry.stats()).toMatchObject({ sittings: 1, peers: 1, producers: 0, routers: 1 });
  });
});

describe('media registry', () => {
  it('creates one media per sitting however many ask at once, and forgets it when it closes', async () => {
    const [a, b, c] = await Promise.all([registry.getOrCreate('s9'), registry.getOrCreate('s9'), registry.getOrCreate('s9')]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    registry.closeSitting('s9');
    expect(registry.get('s9')).toBeUndefined();
    const d = await registry.getOrCreate('s9');
    expect(d).not.toBe(a);
    d.close();
  });

  it('listens on loopback on a laptop, and on all interfaces behind an announced address', () => {
    expect(listenFromConfig(loadConfig({}))).toEqual({ ip: '127.0.0.1', announcedAddress: undefined, portRange: { min: 40000, max: 49999 } });
    expect(listenFromConfig(loadConfig({ RTC_ANNOUNCED_ADDRESS: '203.0.113.7', RTC_MIN_PORT: '50000', RTC_MAX_PORT: '50100' }))).toEqual({
      ip: '0.0.0.0',
      announcedAddress: '203.0.113.7',
      portRange: { min: 50000, max: 50100 },
    });
  });
});
