import Router from '@koa/router';
import type Koa from 'koa';
import type { AuthUser } from '../auth';
import { NotFoundError } from '../domain/errors';
import type { Services } from '../services';
import { protocolJson } from '../domain/protocol/protocol';
import { protocolPdf } from '../services/protocol/protocol-pdf';

/** /api/sittings/:id/protocol.json and .pdf?lang=de|en — for signed-in users and API clients. */
export function protocolRoutes(services: Services, authenticate: (ctx: Koa.Context) => Promise<AuthUser | null>): Router {
  const router = new Router({ prefix: '/api/sittings/:id' });
  router.use(async (ctx, next) => {
    if (!(await authenticate(ctx))) ctx.throw(401, 'Sign in first.', { expose: true, code: 'UNAUTHENTICATED' });
    try {
      await next();
    } catch (error) {
      if (error instanceof NotFoundError) ctx.throw(404, error.message, { expose: true, code: error.code });
      throw error;
    }
  });
  router.get('/protocol.json', async (ctx) => {
    ctx.type = 'application/json';
    ctx.body = protocolJson(await services.procedure.protocol(ctx.params.id!));
  });
  router.get('/protocol.pdf', async (ctx) => {
    const lang = ctx.query.lang === 'en' ? 'en' : 'de';
    const protocol = await services.procedure.protocol(ctx.params.id!);
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="protocol-${protocol.sitting.number}-${lang}.pdf"`);
    ctx.body = await protocolPdf(protocol, lang);
  });
  return router;
}
