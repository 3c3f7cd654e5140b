import { describe, expect, it } from 'vitest';
import { iceServersFor, isTurnUrl, mintTurnCredential } from './turn-credentials';

const secret = 'correct horse battery staple, twice over';

describe('TURN REST API credentials', () => {
  it('matches a vector computed independently', () => {
    // printf %s '1767225600:p-brandt' | openssl dgst -sha1 -hmac "$secret" -binary | base64
    const minted = mintTurnCredential(secret, 'p-brandt', 3600, (1_767_225_600 - 3600) * 1000);
    expect(minted).toEqual({ username: '1767225600:p-brandt', credential: 'gk4do4aowX4/WhhochDfWy0JukM=', expiresAt: 1_767_225_600 });
  });

  it('expires TTL seconds from now, in whole seconds', () => {
    expect(mintTurnCredential(secret, 'p', 60, 1_000_999).expiresAt).toBe(1000 + 60);
  });

  it('gives every person their own password, and a new one at each minting later on', () => {
    const now = 1_800_000_000_000;
    const a = mintTurnCredential(secret, 'p-a', 3600, now);
    const b = mintTurnCredential(secret, 'p-b', 3600, now);
    expect(a.credential).not.toBe(b.credential);
    const later = mintTurnCredential(secret, 'p-a', 3600, now + 1000);
    expect(later.username).toBe(`${now / 1000 + 3601}:p-a`);
    expect(later.credential).not.toBe(a.credential);
    // Another secret, another password: coturn with a different static-auth-secret refuses it.
    expect(mintTurnCredential('another secret of enough length!!', 'p-a', 3600, now).credential).not.toBe(a.credential);
  });

  it('hands out no ICE servers without TURN, and every URL with one credential with it', () => {
    expect(iceServersFor(undefined, 'p-a', 0)).toEqual([]);
    const urls = ['turn:turn.example.org:3478', 'turns:turn.example.org:443?transport=tcp'];
    const [server, ...rest] = iceServersFor({ urls, secret, ttlSeconds: 3600 }, 'p-brandt', (1_767_225_600 - 3600) * 1000);
    expect(rest).toEqual([]);
    expect(server).toEqual({ urls, username: '1767225600:p-brandt', credential: 'gk4do4aowX4/WhhochDfWy0JukM=' });
  });

  it('takes turn: and turns: URLs as browsers do, and refuses the rest', () => {
    for (const good of [
      'turn:turn.example.org',
      'turn:127.0.0.1:3478?transport=udp',
      'turns:turn.example.org:443?transport=tcp',
      'turn:[2001:db8::1]:3478',
      'turns:a-b.example.org',
    ]) {
      expect(isTurnUrl(good), good).toBe(true);
    }
    for (const bad of [
      'turn://turn.example.org',
      'stun:turn.example.org',
      'https://turn.example.org',
      'turn:',
      'turn:host:0',
      'turn:host:70000',
      'turns:host?transport=udp',
      'turn:host?transport=sctp',
      'turn:user@host',
      'turn:host/path',
      'turn:-host',
      ' turn:host',
    ]) {
      expect(isTurnUrl(bad), bad).toBe(false);
    }
  });
});
