// Tests: one FFmpeg process that plays a sine tone as Opus RTP into several plain
// transports at once, one RTP stream (own SSRC, own destination port) per target. One process
// for many feeds keeps a two-core machine responsive; each output is encoded separately.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolveFfmpeg } from '../../streaming/ffmpeg-path';

/** Where one feed goes: a comedia plain transport's port and the SSRC its producer announces. */
export interface FeedTarget {
  readonly port: number;
  readonly ssrc: number;
}

/** The payload type opusParameters() announces (server/media/rtp-probe.ts), i.e. the router's Opus type. */
export const FEED_PAYLOAD_TYPE = 100;

export class FfmpegFeed {
  private errors = '';

  private constructor(private readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
  }

  /**
   * Starts streaming to every target in real time (20 ms Opus frames, ~50 packets/s each).
   * NOTE: `skip_rtcp`: FFmpeg sends RTCP from a second local port to the target port + 1, which
   * in a shared port range may be another comedia transport of the test. A comedia transport
   * with rtcp-mux learns its remote tuple from its first packet, RTP or RTCP, and would then
   * ignore the feed meant for it.
   */
  static start(targets: readonly FeedTarget[], host = '127.0.0.1'): FfmpegFeed {
    if (targets.length === 0) throw new Error('FfmpegFeed.start(): no targets');
    // prettier-ignore
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      ...targets.flatMap((t) => [
        '-map', '0:a', '-c:a', 'libopus', '-ac', '1', '-b:a', '24k', '-application', 'lowdelay',
        '-compression_level', '0', '-frame_duration', '20',
        '-f', 'rtp', '-rtpflags', 'skip_rtcp', '-ssrc', String(t.ssrc), '-payload_type', String(FEED_PAYLOAD_TYPE),
        `rtp://${host}:${t.port}?pkt_size=1200`,
      ]),
    ];
    return new FfmpegFeed(spawn(resolveFfmpeg().path, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
  }

  /** What FFmpeg wrote to stderr (at log level error): empty while all is well. */
  get stderr(): string {
    return this.errors;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the process and waits for it to exit. Idempotent. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}
