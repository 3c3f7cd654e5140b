import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openLoginState, sealLoginState } from './login-state';
import { parseCookies, serializeCookie } from './cookies';
import { deriveKey } from './secrets';

const state = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43), returnTo: '/chair' };

describe('the pending sign-in cookie', () => {
  it('round-trips under the same key, and hides its content', async () => {
    const key = deriveKey('a secret of at least thirty-two characters', 'login state');
    const sealed = await sealLoginState(key, state);
    expect(sealed).not.toContain('/chair');
    expect(await openLoginState(key, sealed)).toEqual(state);
  });

  it('is refused under another key or when altered', async () => {
    const key = randomBytes(32);
    const sealed = await sealLoginState(key, state);
    expect(await openLoginState(randomBytes(32), sealed)).toBeUndefined();
    const parts = sealed.split('.');
    parts[3] = parts[3]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await openLoginState(key, parts.join('.'))).toBeUndefined();
    expect(await openLoginState(key, sealed)).toEqual(state);
  });

  it('derives distinct, stable keys per purpose from SESSION_SECRET', () => {
    const secret = 'a secret of at least thirty-two characters';
    expect(deriveKey(secret, 'login state').equals(deriveKey(secret, 'login state'))).toBe(true);
    expect(deriveKey(secret, 'login state').equals(deriveKey(secret, 'oidc-provider cookies'))).toBe(false);
    expect(deriveKey(undefined, 'login state').equals(deriveKey(undefined, 'login state'))).toBe(false);
  });
});

describe('cookies', () => {
  it('parses a Cookie header, first occurrence winning', () => {
    const c = parseCookies('a=1; plenum_session=abc%3D; a=2; broken; b="q"');
    expect([...c]).toEqual([
      ['a', '1'],
      ['plenum_session', 'abc='],
      ['b', 'q'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('serialises with the attributes asked for and refuses bad names', () => {
    expect(serializeCookie('x', 'a b', { path: '/', maxAge: 60, secure: true, sameSite: 'Lax' })).toBe(
      'x=a%20b; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure',
    );
    expect(serializeCookie('x', '', { path: '/auth', maxAge: 0, secure: false, sameSite: 'Lax' })).toBe(
      'x=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
    expect(() => serializeCookie('x;y', '', { path: '/', secure: false, sameSite: 'Lax' })).toThrow(TypeError);
  });
});
