import Router from '@koa/router';
import { NotFoundError } from '../domain/errors';
import type { Services } from '../services';
import { protocolPdf } from '../services/protocol/protocol-pdf';

const SITTING = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * /api/public/sittings/:id/protocol.pdf?lang=de|en — the protocol of a closed sitting, for
 * anyone: once the sitting is closed its protocol is a public document. Before the close (a
 * provisional protocol) and for unknown sittings it is a 404, the same answer for both.
 */
export function publicProtocolRoutes(services: Services): Router {
  const router = new Router({ prefix: '/api/public/sittings/:id' });
  router.get('/protocol.pdf', async (ctx) => {
    const id = ctx.params.id ?? '';
    if (!SITTING.test(id)) return ctx.throw(404, 'No such protocol.', { expose: true, code: 'NOT_FOUND' });
    const lang = ctx.query.lang === 'en' ? 'en' : 'de';
    const protocol = await services.procedure.protocol(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!protocol || protocol.phase !== 'closed') return ctx.throw(404, 'No such protocol.', { expose: true, code: 'NOT_FOUND' });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="protocol-${protocol.sitting.number}-${lang}.pdf"`);
    ctx.body = await protocolPdf(protocol, lang);
  });
  return router;
}
