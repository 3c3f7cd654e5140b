import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegNotFoundError, resolveFfmpeg, resolveFfprobe } from './ffmpeg-path';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-ffmpeg-path-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A directory holding one executable shell script called `name`. */
function dirWithScript(dirName: string, name: string, body: string): string {
  const dir = path.join(scratch, dirName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

describe('resolveFfmpeg', () => {
  it('finds an ffmpeg that runs on this machine', () => {
    const found = resolveFfmpeg({ env: { PATH: process.env['PATH'] } });
    expect(['ffmpeg-static', 'system']).toContain(found.source);
    const version = spawnSync(found.path, ['-hide_banner', '-version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^ffmpeg version /);
  });

  it('takes FFMPEG_BIN when it runs', () => {
    const real = resolveFfmpeg({ env: { PATH: process.env['PATH'] } }).path;
    expect(resolveFfmpeg({ env: { FFMPEG_BIN: real } })).toEqual({ path: real, source: 'env' });
  });

  it('refuses an FFMPEG_BIN that does not run instead of silently using another binary', () => {
    const notExecutable = path.join(scratch, 'not-ffmpeg');
    fs.writeFileSync(notExecutable, 'partial download', { mode: 0o644 });
    const attempt = () => resolveFfmpeg({ env: { FFMPEG_BIN: notExecutable, PATH: process.env['PATH'] } });
    expect(attempt).toThrow(FfmpegNotFoundError);
    expect(attempt).toThrow(/FFMPEG_BIN=.*not-ffmpeg: not executable/);
  });

  it('skips a candidate that exists but fails, and takes the next one on PATH', () => {
    const broken = dirWithScript('broken', 'ffmpeg', 'exit 1');
    const working = dirWithScript('working', 'ffmpeg', 'echo "ffmpeg version test"');
    const found = resolveFfmpeg({
      env: { PATH: [broken, working].join(path.delimiter) },
      systemDirs: [],
      useFfmpegStatic: false,
    });
    expect(found).toEqual({ path: path.join(working, 'ffmpeg'), source: 'system' });
  });

  it('throws a typed error naming what it tried and how to fix it when there is none', () => {
    const empty = path.join(scratch, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    let error: unknown;
    try {
      resolveFfmpeg({ env: { PATH: empty }, systemDirs: [empty], useFfmpegStatic: false });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FfmpegNotFoundError);
    const notFound = error as FfmpegNotFoundError;
    expect(notFound.code).toBe('FFMPEG_NOT_FOUND');
    expect(notFound.binary).toBe('ffmpeg');
    expect(notFound.message).toContain('apt-get install ffmpeg');
    expect(notFound.message).toContain('FFMPEG_BIN');
  });
});

describe('resolveFfprobe', () => {
  it('finds the system ffprobe', () => {
    const found = resolveFfprobe({ env: { PATH: process.env['PATH'] } });
    expect(found.source).toBe('system');
    const version = spawnSync(found.path, ['-hide_banner', '-version'], { encoding: 'utf8' });
    expect(version.stdout).toMatch(/^ffprobe version /);
  });

  it('throws FfmpegNotFoundError for ffprobe when none is there', () => {
    const empty = path.join(scratch, 'empty-probe');
    fs.mkdirSync(empty, { recursive: true });
    expect(() => resolveFfprobe({ env: { PATH: empty }, systemDirs: [empty] })).toThrow(/ffprobe not found.*FFPROBE_BIN/);
  });
});
