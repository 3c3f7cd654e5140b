/**
 * Test and bench helper: one FFmpeg process that plays synthetic cameras (solid colours) and
 * microphones (sine tones) as VP8/Opus RTP into comedia plain transports, one RTP stream per
 * target. One process for all feeds keeps a two-core machine responsive.
 *
 * NOTE: FFmpeg ignores key-frame requests, so cameras send a key frame every `keyFrameEvery`
 * frames on their own; a program switch waits for the next one, as it would for a browser's
 * answer to a PLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { types } from 'mediasoup';
import { resolveFfmpeg } from './ffmpeg-path';

/** A synthetic camera or microphone, and the SSRC its RTP carries. */
export type LavfiSource =
  { readonly kind: 'video'; readonly color: string; readonly ssrc: number } | { readonly kind: 'audio'; readonly frequency: number; readonly ssrc: number };

/** A source and the plain transport port it plays into. */
export type LavfiFeed = LavfiSource & { readonly port: number };

export const FEED_VIDEO_PT = 101;
export const FEED_AUDIO_PT = 100;
export const FEED_SIZE = { width: 320, height: 240, fps: 15, keyFrameEvery: 5 } as const;

/** What a producer fed by `feed` announces to mediasoup. */
export function feedRtpParameters(feed: LavfiFeed): types.RtpParameters {
  return feed.kind === 'video'
    ? { codecs: [{ mimeType: 'video/VP8', payloadType: FEED_VIDEO_PT, clockRate: 90_000 }], encodings: [{ ssrc: feed.ssrc }] }
    : { codecs: [{ mimeType: 'audio/opus', payloadType: FEED_AUDIO_PT, clockRate: 48_000, channels: 2 }], encodings: [{ ssrc: feed.ssrc }] };
}

export class LavfiFeeds {
  private errors = '';

  private constructor(private readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
  }

  /** Starts every feed in real time. `skip_rtcp`: see test/support/ffmpeg-feed.ts (comedia learns from the first packet). */
  static start(feeds: readonly LavfiFeed[]): LavfiFeeds {
    const { width, height, fps, keyFrameEvery } = FEED_SIZE;
    const inputs = feeds.flatMap((f) =>
      f.kind === 'video'
        ? ['-re', '-f', 'lavfi', '-i', `color=c=${f.color}:s=${width}x${height}:r=${fps}`]
        : ['-re', '-f', 'lavfi', '-i', `sine=frequency=${f.frequency}:sample_rate=48000`],
    );
    // prettier-ignore
    const outputs = feeds.flatMap((f, i) => [
      '-map', `${i}:0`,
      ...(f.kind === 'video'
        ? ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '150k', '-g', String(keyFrameEvery), '-pix_fmt', 'yuv420p', '-payload_type', String(FEED_VIDEO_PT)]
        : ['-c:a', 'libopus', '-ac', '2', '-b:a', '32k', '-application', 'lowdelay', '-frame_duration', '20', '-payload_type', String(FEED_AUDIO_PT)]),
      '-f', 'rtp', '-rtpflags', 'skip_rtcp', '-ssrc', String(f.ssrc), `rtp://127.0.0.1:${f.port}?pkt_size=1200`,
    ]);
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', ...inputs, ...outputs];
    return new LavfiFeeds(spawn(resolveFfmpeg().path, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
  }

  get stderr(): string {
    return this.errors;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}
