/**
 * The cryptography of secret ballots: RFC 9474 RSABSSA-SHA384-PSS-Randomized, the variant the browser
 * runs with @cloudflare/blindrsa-ts (prepare, blind, finalize). The server's two steps are plain RSA:
 * - BlindSign (RFC 9474 § 4.3): s = m^d mod n, checked by m = s^e mod n. Done with OpenSSL's raw RSA
 *   (CRT, ~1–3 ms): the library's own blindSign computes m^d in JavaScript without CRT, which would hold
 *   the event loop far longer per token.
 * - Verify (§ 4.5): RSASSA-PSS with SHA-384, MGF1-SHA384, 48-byte salt over the prepared message.
 * Key pairs are made off the event loop (libuv's thread pool): the loop stays free while the primes
 * are searched for (seconds on a busy machine).
 */
import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPair, privateDecrypt, publicEncrypt, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

/** RSA-2048: every blinded message and signature is exactly this many bytes. */
export const MODULUS_BYTES = 256;
/** The prepared message the browser has signed: a 32-byte random prefix (the Randomized variant) and the 32-byte token. */
export const PREPARED_TOKEN_BYTES = 64;
/** RFC 9474's RSABSSA-SHA384-PSS: the salt is as long as the hash. */
const SALT_BYTES = 48;

export interface VoteKeyPair {
  /** SPKI (rsaEncryption), base64url: what the record pins and the browser imports as RSA-PSS / SHA-384. */
  readonly publicKey: string;
  /** PKCS#8, base64url. */
  readonly privateKey: string;
}

export async function generateVoteKey(): Promise<VoteKeyPair> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: MODULUS_BYTES * 8, publicExponent: 65537 });
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64url'),
  };
}

/** Parsed keys of the few votes in use, so a burst of tokens parses each key once. */
const cache = new Map<string, KeyObject>();
function keyOf(encoded: string, kind: 'public' | 'private'): KeyObject {
  const hit = cache.get(encoded);
  if (hit) return hit;
  const der = Buffer.from(encoded, 'base64url');
  const key = kind === 'public' ? createPublicKey({ key: der, format: 'der', type: 'spki' }) : createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (cache.size >= 32) cache.clear();
  cache.set(encoded, key);
  return key;
}

/** A blinded message that is no RSA input for this key (≥ n): refused, nothing signed. */
export class NotSignable extends Error {}

/** RSASP1 then RSAVP1 (RFC 9474 § 4.3): the blind signature, or NotSignable. */
export function blindSign(privateKey: string, blindedMessage: Buffer): Buffer {
  if (blindedMessage.length !== MODULUS_BYTES) throw new NotSignable(`a blinded message has ${MODULUS_BYTES} bytes`);
  const key = keyOf(privateKey, 'private');
  let signature: Buffer;
  try {
    signature = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, blindedMessage);
  } catch {
    // OpenSSL refuses an input not below the modulus.
    throw new NotSignable('the blinded message is not below the modulus');
  }
  // A fault in the private operation must never leak: the signature has to verify before it leaves.
  const back = publicEncrypt({ key: createPublicKey(key), padding: constants.RSA_NO_PADDING }, signature);
  if (!back.equals(blindedMessage)) throw new Error('blind signing failed its own check');
  return signature;
}

/** RSASSA-PSS-VERIFY of the prepared token under the vote's public key. */
export function verifyToken(publicKey: string, preparedToken: Buffer, signature: Buffer): boolean {
  if (preparedToken.length !== PREPARED_TOKEN_BYTES || signature.length !== MODULUS_BYTES) return false;
  try {
    return verify('sha384', preparedToken, { key: keyOf(publicKey, 'public'), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_BYTES }, signature);
  } catch {
    return false;
  }
}

/** The receipt and the record's key of a ballot: hex SHA-256 of the token as sent (the prepared message). */
export function tokenHashOf(preparedToken: Buffer): string {
  return createHash('sha256').update(preparedToken).digest('hex');
}
