import { readBody } from './read-body';
import Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { secretBallotErrorCodes, secretBallotMaxBytes, secretBallotPath, type SecretBallotStored } from '@contract/secret-ballots';
import { InputError, NotFoundError, RuleViolation } from '../domain/errors';
import { assertCleanText } from '../domain/text';
import type { Services } from '../services';
import { ShuttingDown } from '../services/procedure';
import { BadBallotSignature } from '../services/procedure/secret-ballots';

/** Ballots being handled at once; more are answered 503 (a parliament's burst is some hundreds). */
const MAX_IN_FLIGHT = 1024;

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'unpadded base64url');
const ballot = z.strictObject({
  voteId: z.string().min(1).max(128),
  token: base64url(100),
  signature: base64url(400),
  optionId: z.string().min(1).max(128),
});

/**
 * POST /api/secret-ballots — a secret ballot: the token, its signature, the option (contract/secret-ballots.ts).
 *
 * It must come without the session: a request with a Cookie or Authorization header is refused
 * before anything is read, so that no ballot can be stored beside a sign-in. The route reads no client
 * address, and the request id of a proxy is not taken over (server/http/request-id.ts), so neither
 * this server's log nor its metrics hold anything that points to who sent it.
 *
 * Origin: the ballot is its own authority (a valid signature on an unspent token), so a forged
 * cross-site request could do nothing a member's token did not allow already; still, a page of a
 * foreign origin is refused (403), as every other state-changing request, and CORS lets a trusted
 * origin send it without credentials only (server/http/cors.ts). A request without Origin (an API
 * client, a recount tool) is accepted: anyone holding a valid token may cast it.
 */
export function secretBallotRoutes(services: Services, trustedOrigins: ReadonlySet<string>): Router {
  const router = new Router();
  let inFlight = 0;
  router.post(secretBallotPath, async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    if (ctx.get('cookie') !== '' || ctx.get('authorization') !== '') {
      return ctx.throw(400, 'A secret ballot is sent without the session: no cookie, no Authorization header.', {
        expose: true,
        code: secretBallotErrorCodes.mustBeAnonymous,
      });
    }
    const origin = ctx.get('origin');
    if (origin !== '' && !trustedOrigins.has(origin)) {
      return ctx.throw(403, 'This origin may not cast ballots here.', { expose: true, code: secretBallotErrorCodes.foreignOrigin });
    }
    const type = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
    if (type !== 'application/json') return ctx.throw(415, 'Send the ballot as application/json.', { expose: true, code: 'UNSUPPORTED_MEDIA_TYPE' });
    if (inFlight >= MAX_IN_FLIGHT) {
      ctx.set('Retry-After', '1');
      return ctx.throw(503, 'Too many ballots at once; send it again in a moment.', { expose: true, code: 'BUSY' });
    }
    inFlight += 1;
    try {
      const raw = await readBody(ctx, secretBallotMaxBytes, `A ballot is at most ${secretBallotMaxBytes} bytes.`);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return ctx.throw(400, 'The body is not JSON.', { expose: true, code: 'INVALID_INPUT' });
      }
      const parsed = ballot.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        return ctx.throw(400, `${first.path.join('.') || 'body'}: ${first.message}`, { expose: true, code: 'INVALID_INPUT' });
      }
      assertCleanText(parsed.data);
      const { tokenHash, created } = await services.procedure.secretBallots.castSecretBallot(parsed.data);
      const answer: SecretBallotStored = { tokenHash };
      ctx.status = created ? 201 : 200;
      ctx.body = answer;
    } catch (error) {
      refuse(ctx, error);
    } finally {
      inFlight -= 1;
    }
  });
  return router;
}

/** The service's refusals as HTTP: the rule's code, a status that says whose problem it is. */
function refuse(ctx: Koa.Context, error: unknown): never {
  if (error instanceof BadBallotSignature) return ctx.throw(400, error.message, { expose: true, code: error.code });
  if (error instanceof InputError) return ctx.throw(400, error.message, { expose: true, code: error.code });
  if (error instanceof NotFoundError) return ctx.throw(404, 'No such vote.', { expose: true, code: error.code });
  if (error instanceof RuleViolation) {
    return ctx.throw(error.rule === 'vote.unknown_option' ? 400 : 409, error.message, { expose: true, code: error.rule });
  }
  if (error instanceof ShuttingDown) {
    ctx.set('Retry-After', '1');
    return ctx.throw(503, error.message, { expose: true, code: error.code });
  }
  throw error;
}
