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
    ctx.length = size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
  }
  return router;
}
