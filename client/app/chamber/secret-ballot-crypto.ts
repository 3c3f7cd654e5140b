import { RSABSSA } from '@cloudflare/blindrsa-ts';

/**
 * The member's half of a secret ballot's cryptography: RFC 9474 RSABSSA-SHA384-PSS-Randomized with
 * @cloudflare/blindrsa-ts (prepare → blind → the server's blind signature → finalize). What the
 * server verifies and hashes is the prepared message (the library's 32 random prefix bytes, then
 * the 32 random token bytes): that is the ballot's `token` (contract/secret-ballots.ts), and the
 * receipt is hex SHA-256 of those 64 bytes, as server/services/procedure/ballot-keys.ts computes it.
 */

/** Random bytes of the token itself; `prepare` puts as many random bytes before them. */
export const tokenBytes = 32;

const suite = () => RSABSSA.SHA384.PSS.Randomized();

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The vote's public key (SPKI, base64url) as the library wants it: RSA-PSS with SHA-384, extractable (it reads n and e). */
export function importBallotKey(spki: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64url(spki), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
}

/** A fresh token, prepared and blinded; everything base64url so that it can be kept in storage as it is. */
export interface BlindedToken {
  /** The prepared message (64 bytes): sent as the ballot's `token` once signed. */
  readonly prepared: string;
  /** What the server signs without seeing the token (256 bytes). */
  readonly blindedMessage: string;
  /** The unblinding secret; never leaves the browser. */
  readonly inv: string;
}

export async function blindToken(publicKey: string): Promise<BlindedToken> {
  const key = await importBallotKey(publicKey);
  const prepared = suite().prepare(crypto.getRandomValues(new Uint8Array(tokenBytes)));
  const { blindedMsg, inv } = await suite().blind(key, prepared);
  return { prepared: toBase64url(prepared), blindedMessage: toBase64url(blindedMsg), inv: toBase64url(inv) };
}

/**
 * Unblinds the server's answer into the signature on the prepared token. The library verifies it
 * under the key before returning, so a wrong key or a damaged answer fails here, not at the ballot box.
 */
export async function finalizeToken(publicKey: string, blinded: BlindedToken, blindSignature: string): Promise<string> {
  const key = await importBallotKey(publicKey);
  const signature = await suite().finalize(key, fromBase64url(blinded.prepared), fromBase64url(blindSignature), fromBase64url(blinded.inv));
  return toBase64url(signature);
}

/** The receipt: hex SHA-256 of the prepared token's bytes. */
export async function tokenHashOf(prepared: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64url(prepared)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
