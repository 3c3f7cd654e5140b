import type Koa from 'koa';
import { boundedDocumentCache } from './document-cache';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { schema } from '../graphql';
import { createLoaders } from '../graphql/loaders';
import type { GraphQLContext } from '../graphql/context';
import type { AuthUser } from '../auth';
import type { Services } from '../services';
import type { Logger } from '../log';
import { graphiqlContentSecurityPolicy } from './security-headers';
import { csrfHeader } from './csrf';
import { bodyTooLargeResponse, BodyTooLarge, readBodyWithin } from './graphql-body';
import { useResultLimits, useSseLifetime } from './graphql-result-limits';
import { useCostLimits } from './graphql-cost';

/** What the HTTP and WebSocket edges hand to Yoga: the already authenticated user. */
export interface ServerContext {
  readonly user: AuthUser | null;
}

export type PlenumYoga = YogaServerInstance<ServerContext, GraphQLContext>;

export function createGraphQLServer(deps: {
  services: Services;
  log: Logger;
  graphiql: boolean;
  mediaAvailable: boolean;
  broadcasts: GraphQLContext['broadcasts'];
  /** How long a subscription over HTTP (server-sent events) may stay open. */
  sseMaxSeconds: number;
}): PlenumYoga {
  const { services, log } = deps;
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Unexpected errors (database errors among them) are masked for clients and logged here; GraphQLErrors
    // with codes pass through. Never in development mode either: its masked errors carry the original message.
    maskedErrors: {
      maskError: (error, message) => {
        const masked = maskError(error, message, false);
        if (masked !== error) log.error('graphql | unexpected error', { error: String((error as { originalError?: unknown }).originalError ?? error) });
        return masked;
      },
    },
    graphiql: deps.graphiql ? { title: 'Plenum GraphQL', subscriptionsProtocol: 'WS', additionalHeaders: { [csrfHeader]: '1' } } : false,
    // Yoga's default CORS reflects any origin with credentials; corsAllowList answers CORS in Koa instead.
    cors: false,
    renderGraphiQL,
    landingPage: false,
    logging: false,
    // A parsed document takes about 115 times its source in memory (tokens and locations): 128 KB of
    // sources is some 15 MB. The client's operations together are about 20 KB.
    parserAndValidationCache: {
      documentCache: boundedDocumentCache({ maxChars: 128 * 1024, maxSourceChars: 16 * 1024 }),
      errorCache: boundedDocumentCache({ maxChars: 32 * 1024, maxSourceChars: 4 * 1024 }),
    },
    plugins: [useCostLimits({ introspection: deps.graphiql }), useResultLimits(), useSseLifetime(deps.sseMaxSeconds)],
    context: ({ user }) => ({ user, services, loaders: createLoaders(services), mediaAvailable: deps.mediaAvailable, broadcasts: deps.broadcasts }),
  });
}

/** Mounts Yoga in Koa without a body parser in front of it; Yoga reads the request itself. */
export function graphqlMiddleware(yoga: PlenumYoga, authenticate: (ctx: Koa.Context) => Promise<AuthUser | null>): Koa.Middleware {
  return async (ctx, next: () => Promise<void>) => {
    if (ctx.path !== '/graphql') return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      try {
        // Read within the limit before Yoga parses anything; whatwg-node takes the bytes from `body`.
        Object.assign(ctx.req, { body: await readBodyWithin(ctx.req) });
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        const refusal = bodyTooLargeResponse();
        ctx.status = refusal.status;
        ctx.type = 'application/json';
        ctx.set('Connection', 'close');
        ctx.body = refusal.body;
        return;
      }
    }
    const user = await authenticate(ctx);
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, { user });
    ctx.status = response.status;
    response.headers.forEach((value, key) => ctx.set(key, value));
    if (response.headers.get('content-type')?.startsWith('text/html')) ctx.set('Content-Security-Policy', graphiqlContentSecurityPolicy);
    ctx.body = response.body;
  };
}
