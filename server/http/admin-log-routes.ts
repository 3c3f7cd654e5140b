import Router from '@koa/router';
import type Koa from 'koa';
import type { AuthUser } from '../auth';
import type { Services } from '../services';

/** /api/admin-log.json — the whole admin log with its verification, for parliament IT only. */
export function adminLogRoutes(services: Services, authenticate: (ctx: Koa.Context) => Promise<AuthUser | null>): Router {
  const router = new Router({ prefix: '/api' });
  router.get('/admin-log.json', async (ctx) => {
    const user = await authenticate(ctx);
    if (!user) return ctx.throw(401, 'Sign in first.', { expose: true, code: 'UNAUTHENTICATED' });
    if (!user.roles.includes('it_admin')) ctx.throw(403, 'You are not allowed to do this.', { expose: true, code: 'FORBIDDEN' });
    const exported = await services.adminLog.export();
    ctx.type = 'application/json';
    ctx.set('Content-Disposition', `attachment; filename="admin-log-${exported.exportedAt.slice(0, 10)}.json"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(exported, null, 2);
  });
  return router;
}
