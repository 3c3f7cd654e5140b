import fs from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built Angular client: hashed assets as immutable, everything else that is not a
 * file falls back to index.html (client-side routes), which is never cached.
 */
export function staticClient(root: string): Koa.Middleware {
  const base = path.resolve(root);
  const index = path.join(base, 'index.html');
  return async (ctx, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const rel = safeDecode(ctx.path);
    if (rel === undefined) return ctx.throw(400, 'malformed path');
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) && file !== base) return next();
    const target = isFile(file) ? file : path.extname(rel) === '' && isFile(index) ? index : undefined;
    if (!target) return next();
    const isIndex = target === index;
    ctx.type = types[path.extname(target)] ?? 'application/octet-stream';
    ctx.set(
      'Cache-Control',
      isIndex ? 'no-cache' : /-[A-Z0-9]{8,}\./.test(path.basename(target)) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
    ctx.length = fs.statSync(target).size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(target);
  };
}

function safeDecode(p: string): string | undefined {
  try {
    return decodeURIComponent(p);
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
