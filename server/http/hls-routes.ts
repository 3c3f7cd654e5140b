import fs from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import type Koa from 'koa';

const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.aac': 'audio/aac',
  '.vtt': 'text/vtt; charset=utf-8',
};
/** Names FFmpeg and the caption writer give files: no dots up front, no separators. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const SITTING = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * One `bytes=` range of a Range header (the only kind players send); null for none, a malformed
 * header or several ranges (the whole file is then sent, as HTTP allows).
 */
export function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * The public stream at /hls/<sitting>/<file>, no sign-in (the public watches). Playlists change
 * every second and are never cached; a segment never changes once written and is immutable, so
 * any cache or CDN in front can keep it. Anything but a known media file under the sitting's
 * folder is a 404.
 */
export function hlsRoutes(hlsRoot: string): Router {
  const root = path.resolve(hlsRoot);
  const router = new Router();
  router.get('/hls/:sitting/:dir/:file', (ctx) => serve(ctx, [ctx.params['sitting'], ctx.params['dir'], ctx.params['file']]));
  router.get('/hls/:sitting/:file', (ctx) => serve(ctx, [ctx.params['sitting'], ctx.params['file']]));

  function serve(ctx: Koa.Context, parts: (string | undefined)[]): void {
    const [sitting, ...rest] = parts;
    const type = TYPES[path.extname(rest.at(-1) ?? '')];
    if (!sitting || !SITTING.test(sitting) || !type || !rest.every((p) => p !== undefined && SEGMENT.test(p))) return ctx.throw(404);
    const file = path.join(root, sitting, ...(rest as string[]));
    let size: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return ctx.throw(404);
      size = stat.size;
    } catch {
      return ctx.throw(404);
    }
    ctx.type = type;
    ctx.set('Cache-Control', file.endsWith('.m3u8') ? 'no-cache, no-store' : 'public, max-age=31536000, immutable');
    // Players on other sites (the press, the parliament's own pages) may embed the stream.
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Accept-Ranges', 'bytes');
    const range = byteRange(ctx.get('Range'), size);
    if (range === 'unsatisfiable') {
      ctx.set('Content-Range', `bytes */${size}`);
      return ctx.throw(416);
    }
    if (range) {
      // A recording's viewer seeks (a chapter, the timeline): the browser asks for the part it needs.
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      ctx.length = range.end - range.start + 1;
      ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file, range);
      return;
    }
    ctx.length = size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
  }
  return router;
}
