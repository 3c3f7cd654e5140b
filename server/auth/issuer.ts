import * as client from 'openid-client';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AuthError } from './errors';

/** The OpenID provider as a client sees it: discovered lazily, because the development provider
 * lives in this very process and the HTTP server may not listen yet when auth is created. */
export interface IssuerConnection {
  readonly issuer: string;
  /** openid-client's configuration; cached after the first success, retried after a failure. */
  configuration(): Promise<client.Configuration>;
  /** Keys for verifying access tokens with jose. */
  keys(): Promise<JWTVerifyGetKey>;
}

export interface IssuerOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Plain-http issuer allowed (loopback or not production); decided by the caller. */
  allowHttp: boolean;
  /** The development provider's public keys: verified in-process instead of fetching our own /jwks. */
  localKeys?: JSONWebKeySet;
}

export function connectIssuer(opts: IssuerOptions): IssuerConnection {
  let discovered: Promise<client.Configuration> | undefined;
  let keys: JWTVerifyGetKey | undefined = opts.localKeys ? createLocalJWKSet(opts.localKeys) : undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(new URL(opts.issuer), opts.clientId, undefined, client.ClientSecretBasic(opts.clientSecret), {
        execute: opts.allowHttp ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((cause: unknown) => {
        discovered = undefined;
        throw new AuthError('ISSUER_UNREACHABLE', `OpenID discovery of ${opts.issuer} failed: ${describe(cause)}`, { cause });
      });
    return discovered;
  };

  return {
    issuer: opts.issuer,
    configuration,
    keys: async () => {
      if (keys) return keys;
      const jwksUri = (await configuration()).serverMetadata().jwks_uri;
      if (!jwksUri) throw new AuthError('MISCONFIGURED', `${opts.issuer} publishes no jwks_uri`);
      // jose caches the set and refetches on an unknown kid (rate-limited by its cooldown).
      keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000 });
      return keys;
    },
  };
}

export function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.message}${cause}`;
}
