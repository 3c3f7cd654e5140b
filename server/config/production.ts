import type { z } from 'zod';

/** The parsed keys the production refusals look at (a subset of the schema in ./index.ts). */
interface ProductionKeys {
  readonly NODE_ENV: 'development' | 'production' | 'test';
  readonly SESSION_SECRET?: string | undefined;
  readonly PUBLIC_URL?: string | undefined;
  readonly TRUST_PROXY: boolean;
  readonly OIDC_ISSUER?: string | undefined;
  readonly OIDC_AUDIENCE?: string | undefined;
}

/** Secrets that ship in this repository (compose.yaml, .env.example, tests): known to everyone who reads it. */
const publishedSecrets = new Set(['change-me-to-a-long-random-string-of-32-or-more-chars', 'plenum-test-session-secret-0123456789abcdef']);

/** A placeholder someone forgot to replace, or a secret too repetitive to be random. */
export function isPlaceholderSecret(secret: string): boolean {
  if (publishedSecrets.has(secret)) return true;
  if (/change.?me|replace|example|default|placeholder|secret|password|plenum/i.test(secret)) return true;
  return new Set(secret).size < 10;
}

/**
 * What production refuses even though each value is valid on its own: a development convenience
 * left on would make the deployment unsafe. Each refusal names the variable to set.
 */
export function refuseUnsafeProduction(env: ProductionKeys, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV !== 'production') return;
  const refuse = (key: keyof ProductionKeys, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (!env.SESSION_SECRET) {
    refuse('SESSION_SECRET', 'is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)');
  } else if (isPlaceholderSecret(env.SESSION_SECRET)) {
    refuse('SESSION_SECRET', 'is a placeholder or demo value; set at least 32 random characters (e.g. `openssl rand -base64 48`)');
  }
  if (!env.PUBLIC_URL) {
    refuse('PUBLIC_URL', 'is required in production (the https:// URL people use)');
  } else if (env.PUBLIC_URL.startsWith('http:') && !env.TRUST_PROXY) {
    refuse('PUBLIC_URL', 'is http: in production; use https:, or set TRUST_PROXY=true when a TLS-terminating proxy is in front');
  }
  if (!env.OIDC_ISSUER) {
    refuse('OIDC_ISSUER', 'is required in production; the built-in development provider does not run there');
  } else if (!env.OIDC_AUDIENCE) {
    refuse('OIDC_AUDIENCE', 'is required in production with an external issuer, so that tokens minted for other clients are refused');
  }
}
