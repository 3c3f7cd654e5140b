import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { trustedOrigins } from '../config/origins';
import { websocketOriginPolicy } from './websocket-origin';

describe('WebSocket origin policy', () => {
  const allow = websocketOriginPolicy(
    trustedOrigins({ publicUrl: 'https://plenum.example.org/', corsOrigins: ['https://tv.example.org', 'http://localhost:4200'] }),
  );

  it('lets in our own origin, the configured ones and requests without Origin', () => {
    for (const origin of ['https://plenum.example.org', 'https://tv.example.org', 'http://localhost:4200', 'HTTPS://PLENUM.example.org', undefined])
      expect(allow(origin), String(origin)).toBe(true);
  });

  it('refuses every other spelling: other sites, schemes, ports, lookalikes, paths, null, garbage', () => {
    for (const origin of [
      'https://evil.example',
      'http://plenum.example.org',
      'https://plenum.example.org:8443',
      'https://plenum.example.org.evil.example',
      'https://evil.example/https://plenum.example.org',
      'https://plenum.example.org/',
      'https://plenum.example.org/path',
      'https://user@plenum.example.org',
      'null',
      '',
      'plenum.example.org',
      '\u0000',
    ])
      expect(allow(origin), origin).toBe(false);
  });
});

describe('config: CORS_ORIGINS and MEDIA_SOCKETS_PER_PERSON', () => {
  it('parses a comma-separated list of origins, and defaults to none and 4', () => {
    const c = loadConfig({ CORS_ORIGINS: ' https://tv.example.org , http://localhost:4200 ', MEDIA_SOCKETS_PER_PERSON: '2' });
    expect(c.corsOrigins).toEqual(['https://tv.example.org', 'http://localhost:4200']);
    expect(c.media.socketsPerPerson).toBe(2);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({}).media.socketsPerPerson).toBe(4);
  });

  it('refuses what is not an origin, and a limit of 0', () => {
    for (const bad of ['tv.example.org', 'https://tv.example.org/path', 'ftp://tv.example.org', '*'])
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ MEDIA_SOCKETS_PER_PERSON: '0' })).toThrow(/MEDIA_SOCKETS_PER_PERSON/);
  });
});
