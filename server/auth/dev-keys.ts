import fs from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { AuthError } from './errors';

export interface DevSigningKeys {
  /** Private keys, as oidc-provider's `jwks` option wants them. */
  readonly privateJwks: { keys: JWK[] };
  /** The same keys without private parts: what /oidc/jwks publishes. */
  readonly publicJwks: JSONWebKeySet;
}

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * The development provider's signing key, kept in DATA_DIR/oidc-jwks.json so that tokens and
 * sessions signed before a restart still verify after it; created on first start.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevSigningKeys> {
  const file = path.join(dataDir, 'oidc-jwks.json');
  let keys: JWK[];
  try {
    keys = parseKeys(JSON.parse(await fs.readFile(file, 'utf8')), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof AuthError) throw err;
      throw new AuthError('MISCONFIGURED', `${file} is not a readable JSON key set; delete it to have a new key made`, { cause: err });
    }
    keys = [await generateSigningKey()];
    await fs.mkdir(dataDir, { recursive: true });
    // Write then rename, so a crash never leaves half a key file behind.
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600 });
    await fs.rename(tmp, file);
  }
  return {
    privateJwks: { keys },
    publicJwks: { keys: keys.map((k) => Object.fromEntries(Object.entries(k).filter(([m]) => !(privateMembers as readonly string[]).includes(m)))) },
  };
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' };
}

function parseKeys(json: unknown, file: string): JWK[] {
  const keys = (json as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new AuthError('MISCONFIGURED', `${file} holds no "keys"`);
  for (const k of keys as JWK[]) {
    if (typeof k !== 'object' || k === null || typeof k.kty !== 'string' || typeof k.d !== 'string') {
      throw new AuthError('MISCONFIGURED', `${file} must hold private signing keys (with "d")`);
    }
  }
  return keys as JWK[];
}
