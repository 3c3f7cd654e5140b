// Chamber fan-out on this machine: one floor speaker and several interpretation channels to
// hundreds of listeners, all real RTP over loopback UDP through real mediasoup workers.
// Reports packets forwarded, loss and worker CPU. Bounded: stops after DURATION_S.
//
//   npx tsx bench/chamber-fanout.ts [listeners=300] [channels=3] [seconds=10] [workers=2]
import os from 'node:os';
import { createLogger } from '../server/log';
import { RtpReceiver, RtpSender, opusParameters } from '../server/media/rtp-probe';
import { SittingMedia } from '../server/media/sitting-media';
import { EMPTY_FLOOR, type Channel, type MediaParticipant } from '../server/media/topology';
import { WorkerPool } from '../server/media/worker-pool';

const [listeners = 300, channels = 3, seconds = 10, workers = 2] = process.argv.slice(2).map(Number);
const PACKETS_PER_SECOND = 50; // one Opus frame every 20 ms
const LANGUAGES = ['en', 'fr', 'it', 'es', 'pl', 'nl', 'sv', 'fi'].slice(0, channels);
const portRange = { min: 45000, max: 49999 };
const log = createLogger('silent');

const pool = await WorkerPool.create({ workers, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
const media = await SittingMedia.create({ sittingId: 'bench', pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange } });
const cleanup: { close(): void }[] = [];
try {
  // Publishers: the speaker on the floor, one live interpreter per language.
  const feeds: { channel: Channel; peer: MediaParticipant; ssrc: number }[] = [
    { channel: { kind: 'floor' }, peer: { id: 'speaker', roles: ['chair'], booth: null }, ssrc: 1000 },
    ...LANGUAGES.map((language, i) => ({
      channel: { kind: 'interpretation', language } as Channel,
      peer: { id: `interp-${language}`, roles: ['interpreter'], booth: { id: `booth-${language}`, language, kind: 'spoken' } } as MediaParticipant,
      ssrc: 2000 + i,
    })),
  ];
  await media.setFloor({ ...EMPTY_FLOOR, liveInterpreters: new Map(LANGUAGES.map((l) => [`booth-${l}`, `interp-${l}`])) });
  const senders: RtpSender[] = [];
  const producerOf = new Map<string, string>();
  for (const f of feeds) {
    await media.join(f.peer, media.rtpCapabilities, { language: null, sign: false });
    const t = await media.createPlainTransport(f.peer.id, { comedia: true });
    const { id } = await media.produce(f.peer.id, t.id, { kind: 'audio', rtpParameters: opusParameters(f.ssrc), channel: f.channel, source: 'hall' });
    producerOf.set(f.channel.kind === 'floor' ? 'floor' : `interpretation:${(f.channel as { language: string }).language}`, id);
    const sender = new RtpSender(f.ssrc, t);
    senders.push(sender);
    cleanup.push(sender);
  }

  // Listeners: members spread over the languages (a third stay on the floor only).
  const receivers: { rx: RtpReceiver; expectsChannels: number }[] = [];
  const setupStart = performance.now();
  for (let i = 0; i < listeners; i++) {
    const language = i % 3 === 0 ? null : (LANGUAGES[i % LANGUAGES.length] ?? null);
    const id = `member-${i}`;
    const joined = await media.join({ id, roles: ['member'], booth: null }, media.rtpCapabilities, { language, sign: false });
    const rx = await RtpReceiver.open();
    cleanup.push(rx);
    const t = await media.createPlainTransport(id, { comedia: false });
    await media.connectTransport(id, t.id, rx.address);
    for (const { channel } of joined.plan) {
      const consumer = await media.consume(id, t.id, producerOf.get(channel)!);
      await media.consumer(id, consumer.id).resume();
    }
    receivers.push({ rx, expectsChannels: joined.plan.length });
  }
  const setupMs = performance.now() - setupStart;

  const cpuBefore = await pool.health();
  const sendStart = performance.now();
  // Each sender paces itself at 50 packets/s for the run.
  await Promise.all(senders.map((s) => paced(s, PACKETS_PER_SECOND * seconds, 1000 / PACKETS_PER_SECOND)));
  const sendMs = performance.now() - sendStart;
  await new Promise((r) => setTimeout(r, 500)); // let the last packets land
  const cpuAfter = await pool.health();

  const sentPerChannel = PACKETS_PER_SECOND * seconds;
  let expected = 0;
  let received = 0;
  for (const r of receivers) {
    expected += r.expectsChannels * sentPerChannel;
    received += r.rx.total;
  }
  const cpuMs = (h: Awaited<ReturnType<typeof pool.health>>) => h.workers.reduce((a, w) => a + (w.cpuUserMs ?? 0) + (w.cpuSystemMs ?? 0), 0);
  const workerCpuPercent = ((cpuMs(cpuAfter) - cpuMs(cpuBefore)) / sendMs) * 100;
  console.log(
    JSON.stringify(
      {
        bench: 'chamber-fanout',
        machine: { cores: os.availableParallelism(), node: process.version },
        listeners,
        channels: channels + 1,
        workers,
        seconds,
        stats: media.stats(),
        setupMs: Math.round(setupMs),
        packetsExpected: expected,
        packetsForwarded: received,
        lossPercent: Number((((expected - received) / expected) * 100).toFixed(3)),
        forwardedPerSecond: Math.round(received / (sendMs / 1000)),
        workerCpuPercentOfOneCore: Number(workerCpuPercent.toFixed(1)),
      },
      null,
      2,
    ),
  );
} finally {
  for (const c of cleanup) c.close();
  media.close();
  await pool.close();
}

/** Sends `count` packets at a steady `intervalMs`, catching up if a tick was late. */
async function paced(sender: RtpSender, count: number, intervalMs: number): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs - performance.now();
    if (due > 0) await new Promise((r) => setTimeout(r, due));
    await sender.sendOne();
  }
}
