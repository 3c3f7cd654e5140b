import { DEFAULT_PEERS_PER_WORKER } from '../media/worker-settings';
import { DEFAULT_PEER_QUOTAS } from '../media/media-quotas';
import { isTurnUrl, type TurnSettings } from '../media/turn-credentials';
import { z } from 'zod';
import path from 'node:path';
import { refuseUnsafeProduction } from './production';

/** The one place that reads process.env. Every key has a default fit for `npm start` on a laptop. */
const schema = z
  .object({
    /** Port the HTTP server listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to bind; 0.0.0.0 in containers. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** The URL people type; used for OIDC redirects and the printed start-up line. Defaults to http://localhost:PORT. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Where embedded PGlite, media scratch files and HLS output live. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** PostgreSQL connection string; unset means embedded PGlite in DATA_DIR/pglite. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** External OpenID Connect issuer (Keycloak realm URL); unset starts the built-in development provider. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).default('plenum'),
    /** Client secret; required with OIDC_ISSUER, generated for the development provider. */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Expected `aud` of bearer access tokens; unset skips the audience check (Keycloak's default tokens say "account"). */
    OIDC_AUDIENCE: z.string().min(1).optional(),
    /** Secret that signs session cookies; generated per start when unset (sessions then end on restart). */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    // Operations (production start-up): demo data, GraphiQL, log format.
    /** Load the demo parliament (fixtures/parliament.json) into an empty database; default: on in development and test, off in production. */
    PLENUM_DEMO: z.stringbool().optional(),
    /** GraphiQL and schema introspection at /graphql; default: on in development, off otherwise. */
    GRAPHIQL: z.enum(['on', 'off']).optional(),
    /** `json`: one JSON object per line (the default in production); `text`: the readable format (elsewhere). */
    LOG_FORMAT: z.enum(['text', 'json']).optional(),
    /** Number of mediasoup workers; default one per core. */
    MEDIA_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
    /**
     * Peers of a sitting one worker takes before the sitting grows onto another worker (producers
     * are piped there). The default is what `npm run bench:chamber` forwards without loss per core.
     */
    MEDIA_PEERS_PER_WORKER: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_PEERS_PER_WORKER),
    /** Consumers one media peer may hold at once (server/media/media-quotas.ts); raise for chambers with many cameras. */
    MEDIA_MAX_CONSUMERS_PER_PEER: z.coerce.number().int().min(10).max(10_000).default(DEFAULT_PEER_QUOTAS.consumers),
    /** Media signalling sockets one person may hold at once, over all sittings; one more is refused (close code 4003). */
    MEDIA_SOCKETS_PER_PERSON: z.coerce.number().int().min(1).max(100).default(4),
    /** Broadcast every open sitting as HLS with a recording (needs media workers). */
    BROADCAST: z.enum(['on', 'off']).default('on'),
    /** How far back viewers of the live stream can seek, in seconds. */
    HLS_DVR_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    /** Loopback UDP ports for the program's FFmpeg inputs (about 20 per broadcast sitting). */
    BROADCAST_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(39000),
    BROADCAST_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(39499),
    /** The language spoken on the floor (BCP 47), the original audio rendition's LANGUAGE. */
    FLOOR_LANGUAGE: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "de"')
      .default('de'),
    /** UDP/TCP port range for WebRTC and plain transports. */
    RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(40000),
    RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(49999),
    /** Address announced to browsers in ICE candidates; defaults to 127.0.0.1. */
    RTC_ANNOUNCED_ADDRESS: z.string().min(1).optional(),
    /**
     * TURN relay for members whose networks block UDP or allow only 443 (coturn with
     * `use-auth-secret`): comma-separated `turn:`/`turns:` URLs handed to browsers with each join.
     * Unset: no relay, browsers reach the RTC ports directly.
     */
    TURN_URLS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter((u) => u !== ''),
      )
      .pipe(
        z
          .array(
            z.string().refine(isTurnUrl, {
              error: (issue) =>
                `must be comma-separated TURN URLs such as turn:turn.example.org:3478 or turns:turn.example.org:443?transport=tcp (${JSON.stringify(issue.input)} is not one)`,
            }),
          )
          .min(1, 'must name at least one TURN URL'),
      )
      .optional(),
    /** coturn's `static-auth-secret`: signs the credentials Plenum mints per join. Required with TURN_URLS. */
    TURN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Seconds a minted TURN credential lets a browser allocate a relay; a rejoin mints a fresh one. */
    TURN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(3600),
    /** Browsers use only relayed candidates (iceTransportPolicy "relay"): to test the relay, or when the RTC ports are reachable only through it. */
    TURN_FORCE_RELAY: z.stringbool().default(false),
    /** Further origins (besides PUBLIC_URL's) that may call the API with credentials and open its WebSockets: comma-separated `scheme://host[:port]`. */
    CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
      )
      .pipe(z.array(z.string().refine(isOrigin, 'must be comma-separated origins such as https://admin.example.org (no path, no "*")')))
      .default([]),
    /** Believe X-Forwarded-For/-Proto/-Host from one reverse proxy in front; off, they are ignored. */
    TRUST_PROXY: z.stringbool().default(false),
    /** Bearer token that /metrics requires; unset: /metrics answers only direct loopback requests. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How long a GraphQL subscription over HTTP (server-sent events) stays open before it ends cleanly and the client reconnects. */
    SSE_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** development enables GraphiQL and the built-in OpenID provider. */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .superRefine((env, ctx) => {
    refuseUnsafeProduction(env, ctx);
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_SECRET'], message: 'is required when OIDC_ISSUER is set' });
    }
    if (env.BROADCAST_MIN_PORT + 40 > env.BROADCAST_MAX_PORT) {
      ctx.addIssue({ code: 'custom', path: ['BROADCAST_MIN_PORT'], message: 'leave at least 40 ports up to BROADCAST_MAX_PORT' });
    }
    if (env.TURN_URLS && !env.TURN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'is required when TURN_URLS is set' });
    }
    if (env.TURN_FORCE_RELAY && !env.TURN_URLS) {
      ctx.addIssue({ code: 'custom', path: ['TURN_FORCE_RELAY'], message: 'needs TURN_URLS: relay only without a relay connects no one' });
    }
    if (env.RTC_MIN_PORT > env.RTC_MAX_PORT) {
      ctx.addIssue({ code: 'custom', path: ['RTC_MIN_PORT'], message: 'must not exceed RTC_MAX_PORT' });
    }
  });

export type Env = z.input<typeof schema>;

/** Every environment variable the schema reads (scripts/compose.test.ts checks compose.yaml against it). */
export const configVariables: readonly string[] = Object.keys(schema.shape);

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Without a trailing slash. */
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly oidc: {
    /** undefined: use the built-in development provider at `${publicUrl}/oidc`. */
    readonly issuer: string | undefined;
    readonly clientId: string;
    readonly clientSecret: string | undefined;
    readonly audience: string | undefined;
  };
  readonly sessionSecret: string | undefined;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Operations: whether an empty database gets the demo parliament, GraphiQL and introspection are on, and how logs are written. */
  readonly demo: boolean;
  readonly graphiql: boolean;
  readonly logFormat: 'text' | 'json';
  readonly media: {
    readonly workers: number | undefined;
    readonly peersPerRouter: number;
    readonly maxConsumersPerPeer: number;
    readonly socketsPerPerson: number;
    readonly rtcMinPort: number;
    readonly rtcMaxPort: number;
    readonly announcedAddress: string;
    /** undefined: no TURN relay (TURN_URLS unset). */
    readonly turn: TurnSettings | undefined;
    /** Browsers use only relayed candidates. */
    readonly forceRelay: boolean;
  };
  readonly broadcast: {
    readonly enabled: boolean;
    readonly dvrSeconds: number;
    readonly ports: { readonly min: number; readonly max: number };
    readonly floorLanguage: string;
  };
  readonly env: 'development' | 'production' | 'test';
  /** Origins besides PUBLIC_URL's allowed to call with credentials (CORS, Origin checks). */
  readonly corsOrigins: readonly string[];
  /** Koa's `proxy`: whether X-Forwarded-* headers are believed. */
  readonly trustProxy: boolean;
  readonly metricsToken: string | undefined;
  /** Seconds a GraphQL subscription over server-sent events may stay open. */
  readonly sseMaxSeconds: number;
}

/** `scheme://host[:port]` exactly as a browser sends it in `Origin` (a trailing slash is tolerated). */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '').toLowerCase();
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.') || '(environment)';
        const value = present[key];
        return `${key}: ${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
      }),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    oidc: Object.freeze({
      issuer: e.OIDC_ISSUER?.replace(/\/+$/, ''),
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      audience: e.OIDC_AUDIENCE,
    }),
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    demo: e.PLENUM_DEMO ?? e.NODE_ENV !== 'production',
    graphiql: (e.GRAPHIQL ?? (e.NODE_ENV === 'development' ? 'on' : 'off')) === 'on',
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'text'),
    media: Object.freeze({
      workers: e.MEDIA_WORKERS,
      peersPerRouter: e.MEDIA_PEERS_PER_WORKER,
      maxConsumersPerPeer: e.MEDIA_MAX_CONSUMERS_PER_PEER,
      socketsPerPerson: e.MEDIA_SOCKETS_PER_PERSON,
      rtcMinPort: e.RTC_MIN_PORT,
      rtcMaxPort: e.RTC_MAX_PORT,
      announcedAddress: e.RTC_ANNOUNCED_ADDRESS ?? '127.0.0.1',
      turn: e.TURN_URLS && e.TURN_SECRET ? Object.freeze({ urls: Object.freeze(e.TURN_URLS), secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_S }) : undefined,
      forceRelay: e.TURN_FORCE_RELAY,
    }),
    broadcast: Object.freeze({
      enabled: e.BROADCAST === 'on',
      dvrSeconds: e.HLS_DVR_SECONDS,
      ports: Object.freeze({ min: e.BROADCAST_MIN_PORT, max: e.BROADCAST_MAX_PORT }),
      floorLanguage: e.FLOOR_LANGUAGE,
    }),
    env: e.NODE_ENV,
    corsOrigins: Object.freeze(e.CORS_ORIGINS.map((o) => new URL(o).origin)),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    sseMaxSeconds: e.SSE_MAX_SECONDS,
  });
}
