import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * A 32-byte key for one purpose, derived from SESSION_SECRET so that every use has its own key and
 * they survive a restart; without a secret, random for this process (pending logins then end on restart).
 */
export function deriveKey(sessionSecret: string | undefined, purpose: string): Buffer {
  if (sessionSecret === undefined) return randomBytes(32);
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'plenum', purpose, 32));
}

/** 256 random bits, base64url: session ids and the like. */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}
