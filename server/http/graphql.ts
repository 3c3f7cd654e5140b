import type Koa from 'koa';
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

/** What the HTTP and WebSocket edges hand to Yoga: the already authenticated user. */
export interface ServerContext {
  readonly user: AuthUser | null;
}

export type PlenumYoga = YogaServerInstance<ServerContext, GraphQLContext>;

export function createGraphQLServer(deps: { services: Services; log: Logger; graphiql: boolean; mediaAvailable: boolean; broadcasts: GraphQLContext['broadcasts'] }): PlenumYoga {
  const { services, log } = deps;
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Unexpected errors are masked for clients and logged here; GraphQLErrors with codes pass through.
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const masked = maskError(error, message, isDev);
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
    context: ({ user }) => ({ user, services, loaders: createLoaders(services), mediaAvailable: deps.mediaAvailable, broadcasts: deps.broadcasts }),
  });
}

/** Mounts Yoga in Koa without a body parser in front of it; Yoga reads the request itself. */
export function graphqlMiddleware(yoga: PlenumYoga, authenticate: (ctx: Koa.Context) => Promise<AuthUser | null>): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.path !== '/graphql') return next();
    const user = await authenticate(ctx);
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, { user });
    ctx.status = response.status;
    response.headers.forEach((value, key) => ctx.set(key, value));
    if (response.headers.get('content-type')?.startsWith('text/html')) ctx.set('Content-Security-Policy', graphiqlContentSecurityPolicy);
    ctx.body = response.body;
  };
}
