/**
 * Casting a secret ballot: a plain HTTP POST sent WITHOUT the session (no cookie, no Authorization:
 * fetch with `credentials: 'omit'`), some random time after the token was taken with the GraphQL
 * mutation issueBallotToken. Scheme: RFC 9474 RSABSSA-SHA384-PSS-Randomized (@cloudflare/blindrsa-ts
 * `RSABSSA.SHA384.PSS.Randomized()`), the vote's key in `Vote.secretBallot.publicKey` (SPKI, base64url).
 * Shared by the server's route and the browser. Imports nothing.
 */

export const secretBallotPath = '/api/secret-ballots';

/** The largest body the route reads (the ballot is about 550 bytes of JSON). */
export const secretBallotMaxBytes = 4 * 1024;

/** The body (application/json). Byte strings are unpadded base64url. */
export interface SecretBallotRequest {
  readonly voteId: string;
  /** The prepared message as signed: `suite.prepare(token)`, 32 random prefix bytes then the 32 random token bytes (64 bytes). */
  readonly token: string;
  /** `suite.finalize(…)`: the unblinded signature on `token` (256 bytes). */
  readonly signature: string;
  readonly optionId: string;
}

/** 201 (stored now) or 200 (the same ballot was stored before): the receipt, hex SHA-256 of the 64 token bytes. */
export interface SecretBallotStored {
  readonly tokenHash: string;
}

/**
 * Refusals: `{ errors: [{ message, extensions: { code } }] }` as every route of the server answers,
 * with one of these codes (or a vote rule code such as vote.not_open, vote.expired, vote.token_spent,
 * vote.unknown_option, or INVALID_INPUT, NOT_FOUND, REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE).
 */
export const secretBallotErrorCodes = {
  /** 400: the request carried a Cookie or Authorization header; nothing was stored. */
  mustBeAnonymous: 'ballot.must_be_anonymous',
  /** 400: the signature does not verify under the vote's key (forged, damaged, or another vote's token). */
  badSignature: 'ballot.bad_signature',
  /** 403: sent from a page of an origin the server does not trust. */
  foreignOrigin: 'ballot.foreign_origin',
} as const;
