import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import type { AuthUser } from '../auth';
import type { Logger } from '../log';
import type { PlenumYoga } from './graphql';
import type { Metrics } from './metrics';

type Enveloped = ReturnType<PlenumYoga['getEnveloped']>;

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
  const wss = new WebSocketServer({ noServer: true });
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
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          user: users.get(ctx.extra) ?? null,
          req: ctx.extra.request,
          params: payload,
        });
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName ?? null,
          document: parse(payload.query),
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
    handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
