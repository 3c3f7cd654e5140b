/**
 * Bench helper: a synthetic camera whose every frame carries the wall clock at which Node made
 * it, as a barcode, so the picture itself says when it was captured. Node draws grey frames
 * (15 fps) into an FFmpeg that encodes them to VP8 RTP into a comedia plain transport, as
 * streaming/lavfi-feeds.ts does for its solid colours. Whoever shows the picture later (the
 * program's HLS segments, a browser playing them) reads the barcode back: now − stamp is the
 * glass-to-glass latency, capture to display.
 *
 * The barcode: the low 40 bits of Date.now() and an 8-bit XOR check in a 8 × 6 grid of
 * 40 × 24 px cells at the top of the 320 × 240 picture (white = 1, black = 0), big enough to
 * survive VP8, the program's scaling (letterboxed to 480 × 360 in the 640 × 360 program) and H.264.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolveFfmpeg } from '../streaming/ffmpeg-path';
import { FEED_VIDEO_PT } from '../streaming/lavfi-feeds';

export const STAMP = {
  width: 320,
  height: 240,
  fps: 15,
  cols: 8,
  rows: 6,
  cellWidth: 40,
  cellHeight: 24,
  dataBits: 40,
  /** Where the camera's picture lands in the 640 × 360 program: letterboxed, scaled by 1.5. */
  program: { x: 80, y: 0, scale: 1.5 },
} as const;

const ONE = 235;
const ZERO = 16;
const BACKGROUND = 128;

/** The 48 bits a stamp is drawn as: 40 of the clock (least significant first), then the check byte. */
export function stampBits(ms: number): number[] {
  const low = ms % 2 ** STAMP.dataBits;
  const bits: number[] = [];
  for (let k = 0; k < STAMP.dataBits; k++) bits.push(Math.floor(low / 2 ** k) % 2);
  let check = 0;
  for (let byte = 0; byte < STAMP.dataBits / 8; byte++) check ^= Math.floor(low / 2 ** (8 * byte)) % 256;
  for (let k = 0; k < 8; k++) bits.push((check >> k) & 1);
  return bits;
}

/**
 * The stamp in 48 bits read off a picture, or null when the check fails. The clock's high bits
 * come from `near` (the reader's clock), the stamp being the one within 2^39 ms of it.
 */
export function readStamp(bits: readonly number[], near: number): number | null {
  if (bits.length !== STAMP.cols * STAMP.rows) return null;
  let low = 0;
  for (let k = 0; k < STAMP.dataBits; k++) low += bits[k]! * 2 ** k;
  let check = 0;
  for (let byte = 0; byte < STAMP.dataBits / 8; byte++) check ^= Math.floor(low / 2 ** (8 * byte)) % 256;
  let read = 0;
  for (let k = 0; k < 8; k++) read |= bits[STAMP.dataBits + k]! << k;
  if (read !== check) return null;
  const span = 2 ** STAMP.dataBits;
  const base = near - (near % span);
  const candidates = [base - span + low, base + low, base + span + low];
  return candidates.reduce((best, c) => (Math.abs(c - near) < Math.abs(best - near) ? c : best));
}

/** Centre of cell `k` in the camera's own picture. */
export function cellCentre(k: number): { x: number; y: number } {
  const col = k % STAMP.cols;
  const row = Math.floor(k / STAMP.cols);
  return { x: col * STAMP.cellWidth + STAMP.cellWidth / 2, y: row * STAMP.cellHeight + STAMP.cellHeight / 2 };
}

/** Reads the 48 bits from a luma (or grey) picture of the camera scaled by `scale` and placed at (x0, y0). */
export function bitsFromLuma(luma: Uint8Array | Buffer, stride: number, x0: number, y0: number, scale: number): number[] {
  const bits: number[] = [];
  const halfW = Math.floor((STAMP.cellWidth * scale) / 4);
  const halfH = Math.floor((STAMP.cellHeight * scale) / 4);
  for (let k = 0; k < STAMP.cols * STAMP.rows; k++) {
    const c = cellCentre(k);
    const cx = Math.round(x0 + c.x * scale);
    const cy = Math.round(y0 + c.y * scale);
    let sum = 0;
    let n = 0;
    for (let y = cy - halfH; y < cy + halfH; y++) {
      for (let x = cx - halfW; x < cx + halfW; x++) {
        sum += luma[y * stride + x]!;
        n++;
      }
    }
    bits.push(sum / n > 126 ? 1 : 0);
  }
  return bits;
}

export function drawFrame(frame: Buffer, ms: number): void {
  frame.fill(BACKGROUND);
  const bits = stampBits(ms);
  for (let k = 0; k < bits.length; k++) {
    const col = k % STAMP.cols;
    const row = Math.floor(k / STAMP.cols);
    const value = bits[k] ? ONE : ZERO;
    for (let y = row * STAMP.cellHeight; y < (row + 1) * STAMP.cellHeight; y++) {
      frame.fill(value, y * STAMP.width + col * STAMP.cellWidth, y * STAMP.width + (col + 1) * STAMP.cellWidth);
    }
  }
}

export class StampedCamera {
  private readonly timer: NodeJS.Timeout;
  private errors = '';
  private frames = 0;
  private skipped = 0;

  private constructor(private readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    child.stdin!.on('error', () => undefined);
    const frame = Buffer.alloc(STAMP.width * STAMP.height);
    this.timer = setInterval(() => {
      if (!child.stdin!.writable || child.stdin!.writableLength > frame.length) {
        this.skipped++;
        return;
      }
      drawFrame(frame, Date.now());
      child.stdin!.write(Buffer.from(frame));
      this.frames++;
    }, 1000 / STAMP.fps);
  }

  /**
   * Starts the camera into `port` (a comedia plain transport) with `ssrc`. The encoder keeps no
   * frames back (realtime, no lag) and sends a key frame every 5 frames, as lavfi-feeds does.
   */
  static start(port: number, ssrc: number): StampedCamera {
    // prettier-ignore
    const args = [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'rawvideo', '-pix_fmt', 'gray', '-video_size', `${STAMP.width}x${STAMP.height}`, '-framerate', String(STAMP.fps),
      '-use_wallclock_as_timestamps', '1', '-fflags', 'nobuffer', '-probesize', '32', '-analyzeduration', '0', '-i', 'pipe:0',
      '-fps_mode', 'passthrough',
      '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-lag-in-frames', '0', '-b:v', '400k', '-g', '5', '-pix_fmt', 'yuv420p',
      '-payload_type', String(FEED_VIDEO_PT),
      '-f', 'rtp', '-rtpflags', 'skip_rtcp', '-ssrc', String(ssrc), `rtp://127.0.0.1:${port}?pkt_size=1200`,
    ];
    return new StampedCamera(spawn(resolveFfmpeg().path, args, { stdio: ['pipe', 'ignore', 'pipe'] }));
  }

  get stderr(): string {
    return this.errors;
  }

  get counters(): { frames: number; skipped: number } {
    return { frames: this.frames, skipped: this.skipped };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}
