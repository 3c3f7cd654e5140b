import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { openDatabase, type DatabaseHandle } from './db/connection';
import { prepareDatabase } from './services/seed';
import { createPlenumPubSub } from './services/pubsub';
import { createServices, type Services } from './services';
import { createAuth, type Auth } from './auth';
import { WorkerPool } from './media/worker-pool';
import { DEFAULT_PEER_QUOTAS } from './media/media-quotas';
import { MediaRegistry } from './media/media-registry';
import { mediaFollowsSitting } from './media/media-follows-sitting';
import { createMediaSignallingSocket, type MediaSignallingSocket } from './media/signalling-socket';
import { mediaParticipantOf } from './http/media-auth';
import { Broadcasts } from './broadcast/broadcasts';
import { createGraphQLServer } from './http/graphql';
import { createGraphQLWebSocket } from './http/graphql-ws';
import { buildHttpApp } from './http/app';
import { createMetrics, measureMedia } from './http/metrics';
import { readinessChecks } from './http/readiness-checks';
import { routeUpgrades, type UpgradeHandler } from './http/upgrade-router';
import { websocketOriginPolicy } from './http/websocket-origin';
import { trustedOrigins } from './config/origins';
import { listenFromConfig } from './config/media-listen';
import { installRoot } from './install-root';
import { HttpDrain } from './http/drain';

/**
 * The graceful stop's bounds. Requests already running (a ballot's commit among them) get
 * DRAIN_REQUESTS_MS to finish; the whole stop, recordings and connections closed, must end within
 * STOP_BOUND_MS, which main.ts enforces with a timer (exit code 1). Both sit under the 10 s an
 * orchestrator waits between SIGTERM and SIGKILL by default (docker stop, compose).
 */
export const DRAIN_REQUESTS_MS = 5_000;
export const STOP_BOUND_MS = 8_000;

export const clientDir = path.join(installRoot, 'dist/client/browser');

/**
 * The composition root: wires database, services, auth, media and HTTP. `create()` does all that can
 * fail; `start()` listens; `stop()` undoes both, in reverse, and is safe to call twice.
 */
export class App {
  private server: http.Server | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly config: Config,
    readonly log: Logger,
    readonly database: DatabaseHandle,
    readonly auth: Auth,
    readonly media: WorkerPool | undefined,
    private readonly handler: ReturnType<typeof buildHttpApp>,
    private readonly drain: HttpDrain,
    private readonly ws: ReturnType<typeof createGraphQLWebSocket>,
    readonly services: Services,
    readonly mediaRegistry: MediaRegistry | undefined,
    private readonly mediaSocket: MediaSignallingSocket | undefined,
    readonly broadcasts: Broadcasts | undefined,
  ) {}

  /** `database`: an already open handle (tests pass one made from a template); the app closes it on stop. */
  static async create(config: Config, opts: { log?: Logger; database?: DatabaseHandle } = {}): Promise<App> {
    const log = opts.log ?? createLogger(config.logLevel, { format: config.logFormat });
    const database =
      opts.database ??
      (await openDatabase(
        config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
      ));
    const cleanup: (() => Promise<void>)[] = [() => database.close()];
    try {
      // The demo parliament only where asked for (development, test, PLENUM_DEMO=1): production starts empty.
      await prepareDatabase(database, { demo: config.demo, log });

      const pubsub = createPlenumPubSub();
      const services = createServices({ db: database.db, pubsub, log: log.child('services'), now: () => new Date() });
      // Re-arm vote timers of sittings that were open when the server stopped.
      await services.procedure.start();
      cleanup.push(async () => services.procedure.stop());
      const auth = await createAuth({ config, db: database.db, log: log.child('auth') });
      cleanup.push(() => auth.close());

      const workers = config.media.workers ?? os.availableParallelism();
      const media =
        workers > 0
          ? await WorkerPool.create(
              { workers, rtcMinPort: config.media.rtcMinPort, rtcMaxPort: config.media.rtcMaxPort, logLevel: config.logLevel },
              log.child('media'),
            )
          : undefined;
      if (media) cleanup.push(() => media.close());
      const registry = media
        ? new MediaRegistry({
            pool: media,
            log: log.child('media'),
            listen: listenFromConfig(config),
            peersPerRouter: config.media.peersPerRouter,
            quotas: { ...DEFAULT_PEER_QUOTAS, consumers: config.media.maxConsumersPerPeer },
            prepare: mediaFollowsSitting({
              pubsub,
              log: log.child('media-follows-sitting'),
              snapshot: services.procedure.snapshot,
              arrangements: services.arrangements.state,
            }),
          })
        : undefined;
      if (registry) cleanup.push(() => registry.close());
      const mediaSocket = registry
        ? createMediaSignallingSocket({
            registry,
            log: log.child('media-socket'),
            authenticate: mediaParticipantOf(auth, services),
            socketsPerPerson: config.media.socketsPerPerson,
            turn: config.media.turn,
            forceRelay: config.media.forceRelay,
          })
        : undefined;
      if (mediaSocket) cleanup.push(() => mediaSocket.close());
      const broadcasts =
        registry && config.broadcast.enabled
          ? new Broadcasts({
              config,
              registry,
              pubsub,
              log: log.child('broadcast'),
              snapshot: services.procedure.snapshot,
              activeSittingIds: services.procedure.activeSittingIds,
              people: services.roster.everyone,
              booths: services.roster.booths,
            })
          : undefined;
      if (broadcasts) {
        await broadcasts.start();
        cleanup.push(() => broadcasts.stop());
      }

      const metrics = createMetrics();
      if (registry) measureMedia(metrics, () => registry.stats());
      const yoga = createGraphQLServer({
        services,
        log: log.child('graphql'),
        graphiql: config.graphiql,
        sseMaxSeconds: config.sseMaxSeconds,
        mediaAvailable: registry !== undefined,
        broadcasts: broadcasts ?? null,
      });
      const drain = new HttpDrain();
      const handler = buildHttpApp({
        drain,
        auth,
        services,
        yoga,
        metrics,
        log: log.child('http'),
        clientDir,
        hlsRoot: path.join(config.dataDir, 'hls'),
        https: config.publicUrl.startsWith('https:'),
        config,
        // /readyz runs these; /healthz answers while the process does and shows their last verdict.
        health: readinessChecks({
          database,
          ...(media && registry
            ? {
                media: {
                  pool: media,
                  registry,
                  peersPerWorker: config.media.peersPerRouter,
                  rtcPorts: { min: config.media.rtcMinPort, max: config.media.rtcMaxPort },
                  onWorkers: (alive) => metrics.mediaWorkers.set(alive),
                },
              }
            : {}),
          ...(broadcasts ? { broadcastPorts: config.broadcast.ports } : {}),
        }),
      });
      const ws = createGraphQLWebSocket({ yoga, auth, log: log.child('graphql-ws'), metrics });
      return new App(config, log, database, auth, media, handler, drain, ws, services, registry, mediaSocket, broadcasts);
    } catch (error) {
      for (const undo of cleanup.reverse()) await undo().catch(() => {});
      throw error;
    }
  }

  /** Listens on HOST:PORT (PORT 0 picks a free port); resolves with the bound port. */
  async start(): Promise<{ port: number }> {
    const callback = this.handler.callback();
    // Koa's handler answers its own errors; the promise only says when it is done.
    const server = http.createServer((req, res) => void callback(req, res));
    routeUpgrades(server, {
      allowOrigin: websocketOriginPolicy(trustedOrigins(this.config)),
      handlers: [this.ws, ...(this.mediaSocket ? [this.mediaSocket] : [])].map(
        (s): UpgradeHandler =>
          (req, socket, head) =>
            s.handleUpgrade(req, socket, head),
      ),
      log: this.log.child('http'),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A vote opens and hundreds of members press at once: a deep accept queue instead of resets.
      server.listen({ port: this.config.port, host: this.config.host, backlog: 4096 }, () => resolve());
    });
    this.server = server;
    return { port: (server.address() as AddressInfo).port };
  }

  /**
   * A graceful stop, safe to call twice. New connections and requests are refused at once; requests
   * running get DRAIN_REQUESTS_MS to finish, and every command they submitted is committed or
   * refused before the database closes (an acknowledged ballot is a stored one). Vote timers are
   * left to the next start, which re-arms them from the record; every broadcast ends with its
   * recordings finalised (end-listed playlists, one MP4 per language up to the stop), and the next
   * start goes on from the archive.
   */
  async stop(): Promise<void> {
    this.stopping ??= this.drainAndClose();
    return this.stopping;
  }

  private async drainAndClose(): Promise<void> {
    const started = performance.now();
    this.drain.begin();
    // Resolves once the listener is closed and the last connection has ended.
    const closed = this.server ? new Promise<void>((resolve) => this.server!.close(() => resolve())) : Promise.resolve();
    this.server?.closeIdleConnections();
    await this.ws.close();
    await this.mediaSocket?.close();
    const inFlight = this.drain.inFlight;
    if (!(await this.drain.idle(DRAIN_REQUESTS_MS)))
      this.log.warn('stop() | requests still running after the drain bound; cutting them', { requests: this.drain.inFlight, boundMs: DRAIN_REQUESTS_MS });
    await this.services.procedure.drain();
    this.services.procedure.stop();
    const requestsMs = Math.round(performance.now() - started);
    await this.broadcasts?.stop();
    await this.mediaRegistry?.close();
    this.server?.closeAllConnections();
    await closed;
    await this.media?.close();
    await this.auth.close();
    await this.database.close();
    this.log.info('stop() | stopped', { requestsAtStop: inFlight, requestsDrainedMs: requestsMs, totalMs: Math.round(performance.now() - started) });
  }
}
