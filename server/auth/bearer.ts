import { errors, jwtVerify } from 'jose';
import { AuthError } from './errors';
import type { IssuerConnection } from './issuer';
import { userFromClaims, type ClaimedUser } from './user';

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Header `typ` values of access tokens: RFC 9068, and plain JWT (Keycloak). */
const accessTokenTypes = new Set(['at+jwt', 'application/at+jwt', 'jwt']);

export interface BearerOptions {
  issuer: IssuerConnection;
  /** Required `aud`; undefined skips the check (Keycloak's default access tokens say "account"). */
  audience: string | undefined;
  clientId: string;
}

/** Verified tokens are remembered until they expire (at most this many), so a client's every request does not pay a signature check. */
const CACHE_LIMIT = 10_000;

/** Verifies a JWT access token (signature, iss, exp, aud) and says whom it names. */
export function createBearerVerifier(opts: BearerOptions, now: () => Date = () => new Date()): (token: string) => Promise<ClaimedUser> {
  const verified = new Map<string, { user: ClaimedUser; expiresAt: number }>();
  const verify = verifier(opts);
  return async (raw) => {
    const token = raw.trim().replace(/^bearer\s+/i, '');
    const hit = verified.get(token);
    if (hit && hit.expiresAt > now().getTime()) return hit.user;
    if (hit) verified.delete(token);
    const { user, exp } = await verify(token);
    if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
    verified.set(token, { user, expiresAt: exp * 1000 });
    return user;
  };
}

function verifier(opts: BearerOptions): (token: string) => Promise<{ user: ClaimedUser; exp: number }> {
  return async (token) => {
    if (!jwtShape.test(token)) throw new AuthError('INVALID_TOKEN', 'the bearer token is not a JWT');
    const keys = await opts.issuer.keys();
    let verified;
    try {
      verified = await jwtVerify(token, keys, {
        issuer: opts.issuer.issuer,
        ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 5,
      });
    } catch (err) {
      throw toAuthError(err);
    }
    const { payload, protectedHeader } = verified;
    if (protectedHeader.typ !== undefined && !accessTokenTypes.has(protectedHeader.typ.toLowerCase())) {
      throw new AuthError('INVALID_TOKEN', `a ${protectedHeader.typ} token is not an access token`);
    }
    // Keycloak marks its ID and refresh tokens with a `typ` claim; only access tokens say Bearer.
    if (payload.typ !== undefined && payload.typ !== 'Bearer') {
      throw new AuthError('INVALID_TOKEN', `a ${typeof payload.typ === 'string' ? payload.typ : JSON.stringify(payload.typ)} token is not an access token`);
    }
    const user = userFromClaims(payload, opts.clientId, 'bearer');
    if (!user) throw new AuthError('INVALID_TOKEN', 'the bearer token names no subject');
    return { user, exp: payload.exp! };
  };
}

function toAuthError(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) return new AuthError('TOKEN_EXPIRED', 'the bearer token has expired', { cause: err });
  if (err instanceof errors.JWKSTimeout) return new AuthError('ISSUER_UNREACHABLE', 'the issuer’s keys could not be fetched in time', { cause: err });
  if (err instanceof errors.JOSEError) return new AuthError('INVALID_TOKEN', `the bearer token is invalid: ${err.message}`, { cause: err });
  // Anything else comes from fetching the remote key set.
  return new AuthError('ISSUER_UNREACHABLE', 'the issuer’s keys could not be fetched', { cause: err });
}
