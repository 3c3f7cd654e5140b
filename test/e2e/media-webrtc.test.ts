import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Device, types as ms } from 'mediasoup-client';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { MediaRegistry } from '../../server/media/media-registry';
import { createMediaSignallingSocket, type MediaSignallingSocket } from '../../server/media/signalling-socket';
import { EMPTY_FLOOR, type MediaParticipant } from '../../server/media/topology';
import { WorkerPool } from '../../server/media/worker-pool';
import { chromiumArgs, chromiumPath } from '../support/chromium';

// WebRTC for real: headless Chromium pages with mediasoup-client and a fake microphone talk to
// the media signalling socket and mediasoup workers over loopback (ICE, DTLS, SRTP and all).
// The floor rule is checked on the wire: a member's audio reaches a listener only once granted.

const people: Record<string, MediaParticipant> = {
  chair: { id: 'chair', roles: ['chair', 'member'], booth: null },
  m1: { id: 'm1', roles: ['member'], booth: null },
  clerk: { id: 'clerk', roles: ['clerk'], booth: null },
};
const portRange = { min: 46000, max: 46999 };
const log = createLogger('silent');

let pool: WorkerPool;
let registry: MediaRegistry;
let signalling: MediaSignallingSocket;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
  registry = new MediaRegistry({ pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange } });
  signalling = createMediaSignallingSocket({
    registry,
    log,
    // Stands in for the session cookie.
    authenticate: async (req) => {
      const who = people[new URL(req.url ?? '/', 'http://x').searchParams.get('person') ?? ''];
      if (!who) throw new Error('unknown person');
      return who;
    },
  });
  // mediasoup-client for the page, bundled as the Angular build would.
  const bundle = await build({
    stdin: { contents: "import { Device } from 'mediasoup-client'; window.MediasoupDevice = Device;", resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  server = http.createServer((req, res) => {
    if (req.url === '/bundle.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/bundle.js"></script>');
  });
  server.on('upgrade', (req, socket, head) => {
    if (!signalling.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ media: true }) });
});
afterAll(async () => {
  await browser?.close();
  await signalling?.close();
  server?.close();
  await registry?.close();
  await pool?.close();
});

/** What the test page keeps on `window`: mediasoup-client's Device (bundled in by esbuild) and the probes below. */
interface TestWindow {
  MediasoupDevice: typeof Device;
  consumers: Map<string, ms.Consumer | null>;
  speakers: string[];
  packetsFrom: (producerId: string) => Promise<number>;
  producerId: string;
}

/** Opens a page as `person`, joins the sitting's media, and, with `speak`, publishes the fake microphone on the floor. */
async function participant(person: string, speak: boolean): Promise<Page> {
  const page = await (await browser.newContext({ permissions: ['microphone'] })).newPage();
  await page.goto(`http://${base}/`);
  await page.evaluate(
    async ({ url, speak }) => {
      type Frame = { id?: number; ok?: boolean; data?: unknown; error?: { code: string; message: string }; notification?: string };
      const w = window as unknown as TestWindow;
      const ws = new WebSocket(url);
      await new Promise((r) => (ws.onopen = r));
      let next = 1;
      const pending = new Map<number, (f: Frame) => void>();
      const onNotification: ((f: Frame) => void)[] = [];
      ws.onmessage = (e) => {
        const f = JSON.parse(e.data as string) as Frame;
        if (f.notification) onNotification.forEach((h) => h(f));
        else pending.get(f.id!)?.(f);
      };
      const request = <T>(method: string, data?: unknown) =>
        new Promise<T>((resolve, reject) => {
          const id = next++;
          pending.set(id, (f) => (f.ok ? resolve(f.data as T) : reject(new Error(`${f.error?.code}: ${f.error?.message}`))));
          ws.send(JSON.stringify({ id, method, data }));
        });

      const device = new w.MediasoupDevice();
      await device.load({ routerRtpCapabilities: await request<ms.RtpCapabilities>('getRouterRtpCapabilities') });
      const joined = await request<{ producers: { producerId: string }[] }>('join', { rtpCapabilities: device.rtpCapabilities });

      const recvInfo = await request<ms.TransportOptions>('createWebRtcTransport', { direction: 'recv' });
      const recv = device.createRecvTransport(recvInfo);
      recv.on('connect', ({ dtlsParameters }, ok, fail) => void request('connectWebRtcTransport', { transportId: recv.id, dtlsParameters }).then(ok, fail));
      w.consumers = new Map();
      const consume = async (producerId: string) => {
        if (w.consumers.has(producerId)) return;
        w.consumers.set(producerId, null);
        const c = await request<{ id: string; kind: ms.MediaKind; rtpParameters: ms.RtpParameters }>('consume', { transportId: recv.id, producerId });
        const consumer = await recv.consume({ id: c.id, producerId, kind: c.kind, rtpParameters: c.rtpParameters });
        w.consumers.set(producerId, consumer);
        await request('resumeConsumer', { consumerId: c.id });
      };
      for (const p of joined.producers) await consume(p.producerId);
      w.speakers = [];
      onNotification.push((f) => {
        if (f.notification === 'producerAdded') void consume((f.data as { producerId: string }).producerId);
        if (f.notification === 'activeSpeaker') w.speakers.push((f.data as { peerId: string }).peerId);
      });
      /** Audio packets received so far, per producer. */
      w.packetsFrom = async (producerId: string) => {
        const consumer = w.consumers.get(producerId);
        if (!consumer) return 0;
        let n = 0;
        (await consumer.getStats()).forEach((s: RTCStats & { packetsReceived?: number }) => {
          if (s.type === 'inbound-rtp') n += s.packetsReceived ?? NaN;
        });
        return n;
      };

      if (speak) {
        const sendInfo = await request<ms.TransportOptions>('createWebRtcTransport', { direction: 'send' });
        const send = device.createSendTransport(sendInfo);
        send.on('connect', ({ dtlsParameters }, ok, fail) => void request('connectWebRtcTransport', { transportId: send.id, dtlsParameters }).then(ok, fail));
        send.on(
          'produce',
          ({ kind, rtpParameters }, ok, fail) =>
            void request<{ id: string }>('produce', { transportId: send.id, kind, rtpParameters, channel: { kind: 'floor' }, source: 'microphone' }).then(
              ok,
              fail,
            ),
        );
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        const producer = await send.produce({ track: stream.getAudioTracks()[0] });
        w.producerId = producer.id;
      }
    },
    { url: `ws://${base}/media?sitting=s1&person=${person}`, speak },
  );
  return page;
}

const packets = (listener: Page, producerId: string) => listener.evaluate((id) => (window as unknown as TestWindow).packetsFrom(id), producerId);
const producerOf = (speaker: Page) => speaker.evaluate(() => (window as unknown as TestWindow).producerId);

describe('WebRTC in the chamber', () => {
  it("carries the chair's microphone to a listener, and a member's only once the floor is granted", async () => {
    const clerk = await participant('clerk', false);
    const chair = await participant('chair', true);
    const member = await participant('m1', true);
    const chairMic = await producerOf(chair);
    const memberMic = await producerOf(member);

    await expect.poll(() => packets(clerk, chairMic), { timeout: 15_000 }).toBeGreaterThan(50);
    // The member's microphone is paused in the router: a few packets at most, from before the pause took hold.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await packets(clerk, memberMic)).toBe(0);

    const granted = performance.now();
    await registry.get('s1')!.setFloor({ ...EMPTY_FLOOR, speakers: ['m1'] });
    await expect.poll(() => packets(clerk, memberMic), { timeout: 15_000, interval: 20 }).toBeGreaterThan(0);
    console.info(`floor grant → first packet in the listener's browser: ${Math.round(performance.now() - granted)} ms (polled every 20 ms)`);
    await expect.poll(() => packets(clerk, memberMic), { timeout: 15_000 }).toBeGreaterThan(50);

    // Active-speaker detection runs on the audio levels Chromium puts in each packet.
    await expect
      .poll(() => clerk.evaluate(() => (window as unknown as TestWindow).speakers), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^(chair|m1)$/));
  });
});
