import { readBody } from './read-body';
import Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { rosterFileMaxChars, rosterFilePath, type RosterFileUploaded } from '@contract/roster-files';
import type { AuthUser } from '../auth';
import type { Services } from '../services';
import { ROSTER_FILE_TTL_MS, rosterFileOwner } from '../services/roster-files';

/** Bytes of an upload's body: the largest file as JSON, with room for escapes (UTF-8 of 5 M characters of German names stays well below). */
export const ROSTER_FILE_MAX_BYTES = 12 * 1024 * 1024;

const upload = z.strictObject({
  format: z.enum(['csv', 'json']),
  content: z.string().min(1, 'the file is empty').max(rosterFileMaxChars, `the file has more than ${rosterFileMaxChars} characters; split it`),
});

/**
 * POST /api/admin/roster-files — a roster file for a later previewRosterImport/applyRosterImport
 * (contract/roster-files.ts), for parliament IT. The csrf guard in front (http/csrf.ts) asks a
 * cookie-authenticated upload for JSON and the x-plenum-csrf header, as for /graphql.
 */
export function rosterFileRoutes(services: Services, authenticate: (ctx: Koa.Context) => Promise<AuthUser | null>): Router {
  const router = new Router();
  router.post(rosterFilePath, async (ctx) => {
    const user = await authenticate(ctx);
    if (!user) return ctx.throw(401, 'Sign in first.', { expose: true, code: 'UNAUTHENTICATED' });
    if (!user.roles.includes('it_admin')) return ctx.throw(403, 'You are not allowed to do this.', { expose: true, code: 'FORBIDDEN' });
    const type = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
    if (type !== 'application/json')
      return ctx.throw(415, 'Send the file as application/json: { format, content }.', { expose: true, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const raw = await readBody(ctx, ROSTER_FILE_MAX_BYTES, `The file is larger than ${ROSTER_FILE_MAX_BYTES} bytes.`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return ctx.throw(400, 'The body is not JSON.', { expose: true, code: 'INVALID_INPUT' });
    }
    const parsed = upload.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      return ctx.throw(400, `${first.path.join('.') || 'body'}: ${first.message}`, { expose: true, code: 'INVALID_INPUT' });
    }
    const fileId = services.rosterFiles.put(rosterFileOwner(user), parsed.data);
    const answer: RosterFileUploaded = { fileId, characters: parsed.data.content.length, keptSeconds: ROSTER_FILE_TTL_MS / 1000 };
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = answer;
  });
  return router;
}
