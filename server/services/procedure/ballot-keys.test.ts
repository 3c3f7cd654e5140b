import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { blindToken } from '../../../test/support/blind-ballot';
import { blindSign, generateVoteKey, MODULUS_BYTES, NotSignable, tokenHashOf, verifyToken } from './ballot-keys';

describe('the cryptography of secret ballots (RFC 9474 RSABSSA-SHA384-PSS-Randomized)', () => {
  it('makes a key pair off the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const keys = await Promise.all([generateVoteKey(), generateVoteKey()]);
    delay.disable();
    // Seconds of prime search on a busy machine, while the loop stays free (threads of libuv).
    expect(delay.max / 1e6, `${Math.round(performance.now() - started)} ms to make two keys`).toBeLessThan(100);
    expect(keys[0].publicKey).toHaveLength(392);
  }, 60_000);

  it('signs what the browser library blinds, as the library itself would, and the library unblinds it to a valid signature', async () => {
    const key = await generateVoteKey();
    const b = await blindToken(key.publicKey);
    const blinded = Buffer.from(b.blindedMessage, 'base64url');
    const mine = blindSign(key.privateKey, blinded);
    // The library's own blindSign (RSASP1 in JavaScript, no CRT: about a second) gives the same bytes.
    const suite = RSABSSA.SHA384.PSS.Randomized();
    const priv = await crypto.subtle.importKey('pkcs8', Buffer.from(key.privateKey, 'base64url'), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['sign']);
    expect(Buffer.from(await suite.blindSign(priv, blinded)).equals(mine)).toBe(true);
    const { token, signature } = await b.finalize(mine.toString('base64url'));
    expect(verifyToken(key.publicKey, Buffer.from(token, 'base64url'), Buffer.from(signature, 'base64url'))).toBe(true);
    expect(tokenHashOf(Buffer.from(token, 'base64url'))).toMatch(/^[0-9a-f]{64}$/);
    // Another token, another key, a damaged signature: no.
    const other = await generateVoteKey();
    expect(verifyToken(other.publicKey, Buffer.from(token, 'base64url'), Buffer.from(signature, 'base64url'))).toBe(false);
    const damaged = Buffer.from(signature, 'base64url');
    damaged[10] = damaged[10]! ^ 1;
    expect(verifyToken(key.publicKey, Buffer.from(token, 'base64url'), damaged)).toBe(false);
    expect(verifyToken(key.publicKey, Buffer.alloc(64), Buffer.from(signature, 'base64url'))).toBe(false);
  }, 60_000);

  it('refuses a blinded message of the wrong size or not below the modulus', async () => {
    const key = await generateVoteKey();
    expect(() => blindSign(key.privateKey, Buffer.alloc(MODULUS_BYTES - 1, 1))).toThrow(NotSignable);
    expect(() => blindSign(key.privateKey, Buffer.alloc(MODULUS_BYTES, 0xff))).toThrow(NotSignable);
  }, 60_000);
});
