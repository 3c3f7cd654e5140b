/**
 * Which FFmpeg and ffprobe binaries the streaming pipeline runs.
 *
 * Order for ffmpeg: FFMPEG_BIN (also what ffmpeg-static honours) → ffmpeg-static's downloaded
 * binary → /usr/bin/ffmpeg → `ffmpeg` on PATH. ffmpeg-static's install step fails without
 * internet and can leave a partial file behind, so a candidate counts only if it runs.
 * ffprobe: FFPROBE_BIN → /usr/bin/ffprobe → PATH (no npm package ships ffprobe here).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FfmpegSource = 'ffmpeg-static' | 'system' | 'env';

export interface ResolvedBinary<S extends string = FfmpegSource> {
  readonly path: string;
  readonly source: S;
}

export interface ResolveOptions {
  /** Environment to read FFMPEG_BIN / FFPROBE_BIN / PATH from; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directories holding the distribution's binaries; defaults to /usr/bin. */
  readonly systemDirs?: readonly string[];
  /** Whether to consider ffmpeg-static's binary; defaults to true. */
  readonly useFfmpegStatic?: boolean;
}

export class FfmpegNotFoundError extends Error {
  readonly code = 'FFMPEG_NOT_FOUND' as const;
  constructor(
    readonly binary: 'ffmpeg' | 'ffprobe',
    /** Each candidate looked at and why it was not used. */
    readonly tried: readonly string[],
  ) {
    const envVar = binary === 'ffmpeg' ? 'FFMPEG_BIN' : 'FFPROBE_BIN';
    super(
      `${binary} not found (tried: ${tried.join('; ')}). ` +
        `Install Debian's ffmpeg (sudo apt-get install ffmpeg, or sudo bash scripts/system-deps.sh) or set ${envVar}.`,
    );
    this.name = 'FfmpegNotFoundError';
  }
}

const require = createRequire(import.meta.url);
/** Answers of `<bin> -version` by path, so repeated resolution costs one spawn per binary. */
const runsCache = new Map<string, boolean>();

export function resolveFfmpeg(options: ResolveOptions = {}): ResolvedBinary<FfmpegSource> {
  const env = options.env ?? process.env;
  const tried: string[] = [];
  const fromEnv = env['FFMPEG_BIN'];
  if (fromEnv) {
    // An explicit choice that does not work is an error, not a reason to pick another binary.
    if (runs(fromEnv)) return { path: fromEnv, source: 'env' };
    throw new FfmpegNotFoundError('ffmpeg', [`FFMPEG_BIN=${fromEnv}: ${whyNot(fromEnv)}`]);
  }
  if (options.useFfmpegStatic ?? true) {
    const staticBin = ffmpegStaticPath();
    if (staticBin && runs(staticBin)) return { path: staticBin, source: 'ffmpeg-static' };
    tried.push(`ffmpeg-static (${staticBin ? `${staticBin}: ${whyNot(staticBin)}` : 'package not installed'})`);
  }
  return { path: findSystem('ffmpeg', env, options.systemDirs, tried), source: 'system' };
}

export function resolveFfprobe(options: ResolveOptions = {}): ResolvedBinary<'system' | 'env'> {
  const env = options.env ?? process.env;
  const fromEnv = env['FFPROBE_BIN'];
  if (fromEnv) {
    if (runs(fromEnv)) return { path: fromEnv, source: 'env' };
    throw new FfmpegNotFoundError('ffprobe', [`FFPROBE_BIN=${fromEnv}: ${whyNot(fromEnv)}`]);
  }
  return { path: findSystem('ffprobe', env, options.systemDirs, []), source: 'system' };
}

function findSystem(
  name: 'ffmpeg' | 'ffprobe',
  env: Readonly<Record<string, string | undefined>>,
  systemDirs: readonly string[] = ['/usr/bin'],
  tried: string[],
): string {
  const pathDirs = (env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const candidates = [...new Set([...systemDirs, ...pathDirs].map((dir) => path.join(dir, name)))];
  for (const candidate of candidates) {
    if (runs(candidate)) return candidate;
    if (fs.existsSync(candidate)) tried.push(`${candidate}: ${whyNot(candidate)}`);
  }
  tried.push(`${name} in ${systemDirs.join(', ')} and on PATH: not found`);
  throw new FfmpegNotFoundError(name, tried);
}

/**
 * Where ffmpeg-static's install step puts its binary. Computed rather than taken from the
 * package's export, which is FFMPEG_BIN from process.env when set (handled before this).
 */
function ffmpegStaticPath(): string | null {
  try {
    const dir = path.dirname(require.resolve('ffmpeg-static'));
    return path.join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
  } catch {
    return null;
  }
}

function runs(bin: string): boolean {
  let known = runsCache.get(bin);
  if (known === undefined) {
    known = spawnSync(bin, ['-version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    // Only remember success: a failed candidate may be installed a moment later.
    if (known) runsCache.set(bin, known);
  }
  return known;
}

function whyNot(bin: string): string {
  if (!fs.existsSync(bin)) return 'missing';
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    return 'not executable';
  }
  return 'does not run `-version`';
}
