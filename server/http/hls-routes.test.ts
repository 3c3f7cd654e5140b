import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app';

describe('/hls', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    dir = path.join(t.app.config.dataDir, 'hls', 'sitting-42');
    fs.mkdirSync(path.join(dir, 'archive'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'master.m3u8'), '#EXTM3U\n');
    fs.writeFileSync(path.join(dir, 'video_00001.ts'), Buffer.alloc(188, 0x47));
    fs.writeFileSync(path.join(dir, 'archive', 'floor.mp4'), Buffer.alloc(16));
    fs.writeFileSync(path.join(dir, 'secret.json'), '{}');
  });
  afterAll(() => t?.stop());

  const get = (p: string) => fetch(`${t.baseUrl}${p}`);

  it('serves playlists uncached and segments immutable, without sign-in, to any site', async () => {
    const playlist = await get('/hls/sitting-42/master.m3u8');
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers.get('cache-control')).toBe('no-cache, no-store');
    expect(playlist.headers.get('access-control-allow-origin')).toBe('*');
    expect(await playlist.text()).toBe('#EXTM3U\n');
    const segment = await get('/hls/sitting-42/video_00001.ts');
    expect(segment.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await segment.arrayBuffer()).byteLength).toBe(188);
    expect((await get('/hls/sitting-42/archive/floor.mp4')).headers.get('content-type')).toBe('video/mp4');
  });

  it('answers 404 to anything but a media file of a sitting', async () => {
    for (const p of [
      '/hls/sitting-42/secret.json',
      '/hls/sitting-42/missing.ts',
      '/hls/sitting-42/..%2F..%2Fpglite%2FPG_VERSION',
      '/hls/..%2Fhls/master.m3u8',
      '/hls/sitting-42/.hidden.m3u8',
      '/hls/sitting-42/archive',
    ]) {
      expect([p, (await get(p)).status]).toEqual([p, 404]);
    }
  });
});
