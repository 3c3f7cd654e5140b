/**
 * Why a sign-in or a token was refused. The HTTP layer maps `status`; GraphQL maps `code`.
 * Never thrown for "nobody signed in": that is a null user, not an error.
 */
export type AuthErrorCode =
  /** Bearer token malformed, badly signed, for another audience or issuer, or not an access token. */
  | 'INVALID_TOKEN'
  /** Bearer token well formed and signed but past its `exp`. */
  | 'TOKEN_EXPIRED'
  /** The authorization-code callback failed: bad state, refused by the provider, code exchange failed. */
  | 'LOGIN_FAILED'
  /** Discovery, the token endpoint or the JWKS could not be reached. */
  | 'ISSUER_UNREACHABLE'
  /** The account is not bound, and the username it claims names a person bound to another account. */
  | 'IDENTITY_CONFLICT'
  /** The configuration cannot work (the development provider in production, plain http to a remote issuer). */
  | 'MISCONFIGURED';

const statusOf: Record<AuthErrorCode, number> = {
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  LOGIN_FAILED: 400,
  ISSUER_UNREACHABLE: 503,
  IDENTITY_CONFLICT: 403,
  MISCONFIGURED: 500,
};

export class AuthError extends Error {
  readonly status: number;
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
    this.status = statusOf[code];
  }
}
