import { EncryptJWT, jwtDecrypt } from 'jose';

/** What the callback needs to finish a sign-in: kept in the browser, encrypted, for a few minutes. */
export interface LoginState {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A path on this site, already checked. */
  readonly returnTo: string;
}

export const loginStateTtlSeconds = 10 * 60;

/** Encrypted (not just signed) because the PKCE verifier and nonce must stay secret from scripts and logs. */
export async function sealLoginState(key: Uint8Array, s: LoginState): Promise<string> {
  return new EncryptJWT({ st: s.state, no: s.nonce, cv: s.codeVerifier, rt: s.returnTo })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${loginStateTtlSeconds}s`)
    .encrypt(key);
}

/** The state, or undefined when the cookie was forged, damaged or is too old. */
export async function openLoginState(key: Uint8Array, sealed: string): Promise<LoginState | undefined> {
  try {
    const { payload: p } = await jwtDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    if (typeof p.st !== 'string' || typeof p.no !== 'string' || typeof p.cv !== 'string' || typeof p.rt !== 'string') return undefined;
    return { state: p.st, nonce: p.no, codeVerifier: p.cv, returnTo: p.rt };
  } catch {
    return undefined;
  }
}
