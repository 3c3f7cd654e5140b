/**
 * The browser's side of a secret ballot, as the web client runs it: @cloudflare/blindrsa-ts,
 * RFC 9474 RSABSSA-SHA384-PSS-Randomized (prepare, blind, finalize), for tests and the bench that
 * play the member.
 */
import { createHash } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';

const suite = RSABSSA.SHA384.PSS.Randomized();

export interface BlindedToken {
  /** The prepared message (random prefix + token): what the ballot sends as `token`. */
  readonly prepared: Uint8Array;
  readonly blindedMessage: string;
  /** Unblinds the server's answer (and checks it): the ballot's token and signature. */
  finalize(blindSignature: string): Promise<{ token: string; signature: string }>;
}

/** A fresh 32-byte token for the vote's key (SPKI, base64url), prepared and blinded. */
export async function blindToken(publicKey: string): Promise<BlindedToken> {
  const key = await crypto.subtle.importKey('spki', Buffer.from(publicKey, 'base64url'), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  const prepared = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await suite.blind(key, prepared);
  return {
    prepared,
    blindedMessage: Buffer.from(blindedMsg).toString('base64url'),
    async finalize(blindSignature: string) {
      const signature = await suite.finalize(key, prepared, Buffer.from(blindSignature, 'base64url'), inv);
      return { token: Buffer.from(prepared).toString('base64url'), signature: Buffer.from(signature).toString('base64url') };
    },
  };
}

/** The receipt a member keeps: hex SHA-256 of the prepared token. */
export const receiptOf = (token: string) => createHash('sha256').update(Buffer.from(token, 'base64url')).digest('hex');

/** What the ballot box answers: the token hash stored, or the refusal. */
export interface BallotBoxAnswer {
  readonly tokenHash?: string;
  readonly errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a ballot as the browser does: no cookie, no Authorization. */
export async function castSecretBallot(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: BallotBoxAnswer }> {
  const res = await fetch(`${baseUrl}/api/secret-ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    credentials: 'omit',
  });
  return { status: res.status, body: (await res.json()) as BallotBoxAnswer };
}
