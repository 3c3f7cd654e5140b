import type { Config } from '.';

/**
 * The origins this deployment trusts with the session cookie: PUBLIC_URL's and CORS_ORIGINS.
 * CORS, the CSRF guard and logout's Origin check all ask this one set.
 */
export function trustedOrigins(config: Pick<Config, 'publicUrl' | 'corsOrigins'>): ReadonlySet<string> {
  return new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
}

/**
 * Whether a browser request may act with the session cookie: its `Origin` is trusted, or it has
 * none and `Sec-Fetch-Site` (when sent) says it came from this site or from the user. Clients
 * outside browsers send neither header; they cannot be made to carry someone else's cookie.
 */
export function requestFromTrustedOrigin(
  headers: { origin?: string | undefined; 'sec-fetch-site'?: string | string[] | undefined },
  trusted: ReadonlySet<string>,
): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return trusted.has(origin);
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
