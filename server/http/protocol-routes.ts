import Router from '@koa/router';
import type Koa from 'koa';
import type { AuthUser } from '../auth';
import { NotFoundError } from '../domain/errors';
import type { Services } from '../services';
import { protocolJson } from '../domain/protocol/protocol';
import { ProtocolBusy } from '../services/protocol/public-protocols';

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
    ctx.body = await services.renderProtocolPdf(protocol, lang).catch((error: unknown) => {
      if (!(error instanceof ProtocolBusy)) throw error;
      ctx.set('Retry-After', '5');
      return ctx.throw(503, error.message, { expose: true, code: 'BUSY' });
    });
  });
  return router;
}
