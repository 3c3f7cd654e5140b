import Router from '@koa/router';
import type { Services } from '../services';
import { ProtocolBusy } from '../services/protocol/public-protocols';

const SITTING = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * /api/public/sittings/:id/protocol.pdf?lang=de|en — the protocol of a closed sitting, for
 * anyone: once the sitting is closed its protocol is a public document. Before the close (a
 * provisional protocol) and for unknown sittings it is a 404, the same answer for both. The PDF is
 * made once and kept (services/protocol/public-protocols.ts); while too many are being made, 503.
 */
export function publicProtocolRoutes(services: Services): Router {
  const router = new Router({ prefix: '/api/public/sittings/:id' });
  router.get('/protocol.pdf', async (ctx) => {
    const id = ctx.params.id ?? '';
    if (!SITTING.test(id)) return ctx.throw(404, 'No such protocol.', { expose: true, code: 'NOT_FOUND' });
    const lang = ctx.query.lang === 'en' ? 'en' : 'de';
    const protocol = await services.publicProtocols.pdf(id, lang).catch((error: unknown) => {
      if (!(error instanceof ProtocolBusy)) throw error;
      ctx.set('Retry-After', '5');
      return ctx.throw(503, error.message, { expose: true, code: 'BUSY' });
    });
    if (!protocol) return ctx.throw(404, 'No such protocol.', { expose: true, code: 'NOT_FOUND' });
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="protocol-${protocol.number}-${lang}.pdf"`);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = protocol.pdf;
  });
  return router;
}
