import type Koa from 'koa';

/** Reads a request body up to `limit` bytes as UTF-8; past it, 413 with `tooLarge` without reading on. */
export async function readBody(ctx: Koa.Context, limit: number, tooLarge: string): Promise<string> {
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > limit) ctx.throw(413, tooLarge, { expose: true, code: 'REQUEST_TOO_LARGE' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      ctx.req.destroy();
      ctx.throw(413, tooLarge, { expose: true, code: 'REQUEST_TOO_LARGE' });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
