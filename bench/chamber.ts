/**
 * Chamber fan-out on this machine, through the production path: one speaker on the floor (Opus
 * audio and VP8 simulcast video, 3 layers) and six live interpreters, fanned out to N listeners by
 * SittingMedia (join / createPlainTransport / produce / consume) on real mediasoup workers. The
 * router set grows onto the next worker when `peersPerRouter` is reached and pipes producers there
 * (pipeToRouter). Every listener has a PlainTransport sending to a UDP sink of its own: the real
 * forwarding path, over loopback. For each N it prints consumers per worker, packets forwarded per
 * second, loss (RTP sequence gaps per consumer at the sinks) and CPU per worker.
 *
 *   npm run bench:chamber [-- [--listeners 100,300,700] [--peers-per-worker 350] [--workers <cores>]
 *                             [--seconds 10] [--warmup 3] [--pinned 0.1] [--sink-threads 2] [--pacing 2.5]]
 *
 *   --peers-per-worker  SittingMedia's peersPerRouter (the server's MEDIA_PEERS_PER_WORKER, default 350)
 *   --pinned            share of listeners who pin the speaker (simulcast layer 2); the others get layer 0
 *   --pacing            video pacing as a multiple of the bitrate, as libwebrtc's pacer (0: each frame in one burst)
 *
 * Video is real VP8: FFmpeg encodes three short layers once (320x180, 640x360, 1280x720, realtime
 * settings) into a temp dir before anything is measured; a sender thread packetizes them as a
 * browser does (RFC 7741 with PictureID), loops them, sends RTCP sender reports and answers PLI/FIR
 * with a key frame. No encoder competes with the workers during the measurement. The sinks run
 * in worker threads with large receive buffers; the kernel's per-socket drop counters tell loss at
 * the sinks (receiver too slow) from loss at the workers' own sockets (worker starved of CPU).
 * Listeners announce no congestion feedback (plainRtpCapabilities), so layers follow setPreferredLayers.
 * A run is flagged `contended` when other processes on the machine took more than a quarter of a core.
 *
 * Runs grow one sitting: 100 listeners, measure; 300, measure; 700, measure. Bounded: a watchdog
 * ends the process after 170 s. The last line of output is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { resolveFfmpeg } from '../streaming/ffmpeg-path';
import {
  ivfFrames,
  isRtcp,
  keyFrameRequests,
  opusParameters,
  plainRtpCapabilities,
  rtpPacket,
  senderReport,
  SequenceCounter,
  vp8RtpPackets,
  vp8SimulcastParameters,
} from '../server/media/rtp-probe';

const WATCHDOG_MS = 170_000;
const LANGUAGES = ['en', 'fr', 'de', 'it', 'es', 'pl'] as const;
/** Simulcast layers, lowest first: what a browser sends for a 720p camera. */
const LAYERS = [
  { width: 320, height: 180, fps: 15, kbps: 150 },
  { width: 640, height: 360, fps: 30, kbps: 500 },
  { width: 1280, height: 720, fps: 30, kbps: 1500 },
] as const;
const AUDIO_PPS = 50; // Opus, 20 ms frames
const AUDIO_PAYLOAD = 80; // bytes: 32 kbit/s
const CLIP_SECONDS = 4;
const GOP_FRAMES = 60;
const SINK_BUFFER = 4 * 1024 * 1024; // capped by net.core.rmem_max

// ---------------------------------------------------------------------------------------------
// Sender thread: the publishers' devices.

interface SenderConfig {
  readonly role: 'sender';
  /** Video pacing as a multiple of the layers' bitrate (libwebrtc: 2.5); 0 sends each frame in one burst. */
  readonly pacing: number;
  readonly audio: readonly { ssrc: number; port: number }[];
  readonly video: { readonly port: number; readonly layers: readonly { ssrc: number; ivf: string; fps: number }[] };
}

function runSender(cfg: SenderConfig): void {
  const socket = dgram.createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  socket.on('listening', () => socket.setSendBufferSize(SINK_BUFFER));
  const start = performance.now();
  const wall0 = Date.now();
  const send = (b: Buffer, port: number) => socket.send(b, port, '127.0.0.1');

  const audio = cfg.audio.map((a) => ({ ...a, seq: 0, sent: 0, octets: 0, ts0: (Math.random() * 2 ** 32) >>> 0 }));
  const video = cfg.video.layers.map((l) => ({
    ...l,
    frames: ivfFrames(fs.readFileSync(l.ivf)),
    index: 0,
    emitted: 0,
    seq: (Math.random() * 0x10000) | 0,
    pictureId: (Math.random() * 0x8000) | 0,
    tl0: 0,
    sent: 0,
    octets: 0,
    ts0: (Math.random() * 2 ** 32) >>> 0,
  }));
  const bySsrc = new Map(video.map((v) => [v.ssrc, v]));
  let keyFrameRequestsSeen = 0;
  socket.on('message', (msg) => {
    if (!isRtcp(msg)) return;
    for (const ssrc of keyFrameRequests(msg)) {
      const layer = bySsrc.get(ssrc);
      // A browser answers with a key frame: the clip starts with one.
      if (!layer) continue;
      layer.index = 0;
      keyFrameRequestsSeen++;
    }
  });

  const queue: Buffer[] = [];
  let onWire = 0;
  const pacedBytesPerMs = (cfg.pacing * LAYERS.reduce((a, l) => a + l.kbps, 0)) / 8;
  let budget = 0;
  let last = 0;
  const tick = () => {
    const now = performance.now() - start;
    for (const a of audio) {
      while (a.seq * (1000 / AUDIO_PPS) <= now) {
        const p = rtpPacket(a.ssrc, a.seq, 100);
        const payload = Buffer.allocUnsafe(12 + AUDIO_PAYLOAD);
        p.copy(payload, 0, 0, 12);
        payload.writeUInt32BE((a.ts0 + a.seq * 960) >>> 0, 4);
        send(payload, a.port);
        onWire++;
        a.seq++;
        a.sent++;
        a.octets += AUDIO_PAYLOAD;
      }
    }
    for (const v of video) {
      while (v.emitted * (1000 / v.fps) <= now) {
        const frame = v.frames[v.index]!;
        v.index = (v.index + 1) % v.frames.length;
        const packets = vp8RtpPackets(frame, {
          ssrc: v.ssrc,
          seq: v.seq,
          timestamp: v.ts0 + v.emitted * (90000 / v.fps),
          pictureId: v.pictureId,
          tl0PicIdx: v.tl0,
        });
        queue.push(...packets);
        v.seq = (v.seq + packets.length) & 0xffff;
        v.pictureId = (v.pictureId + 1) & 0x7fff;
        v.tl0 = (v.tl0 + 1) & 0xff;
        v.emitted++;
        v.sent += packets.length;
        v.octets += frame.length;
      }
    }
    // The pacer: a browser spreads a frame's packets at pacing × the target bitrate, key frames over ~100 ms.
    // NOTE: the cap keeps a late tick from bursting; 25 ms of budget lets a delayed thread catch up.
    budget = pacedBytesPerMs > 0 ? Math.min(budget + (now - last) * pacedBytesPerMs, Math.max(4 * 1200, 25 * pacedBytesPerMs)) : Infinity;
    last = now;
    while (queue.length > 0 && budget > 0) {
      const p = queue.shift()!;
      send(p, cfg.video.port);
      onWire++;
      budget -= p.length;
    }
    setTimeout(tick, 2);
  };
  // Sender reports once a second: mediasoup needs them to switch simulcast layers in sync.
  setInterval(() => {
    const elapsed = performance.now() - start;
    const ntp = wall0 + elapsed;
    for (const a of audio) send(senderReport(a.ssrc, ntp, a.ts0 + elapsed * 48, a.sent, a.octets), a.port);
    for (const v of video) send(senderReport(v.ssrc, ntp, v.ts0 + elapsed * 90, v.sent, v.octets), cfg.video.port);
  }, 1000);
  parentPort!.on('message', (m: { op: string }) => {
    if (m.op === 'stats')
      parentPort!.postMessage({ op: 'stats', keyFrameRequests: keyFrameRequestsSeen, sent: onWire, queued: queue.length } satisfies SenderStats);
  });
  tick();
}

interface SenderStats {
  readonly op: 'stats';
  readonly keyFrameRequests: number;
  /** RTP packets sent so far, all streams. */
  readonly sent: number;
  /** Video packets waiting in the pacer. */
  readonly queued: number;
}

// ---------------------------------------------------------------------------------------------
// Sink threads: the listeners' devices. One socket per listener, RTP counted per SSRC.

type ThreadRequest = { op: 'open'; count: number } | { op: 'reset' } | { op: 'report' } | { op: 'stats' };
interface SinkStream {
  readonly ssrc: number;
  readonly received: number;
  readonly expected: number;
}

function runSink(): void {
  const sockets: dgram.Socket[] = [];
  let streams = new Map<number, SequenceCounter>();
  const onMessage = (msg: Buffer) => {
    if (msg.length < 12 || isRtcp(msg)) return;
    const ssrc = msg.readUInt32BE(8);
    let s = streams.get(ssrc);
    if (!s) streams.set(ssrc, (s = new SequenceCounter()));
    s.push(msg.readUInt16BE(2));
  };
  const onRequest = async (m: ThreadRequest): Promise<void> => {
    if (m.op === 'open') {
      const ports: number[] = [];
      for (let i = 0; i < m.count; i++) {
        const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: SINK_BUFFER });
        socket.on('message', onMessage);
        await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
        sockets.push(socket);
        ports.push(socket.address().port);
      }
      parentPort!.postMessage({ op: 'open', ports, recvBufferSize: sockets[0]?.getRecvBufferSize() ?? 0 });
    } else if (m.op === 'reset') {
      streams = new Map();
      parentPort!.postMessage({ op: 'reset' });
    } else if (m.op === 'report') {
      const out: SinkStream[] = [...streams].map(([ssrc, s]) => ({ ssrc, received: s.received, expected: s.expected }));
      parentPort!.postMessage({ op: 'report', streams: out });
    }
  };
  // A failed request is an unhandled rejection: it ends the thread with the error, which the bench reports.
  parentPort!.on('message', (m: ThreadRequest) => void onRequest(m));
}

/** A sender or sink thread, asked one request at a time; each request gets one answer. */
class Thread {
  private chain: Promise<unknown> = Promise.resolve();
  constructor(readonly worker: Worker) {}
  ask<T>(req: ThreadRequest): Promise<T> {
    const answer = this.chain.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          this.worker.once('error', onError);
          this.worker.once('message', (m: T) => {
            this.worker.off('error', onError);
            resolve(m);
          });
          this.worker.postMessage(req);
        }),
    );
    this.chain = answer.catch(() => undefined);
    return answer;
  }
}

// ---------------------------------------------------------------------------------------------
// Main: the server side and the measurement.

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Kernel UDP sockets (/proc/net/udp): drops per local port and per socket inode. */
function udpDrops(): { byPort: Map<number, number>; byInode: Map<number, number> } {
  const byPort = new Map<number, number>();
  const byInode = new Map<number, number>();
  for (const line of fs.readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 13) continue;
    const port = parseInt(f[1]!.split(':')[1]!, 16);
    const drops = Number(f[12]);
    byPort.set(port, (byPort.get(port) ?? 0) + drops);
    byInode.set(Number(f[9]), drops);
  }
  return { byPort, byInode };
}

/** The socket inodes a process holds open (a mediasoup worker's transports and pipes). */
function socketInodes(pid: number): number[] {
  const inodes: number[] = [];
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.push(Number(m[1]));
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

function udpCounters(): Record<string, number> {
  const lines = fs
    .readFileSync('/proc/net/snmp', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('Udp:'));
  const names = lines[0]!.split(/\s+/).slice(1);
  const values = lines[1]!.split(/\s+/).slice(1).map(Number);
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? 0]));
}

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime, stime
}

/** Busy and total jiffies of all cores (/proc/stat). */
function cpuTimes(): { busy: number; steal: number; total: number } {
  // user nice system idle iowait irq softirq steal (guest time is within user)
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, steal: f[7] ?? 0, total };
}

/** Three VP8 layers of a test pattern, encoded once with realtime settings. */
function encodeLayers(dir: string): string[] {
  const ffmpeg = resolveFfmpeg().path;
  const files = LAYERS.map((_, i) => path.join(dir, `layer${i}.ivf`));
  // prettier-ignore
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${CLIP_SECONDS}`,
    '-filter_complex', LAYERS.map((l, i) => `${i === 0 ? '[0:v]split=3[a][b][c];' : ''}[${'abc'[i]}]scale=${l.width}:${l.height},fps=${l.fps}[o${i}]`).join(';'),
    ...LAYERS.flatMap((l, i) => [
      '-map', `[o${i}]`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', `${l.kbps}k`,
      '-minrate', `${l.kbps}k`, '-maxrate', `${l.kbps}k`, '-g', String((GOP_FRAMES * l.fps) / 30), '-keyint_min', String((GOP_FRAMES * l.fps) / 30),
      '-lag-in-frames', '0', '-auto-alt-ref', '0', '-error-resilient', '1', '-pix_fmt', 'yuv420p', '-f', 'ivf', files[i]!,
    ]),
  ];
  const r = spawnSync(ffmpeg, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`ffmpeg could not encode the VP8 layers: ${r.stderr || r.error?.message}`);
  return files;
}

interface Listener {
  readonly index: number;
  readonly transportId: string;
  readonly sinkPort: number;
  readonly consumers: { ssrc: number; kind: 'audio' | 'video'; channel: string; layer: number | null }[];
}

interface Run {
  listeners: number;
  consumers: number;
  workers: number;
  packets_per_s: number;
  loss_pct: number;
  cpu_pct_per_worker: number[];
  consumers_per_worker: number[];
  listeners_per_worker: number[];
  routers: number;
  pipes: number;
  loss_pct_by_stream: Record<string, number>;
  /** Packets per second one consumer of each kind received: shows the simulcast layer really forwarded. */
  pps_per_consumer_by_stream: Record<string, number>;
  loss_pct_per_worker: number[];
  /** RTP packets per second the publishers sent into the workers, and what they should send in real time. */
  ingress_packets_per_s: number;
  ingress_nominal_packets_per_s: number;
  sink_socket_drops: number;
  /** Datagrams dropped at the workers' own sockets (producer ingress, pipe transports) in the window. */
  worker_socket_drops: number[];
  udp_rcvbuf_errors: number;
  udp_sndbuf_errors: number;
  bench_process_cpu_pct: number;
  machine_cpu_busy_pct: number;
  /** CPU time the hypervisor gave to others (of all cores). */
  machine_steal_pct: number;
  /** CPU (% of one core) used by neither the workers nor this process: other load that skews the figures. */
  other_cpu_pct: number;
  setup_s: number;
  /** Other processes took more than a quarter of a core: the workers competed for CPU with them. */
  contended: boolean;
}

async function main(): Promise<void> {
  const counts = arg('listeners', '100,300,700').split(',').map(Number);
  const peersPerWorker = Number(arg('peers-per-worker', '350'));
  const workers = Number(arg('workers', String(os.availableParallelism())));
  const seconds = Number(arg('seconds', '10'));
  const warmup = Number(arg('warmup', '3'));
  const pinnedShare = Number(arg('pinned', '0.1'));
  const sinkThreads = Number(arg('sink-threads', '2'));
  const pacing = Number(arg('pacing', '2.5'));

  // Server modules load only here: the sender and sink threads need none of them.
  const { createLogger } = await import('../server/log');
  const { WorkerPool } = await import('../server/media/worker-pool');
  const { SittingMedia } = await import('../server/media/sitting-media');
  const { workerPidOf } = await import('../server/media/router-set');
  const { EMPTY_FLOOR } = await import('../server/media/topology');

  const log = createLogger('warn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-chamber-'));
  tempDir = dir;
  const threads: Worker[] = [];
  const t0 = performance.now();
  const ivfs = encodeLayers(dir);
  const sizes = ivfs.map((f) => ivfFrames(fs.readFileSync(f)));
  const videoPps = sizes.map(
    (frames, i) =>
      (frames.reduce((a, f) => a + vp8RtpPackets(f, { ssrc: 0, seq: 0, timestamp: 0, pictureId: 0, tl0PicIdx: 0 }).length, 0) / frames.length) * LAYERS[i]!.fps,
  );
  const nominalIngress = Math.round((LANGUAGES.length + 1) * AUDIO_PPS + videoPps.reduce((a, b) => a + b, 0));
  console.log(
    `encoded VP8 layers in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      LAYERS.map(
        (l, i) => `${l.width}x${l.height}@${l.fps} ${Math.round((sizes[i]!.reduce((a, f) => a + f.length, 0) * 8) / CLIP_SECONDS / 1000)} kbit/s`,
      ).join(', '),
  );

  const portRange = { min: 40000, max: 49999 };
  const pool = await WorkerPool.create({ workers, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'warn' }, log);
  const media = await SittingMedia.create({
    sittingId: 'bench-chamber',
    pool,
    log,
    listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange },
    peersPerRouter: peersPerWorker,
  });
  try {
    // Publishers: a podium guest holding the floor, one live interpreter per booth.
    const speaker = { id: 'speaker', roles: ['podium_guest' as const], booth: null };
    const interpreters = LANGUAGES.map((language) => ({
      id: `interp-${language}`,
      roles: ['interpreter' as const],
      booth: { id: `booth-${language}`, language, kind: 'spoken' as const },
    }));
    await media.setFloor({ ...EMPTY_FLOOR, speakers: [speaker.id], liveInterpreters: new Map(interpreters.map((p) => [p.booth.id, p.id])) });
    const caps = media.rtpCapabilities;
    await media.join(speaker, caps, { language: null, sign: false });
    const stage = await media.createPlainTransport(speaker.id, { comedia: true });
    const videoSsrcs = [3001, 3002, 3003];
    const floorAudio = await media.produce(speaker.id, stage.id, {
      kind: 'audio',
      rtpParameters: opusParameters(1000),
      channel: { kind: 'floor' },
      source: 'microphone',
    });
    const floorVideo = await media.produce(speaker.id, stage.id, {
      kind: 'video',
      rtpParameters: vp8SimulcastParameters(videoSsrcs),
      channel: { kind: 'floor' },
      source: 'camera',
    });
    const audioFeeds = [{ ssrc: 1000, port: stage.port }];
    for (const [i, p] of interpreters.entries()) {
      await media.join(p, caps, { language: null, sign: false });
      const t = await media.createPlainTransport(p.id, { comedia: true });
      await media.produce(p.id, t.id, {
        kind: 'audio',
        rtpParameters: opusParameters(2000 + i),
        channel: { kind: 'interpretation', language: p.booth.language },
        source: 'microphone',
      });
      audioFeeds.push({ ssrc: 2000 + i, port: t.port });
    }
    if (!floorAudio.live || !floorVideo.live) throw new Error('the speaker is not live');

    const sender = new Thread(
      thread({
        workerData: {
          role: 'sender',
          pacing,
          audio: audioFeeds,
          video: { port: stage.port, layers: videoSsrcs.map((ssrc, i) => ({ ssrc, ivf: ivfs[i]!, fps: LAYERS[i]!.fps })) },
        } satisfies SenderConfig,
      }),
    );
    threads.push(sender.worker);
    const sinks = Array.from({ length: sinkThreads }, () => new Thread(thread({ workerData: { role: 'sink' } })));
    threads.push(...sinks.map((s) => s.worker));

    // Listeners: a plain-RTP device (no congestion feedback) per member; six languages and the floor only.
    const listenerCaps = plainRtpCapabilities(caps);
    const listeners: Listener[] = [];
    Object.assign(summary, { peers_per_worker: peersPerWorker, seconds, warmup_s: warmup, pinned_share: pinnedShare, pacing });
    const runs = summary.runs;
    let recvBufferSize = 0;
    for (const n of counts) {
      const setupStart = performance.now();
      const toAdd = n - listeners.length;
      // Sockets first, spread over the sink threads.
      const ports: number[][] = await Promise.all(
        sinks.map(async (s, k) => {
          const count = Math.floor(toAdd / sinkThreads) + (k < toAdd % sinkThreads ? 1 : 0);
          const r = await s.ask<{ ports: number[]; recvBufferSize: number }>({ op: 'open', count });
          recvBufferSize = r.recvBufferSize || recvBufferSize;
          return r.ports;
        }),
      );
      const free = ports.flat();
      const next = listeners.length;
      let cursor = next;
      const add = async (): Promise<void> => {
        for (let i = cursor++; i < n; i = cursor++) {
          const id = `member-${i}`;
          const slot = i % 7;
          const language = slot === 0 ? null : LANGUAGES[slot - 1]!;
          const pinned = Math.floor((i + 1) * pinnedShare) > Math.floor(i * pinnedShare); // every 1/pinnedShare-th listener
          const joined = await media.join({ id, roles: ['member'], booth: null }, listenerCaps, { language, sign: false });
          const sinkPort = free[i - next]!;
          const t = await media.createPlainTransport(id, { comedia: false });
          await media.connectTransport(id, t.id, { ip: '127.0.0.1', port: sinkPort });
          const consumers: Listener['consumers'] = [];
          for (const p of joined.producers) {
            const c = await media.consume(id, t.id, p.producerId);
            const consumer = media.consumer(id, c.id);
            let layer: number | null = null;
            if (c.kind === 'video') {
              layer = pinned ? 2 : 0;
              if (pinned) await consumer.setPreferredLayers({ spatialLayer: 2 });
            }
            await consumer.resume();
            consumers.push({ ssrc: c.rtpParameters.encodings![0]!.ssrc!, kind: c.kind, channel: p.channel, layer });
          }
          listeners[i] = { index: i, transportId: t.id, sinkPort, consumers };
        }
      };
      await Promise.all(Array.from({ length: 16 }, add));
      const setupS = (performance.now() - setupStart) / 1000;

      // Which worker each listener landed on: the routers' transports.
      const pids = (await pool.health()).workers.map((w) => w.pid);
      const workerOfTransport = new Map<string, number>();
      for (const router of media.routers.routers) {
        if (router.closed) continue;
        const dump = await router.dump();
        for (const tid of dump.transportIds) workerOfTransport.set(tid, pids.indexOf(workerPidOf(router)));
      }
      const workerOf = (l: Listener) => workerOfTransport.get(l.transportId) ?? -1;
      const consumersPerWorker = pids.map((_, w) => listeners.filter((l) => workerOf(l) === w).reduce((a, l) => a + l.consumers.length, 0));
      const listenersPerWorker = pids.map((_, w) => listeners.filter((l) => workerOf(l) === w).length);

      await sleep(warmup * 1000);

      // The measurement window.
      const workerSockets = pids.map(socketInodes);
      await Promise.all(sinks.map((s) => s.ask({ op: 'reset' })));
      const sent0 = await sender.ask<SenderStats>({ op: 'stats' });
      const cpuW0 = pids.map(processCpuMs);
      const drops0 = udpDrops();
      const snmp0 = udpCounters();
      const cpu0 = cpuTimes();
      const proc0 = process.cpuUsage();
      const w0 = performance.now();
      await sleep(seconds * 1000);
      const [sent1, ...reports] = (await Promise.all([
        sender.ask<SenderStats>({ op: 'stats' }),
        ...sinks.map((s) => s.ask<{ streams: SinkStream[] }>({ op: 'report' })),
      ])) as [SenderStats, ...{ streams: SinkStream[] }[]];
      const wallMs = performance.now() - w0;
      const cpuW1 = pids.map(processCpuMs);
      const proc1 = process.cpuUsage(proc0);
      const cpu1 = cpuTimes();
      const snmp1 = udpCounters();
      const drops1 = udpDrops();

      const streams = new Map(reports.flatMap((r) => r.streams).map((s) => [s.ssrc, s]));
      let received = 0;
      let expected = 0;
      const byKind = new Map<string, { r: number; e: number; n: number }>();
      const byWorker = pids.map(() => ({ r: 0, e: 0 }));
      let silent = 0;
      for (const l of listeners) {
        for (const c of l.consumers) {
          const s = streams.get(c.ssrc);
          if (!s) {
            silent++;
            continue;
          }
          received += s.received;
          expected += s.expected;
          const key = c.kind === 'video' ? `video_L${c.layer}` : c.channel === 'floor' ? 'floor_audio' : 'interpretation_audio';
          const k = byKind.get(key) ?? { r: 0, e: 0, n: 0 };
          k.n++;
          k.r += s.received;
          k.e += s.expected;
          byKind.set(key, k);
          const w = byWorker[workerOf(l)];
          if (w) {
            w.r += s.received;
            w.e += s.expected;
          }
        }
      }
      const pct = (r: number, e: number) => (e > 0 ? round(((e - r) / e) * 100, 3) : 0);
      const sinkDrops = listeners.reduce((a, l) => a + ((drops1.byPort.get(l.sinkPort) ?? 0) - (drops0.byPort.get(l.sinkPort) ?? 0)), 0);
      // Datagrams the kernel dropped because a worker did not read its sockets in time (producer ingress, pipes).
      const workerDrops = workerSockets.map((inodes) => inodes.reduce((a, i) => a + ((drops1.byInode.get(i) ?? 0) - (drops0.byInode.get(i) ?? 0)), 0));
      // NOTE: read from /proc, not worker.getResourceUsage(): a busy worker answers its channel late and the window would stretch.
      const cpuPerWorker = cpuW1.map((ms, i) => round(((ms - cpuW0[i]!) / wallMs) * 100, 1));
      const consumers = listeners.reduce((a, l) => a + l.consumers.length, 0);
      const stats = media.stats();
      const run: Run = {
        listeners: n,
        consumers,
        workers: consumersPerWorker.filter((c) => c > 0).length,
        packets_per_s: Math.round(received / (wallMs / 1000)),
        loss_pct: pct(received, expected),
        cpu_pct_per_worker: cpuPerWorker,
        consumers_per_worker: consumersPerWorker,
        listeners_per_worker: listenersPerWorker,
        routers: stats.routers,
        pipes: stats.pipes,
        loss_pct_by_stream: Object.fromEntries([...byKind].sort().map(([k, v]) => [k, pct(v.r, v.e)])),
        pps_per_consumer_by_stream: Object.fromEntries([...byKind].sort().map(([k, v]) => [k, round(v.r / v.n / (wallMs / 1000), 1)])),
        loss_pct_per_worker: byWorker.map((w) => pct(w.r, w.e)),
        ingress_packets_per_s: Math.round((sent1.sent - sent0.sent) / (wallMs / 1000)),
        ingress_nominal_packets_per_s: nominalIngress,
        sink_socket_drops: sinkDrops,
        worker_socket_drops: workerDrops,
        udp_rcvbuf_errors: (snmp1['RcvbufErrors'] ?? 0) - (snmp0['RcvbufErrors'] ?? 0),
        udp_sndbuf_errors: (snmp1['SndbufErrors'] ?? 0) - (snmp0['SndbufErrors'] ?? 0),
        bench_process_cpu_pct: round(((proc1.user + proc1.system) / 1000 / wallMs) * 100, 1),
        machine_cpu_busy_pct: round(((cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total)) * 100, 1),
        machine_steal_pct: round(((cpu1.steal - cpu0.steal) / (cpu1.total - cpu0.total)) * 100, 1),
        setup_s: round(setupS, 1),
        other_cpu_pct: 0,
        contended: false,
      };
      run.other_cpu_pct = Math.max(
        0,
        round(
          (run.machine_cpu_busy_pct - run.machine_steal_pct) * os.availableParallelism() - run.bench_process_cpu_pct - cpuPerWorker.reduce((a, b) => a + b, 0),
          1,
        ),
      );
      run.contended = run.other_cpu_pct > 25;
      runs.push(run);
      console.log(
        `N=${n}: ${consumers} consumers (per worker ${consumersPerWorker.join('/')}, listeners ${listenersPerWorker.join('/')}), ` +
          `${run.packets_per_s} packets/s forwarded (in: ${run.ingress_packets_per_s} of ${nominalIngress} packets/s), loss ${run.loss_pct} % (per worker ${run.loss_pct_per_worker.join('/')} %; ` +
          Object.entries(run.loss_pct_by_stream)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') +
          `), worker CPU ${cpuPerWorker.join('/')} %, socket drops at sinks ${sinkDrops} / at workers ${workerDrops.join('/')}, udp rcvbuf errors ${run.udp_rcvbuf_errors}, ` +
          `bench process CPU ${run.bench_process_cpu_pct} %, machine ${run.machine_cpu_busy_pct} % busy (steal ${run.machine_steal_pct} %, other processes ${run.other_cpu_pct} % of a core), setup ${run.setup_s} s` +
          (silent > 0 ? `, ${silent} consumers received nothing` : '') +
          (run.contended ? ' -- CONTENDED: other processes competed for the cores, not representative' : ''),
      );
    }
    const senderStats = await sender.ask<SenderStats>({ op: 'stats' });
    console.log(
      `setup: ${workers} workers, peersPerRouter ${peersPerWorker}, ${seconds} s windows after ${warmup} s warm-up, ${Math.round(pinnedShare * 100)} % pinned at layer 2, ` +
        `sinks in ${sinkThreads} threads (SO_RCVBUF ${recvBufferSize} bytes), ${senderStats.keyFrameRequests} key frame requests answered`,
    );
    printSummary();
  } finally {
    for (const t of threads) await t.terminate();
    media.close();
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON line: what the runs measured so far. */
const summary: { bench: 'chamber'; machine: object; incomplete?: true; runs: Run[]; [k: string]: unknown } = {
  bench: 'chamber',
  machine: { cores: os.availableParallelism(), node: process.version },
  runs: [],
};
let tempDir: string | undefined;

function printSummary(): void {
  console.log(JSON.stringify(summary));
}

/** A worker thread running this file; tsx's loader does not reach worker threads on Node 20, so it is imported explicitly. */
function thread(opts: { workerData: unknown }): Worker {
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData: opts.workerData });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

if (isMainThread) {
  const watchdog = setTimeout(() => {
    console.error(`bench:chamber: watchdog: still running after ${WATCHDOG_MS / 1000} s, giving up; the JSON has the runs done so far`);
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    summary.incomplete = true;
    printSummary();
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else if ((workerData as { role: string }).role === 'sender') {
  runSender(workerData as SenderConfig);
} else {
  runSink();
}
