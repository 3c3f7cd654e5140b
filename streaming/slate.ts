/**
 * The slates the program shows when a video slot has no source, encoded once per broadcast
 * with FFmpeg into one second of VP8 (a key frame, then inter frames) that the slot loops.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseIvf } from './ivf';
import { FONT_FILE } from './fonts';

const run = promisify(execFile);

export interface SlateSpec {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Background colour, FFmpeg syntax (e.g. 0x1b2b48). */
  readonly color: string;
  /** Centred caption; none on a blank slate. */
  readonly text?: string;
}

/**
 * The program's sign-language inset while no interpreter is on air: frames this small tell the
 * filter graph to move the inset off the picture (see program-ffmpeg-args.ts).
 */
export const EMPTY_INSET_SIZE = 16;

/** Encodes `spec` in `dir` (which holds FONT_FILE) and returns the VP8 frames; the first one is a key frame. */
export async function encodeSlate(ffmpeg: string, spec: SlateSpec, dir: string, name: string): Promise<Buffer[]> {
  const ivf = path.join(dir, `${name}.ivf`);
  let filter = 'null';
  if (spec.text) {
    // A text file, not text=…: no filter-graph escaping of whatever the caption holds.
    const textFile = path.join(dir, `${name}.txt`);
    await fs.writeFile(textFile, spec.text);
    filter = `drawtext=fontfile=${FONT_FILE}:expansion=none:textfile=${name}.txt:fontcolor=white:fontsize=${Math.round(spec.height / 10)}:x=(w-tw)/2:y=(h-th)/2`;
  }
  // prettier-ignore
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=${spec.color}:s=${spec.width}x${spec.height}:r=${spec.fps}`,
    '-vf', filter, '-frames:v', String(spec.fps),
    '-c:v', 'libvpx', '-deadline', 'good', '-cpu-used', '4', '-b:v', '300k',
    '-g', String(spec.fps * 10), '-auto-alt-ref', '0', '-lag-in-frames', '0',
    '-f', 'ivf', `${name}.ivf`,
  ];
  await run(ffmpeg, args, { cwd: dir, timeout: 60_000 });
  const video = parseIvf(await fs.readFile(ivf));
  if (video.fourcc !== 'VP80' || video.frames.length === 0) throw new Error(`slate ${name}: FFmpeg wrote no VP8 frames`);
  return [...video.frames];
}
