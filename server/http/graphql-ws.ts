import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type execute, type parse, type subscribe, type validate } from 'graphql';
import type { AuthUser } from '../auth';
import type { Logger } from '../log';
import type { PlenumYoga } from './graphql';
import type { Metrics } from './metrics';
import { limitedWebSocketServer, type SocketLimits } from './socket-limits';
import { upgradePath } from './upgrade-router';

export const GRAPHQL_WS_PATH = '/graphql';

/**
 * The client sends a handful of subscriptions when a page opens and graphql-ws pings; documents
 * are small (queries and mutations go over HTTP).
 */
export const GRAPHQL_WS_LIMITS: SocketLimits = { maxPayload: 64 * 1024, burst: 100, perSecond: 20, refuse: serverMessageFromClient };

/** What graphql-transport-ws lets a client send. */
const clientMessageTypes = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);

/**
 * A server's message (`next`, `error`, `connection_ack`) or an unknown type sent by a client:
 * graphql-ws would throw on it, log a stack trace and close with 4500 ("internal error"), so any
 * visitor could fill the log and count as our fault. Malformed JSON is left to graphql-ws (4400).
 */
function serverMessageFromClient(text: string): string | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : undefined;
  return typeof type === 'string' && !clientMessageTypes.has(type) ? 'Invalid message received' : null;
}

/** What Yoga's getEnveloped hands out, typed as graphql-js's own functions (Envelop types them `any`). */
interface Enveloped {
  readonly schema: GraphQLSchema;
  readonly parse: typeof parse;
  readonly validate: typeof validate;
  readonly execute: typeof execute;
  readonly subscribe: typeof subscribe;
  readonly contextFactory: () => unknown;
}

interface Authenticator {
  authenticateRequest(req: http.IncomingMessage): Promise<AuthUser | null>;
  authenticateBearer(token: string): Promise<AuthUser>;
}

/**
 * graphql-ws for upgrades of /graphql on the app's HTTP server, run through Yoga's envelop so the schema,
 * context and error masking are the same as over HTTP. The user is resolved once per connection:
 * the session cookie of the upgrade request, or `authorization: Bearer …` in connectionParams.
 */
export function createGraphQLWebSocket(deps: { yoga: PlenumYoga; auth: Authenticator; log: Logger; metrics: Metrics }) {
  const { yoga, auth, log, metrics } = deps;
  // noServer: the app routes upgrades by path, so other WebSocket endpoints can share the port.
  const wss = limitedWebSocketServer('graphql-ws', GRAPHQL_WS_LIMITS, log);
  const users = new WeakMap<object, AuthUser | null>();

  const disposable = useServer<Record<string, unknown> | undefined, { request: http.IncomingMessage }>(
    {
      onConnect: async (ctx) => {
        try {
          const bearer = ctx.connectionParams?.['authorization'];
          const user =
            typeof bearer === 'string' && bearer.startsWith('Bearer ')
              ? await auth.authenticateBearer(bearer.slice('Bearer '.length))
              : await auth.authenticateRequest(ctx.extra.request);
          users.set(ctx.extra, user);
          metrics.wsConnections.inc();
          return true;
        } catch (error) {
          log.info('graphql-ws | connection refused', { error: String(error) });
          return false;
        }
      },
      onDisconnect: (ctx) => {
        if (users.has(ctx.extra)) metrics.wsConnections.dec();
      },
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped: Enveloped = yoga.getEnveloped({
          user: users.get(ctx.extra) ?? null,
          req: ctx.extra.request,
          params: payload,
        });
        const { schema, execute, subscribe, contextFactory, parse, validate } = enveloped;
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          // A syntax error is the client's: an error message for this operation, not a 4500 close.
          return [error instanceof GraphQLError ? error : new GraphQLError('the query could not be parsed')];
        }
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName ?? null,
          document,
          variableValues: payload.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    },
    wss,
  );

  return {
    /** Takes the upgrade if its path is ours; false leaves it to another handler. */
    handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (upgradePath(req)?.pathname !== GRAPHQL_WS_PATH) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return true;
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
