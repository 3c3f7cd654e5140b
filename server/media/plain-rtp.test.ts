// End-to-end media smoke test on real processes: FFmpeg generates Opus audio and VP8 video and
// sends RTP into mediasoup plain transports; mediasoup forwards it through consumers to a UDP
// socket of ours, where packets are counted by SSRC. Nothing is mocked, no media file is used.
// A second worker receives the same producers through an SRTP-encrypted pipe, which runs the
// libsrtp adapter of our worker build (scripts/mediasoup-worker/subprojects/libsrtp3) both ways.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import type { types as ms } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../streaming/ffmpeg-path';
import { createLogger } from '../log';
import { WorkerPool } from './worker-pool';

const AUDIO = { ssrc: 11111111, payloadType: 101 };
const VIDEO = { ssrc: 22222222, payloadType: 102 };
const mediaCodecs: ms.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
];

let pool: WorkerPool;
/** The worker FFmpeg's media enters on, and its router. */
let ingestWorker: ms.Worker;
let router: ms.Router;
let audioProducer: ms.Producer;
let videoProducer: ms.Producer;
let ffmpeg: ChildProcess | undefined;
let ffmpegErrors = '';
let receiver: dgram.Socket;
/** RTP packets that arrived at `receiver`, by SSRC. */
const received = new Map<number, number>();
let audioConsumer: ms.Consumer;
let videoConsumer: ms.Consumer;

/** A plain transport FFmpeg sends into: comedia learns FFmpeg's ports; RTCP comes from its own socket. */
async function ingest(): Promise<{ transport: ms.PlainTransport; rtpPort: number; rtcpPort: number }> {
  const transport = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1', portRange: pool.portRange },
    rtcpMux: false,
    comedia: true,
  });
  return { transport, rtpPort: transport.tuple.localPort, rtcpPort: transport.rtcpTuple!.localPort };
}

function startFfmpeg(audio: { rtpPort: number; rtcpPort: number }, video: { rtpPort: number; rtcpPort: number }): ChildProcess {
  const rtp = (p: { rtpPort: number; rtcpPort: number }) => `rtp://127.0.0.1:${p.rtpPort}?rtcpport=${p.rtcpPort}&pkt_size=1200`;
  // prettier-ignore
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-re', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15',
    '-map', '0:a', '-c:a', 'libopus', '-ac', '2', '-b:a', '32k', '-application', 'lowdelay',
    '-f', 'rtp', '-ssrc', String(AUDIO.ssrc), '-payload_type', String(AUDIO.payloadType), rtp(audio),
    // A key frame every second: the consumer forwards video only from a key frame on.
    '-map', '1:v', '-c:v', 'libvpx', '-b:v', '200k', '-deadline', 'realtime', '-cpu-used', '8', '-g', '15',
    '-pix_fmt', 'yuv420p',
    '-f', 'rtp', '-ssrc', String(VIDEO.ssrc), '-payload_type', String(VIDEO.payloadType), rtp(video),
  ];
  const child = spawn(resolveFfmpeg().path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => (ffmpegErrors += chunk.toString()));
  return child;
}

/** Consumers of the given producers on `on`, sending to `receiver` through one plain transport. */
async function consumeToReceiver(on: ms.Router, producerIds: string[]): Promise<ms.Consumer[]> {
  const out = await on.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1', portRange: pool.portRange },
    rtcpMux: true,
    comedia: false,
  });
  await out.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumers: ms.Consumer[] = [];
  for (const producerId of producerIds) {
    // Consumers start paused (as in the app) and are resumed once set up.
    const consumer = await out.consume({ producerId, rtpCapabilities: on.rtpCapabilities, paused: true });
    await consumer.resume();
    consumers.push(consumer);
  }
  return consumers;
}

const ssrcOf = (consumer: ms.Consumer) => consumer.rtpParameters.encodings![0]!.ssrc!;

function count(ssrc: number): number {
  return received.get(ssrc) ?? 0;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('plain RTP through mediasoup', () => {
  beforeAll(async () => {
    pool = await WorkerPool.create({ workers: 2, rtcMinPort: 46100, rtcMaxPort: 46199, logLevel: 'silent' }, createLogger('silent'));
    ingestWorker = pool.next();
    router = await ingestWorker.createRouter({ mediaCodecs });

    receiver = dgram.createSocket('udp4');
    receiver.on('message', (packet) => {
      // RTCP packet types are 200–206 in the second byte; RTP's marker+payload type never reach that with our PTs.
      if (packet.length < 12 || (packet[1]! >= 200 && packet[1]! <= 206)) return;
      const ssrc = packet.readUInt32BE(8);
      received.set(ssrc, count(ssrc) + 1);
    });
    receiver.bind(0, '127.0.0.1');
    await once(receiver, 'listening');

    const audioIn = await ingest();
    const videoIn = await ingest();
    audioProducer = await audioIn.transport.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: AUDIO.payloadType }],
        encodings: [{ ssrc: AUDIO.ssrc }],
      },
    });
    videoProducer = await videoIn.transport.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [{ mimeType: 'video/VP8', clockRate: 90000, payloadType: VIDEO.payloadType }],
        encodings: [{ ssrc: VIDEO.ssrc }],
      },
    });

    const consumers = await consumeToReceiver(router, [audioProducer.id, videoProducer.id]);
    audioConsumer = consumers[0]!;
    videoConsumer = consumers[1]!;

    ffmpeg = startFfmpeg(audioIn, videoIn);
  });

  afterAll(async () => {
    if (ffmpeg && ffmpeg.exitCode === null && ffmpeg.signalCode === null) {
      const exited = once(ffmpeg, 'exit');
      ffmpeg.kill('SIGKILL');
      await exited;
    }
    receiver?.close();
    await pool?.close();
  });

  it("forwards FFmpeg's audio and video to a consumer", async () => {
    const audioSsrc = ssrcOf(audioConsumer);
    const videoSsrc = ssrcOf(videoConsumer);
    const arrived = await until(() => count(audioSsrc) >= 20 && count(videoSsrc) >= 20, 10_000);
    expect(ffmpegErrors).toBe('');
    expect({ audio: count(audioSsrc) >= 20, video: count(videoSsrc) >= 20, arrived }).toEqual({ audio: true, video: true, arrived: true });
    // mediasoup rewrites SSRCs per consumer: what arrives is the consumers' streams, not FFmpeg's.
    expect(count(AUDIO.ssrc) + count(VIDEO.ssrc)).toBe(0);
  });

  it('stops forwarding while the consumers are paused, and starts again on resume', async () => {
    const audioSsrc = ssrcOf(audioConsumer);
    const videoSsrc = ssrcOf(videoConsumer);
    await audioConsumer.pause();
    await videoConsumer.pause();
    await sleep(200); // packets already on their way
    const audioAtPause = count(audioSsrc);
    const videoAtPause = count(videoSsrc);
    await sleep(1_000);
    expect(count(audioSsrc) - audioAtPause).toBe(0);
    expect(count(videoSsrc) - videoAtPause).toBe(0);

    await audioConsumer.resume();
    await videoConsumer.resume();
    const resumed = await until(() => count(audioSsrc) >= audioAtPause + 20 && count(videoSsrc) >= videoAtPause + 20, 5_000);
    expect(resumed).toBe(true);
  });

  it('forwards through an SRTP-encrypted pipe to a router on the other worker', async () => {
    const otherWorker = [pool.next(), pool.next()].find((w) => w.pid !== ingestWorker.pid)!;
    expect(otherWorker).toBeDefined();
    const remote = await otherWorker.createRouter({ mediaCodecs });
    for (const producer of [audioProducer, videoProducer]) {
      const { pipeProducer } = await router.pipeToRouter({ producerId: producer.id, router: remote, enableSrtp: true });
      expect(pipeProducer?.id).toBe(producer.id);
    }

    const [audio, video] = await consumeToReceiver(remote, [audioProducer.id, videoProducer.id]);
    const arrived = await until(() => count(ssrcOf(audio!)) >= 20 && count(ssrcOf(video!)) >= 20, 10_000);
    expect(arrived).toBe(true);
  });
});
