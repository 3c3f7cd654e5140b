import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '.';

describe('configuration', () => {
  it('has embedded defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.oidc.issuer).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names every bad variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^LOG_LEVEL: .*debug.*\(got "loud"\)/m);
  });

  it('needs a client secret for an external issuer', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.org/realms/p' })).toThrow(/OIDC_CLIENT_SECRET: is required when OIDC_ISSUER is set/);
  });

  it('treats empty values as unset and trims trailing slashes from URLs', () => {
    const c = loadConfig({ PORT: '', PUBLIC_URL: 'https://plenum.example.org/', OIDC_ISSUER: 'https://sso.example.org/realms/p/', OIDC_CLIENT_SECRET: 's' });
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('https://plenum.example.org');
    expect(c.oidc.issuer).toBe('https://sso.example.org/realms/p');
  });

  it('refuses an inverted RTC port range and a short session secret', () => {
    expect(() => loadConfig({ RTC_MIN_PORT: '50000', RTC_MAX_PORT: '40000' })).toThrow(/RTC_MIN_PORT: must not exceed RTC_MAX_PORT/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });

  it('trusts no proxy, no other origin and no remote metrics reader by default', () => {
    const c = loadConfig({});
    expect(c.trustProxy).toBe(false);
    expect(c.corsOrigins).toEqual([]);
    expect(c.metricsToken).toBeUndefined();
  });

  it('reads CORS_ORIGINS as a list of origins and refuses anything else', () => {
    const c = loadConfig({ CORS_ORIGINS: ' https://admin.example.org, http://localhost:4200/ ,HTTPS://Tools.Example.org ', TRUST_PROXY: 'true', METRICS_TOKEN: 'm'.repeat(32) });
    expect(c.corsOrigins).toEqual(['https://admin.example.org', 'http://localhost:4200', 'https://tools.example.org']);
    expect(c.trustProxy).toBe(true);
    expect(c.metricsToken).toBe('m'.repeat(32));
    for (const bad of ['*', 'null', 'https://admin.example.org/path', 'admin.example.org', 'ftp://files.example.org', 'https://a.example.org,*', 'https://user@a.example.org']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS.*must be comma-separated origins/);
    }
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/^ {2}- TRUST_PROXY: /m);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });

  it('has no TURN relay by default', () => {
    const c = loadConfig({});
    expect(c.media.turn).toBeUndefined();
    expect(c.media.forceRelay).toBe(false);
  });

  it('reads TURN_URLS, TURN_SECRET and TURN_TTL_S', () => {
    const secret = 's'.repeat(32);
    const c = loadConfig({ TURN_URLS: ' turn:turn.example.org:3478?transport=udp, turns:turn.example.org:443?transport=tcp ,', TURN_SECRET: secret, TURN_TTL_S: '600', TURN_FORCE_RELAY: 'true' });
    expect(c.media.turn).toEqual({ urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:443?transport=tcp'], secret, ttlSeconds: 600 });
    expect(Object.isFrozen(c.media.turn)).toBe(true);
    expect(c.media.forceRelay).toBe(true);
    expect(loadConfig({ TURN_URLS: 'turn:127.0.0.1:3478', TURN_SECRET: secret }).media.turn?.ttlSeconds).toBe(3600);
  });

  it('refuses bad TURN settings and names the variable', () => {
    const secret = 's'.repeat(32);
    for (const bad of ['turn://turn.example.org', 'stun:stun.example.org', 'https://turn.example.org', 'turn:turn.example.org:99999', 'turns:turn.example.org?transport=udp', 'turn:a.example.org,turn:user@b.example.org']) {
      expect(() => loadConfig({ TURN_URLS: bad, TURN_SECRET: secret }), bad).toThrow(/^ {2}- TURN_URLS(\.\d+)?: must be comma-separated TURN URLs/m);
    }
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET: is required when TURN_URLS is set/);
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org', TURN_SECRET: 'short' })).toThrow(/TURN_SECRET: must be at least 32 characters/);
    for (const ttl of ['59', '86401', '1.5', 'an hour']) {
      expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org', TURN_SECRET: secret, TURN_TTL_S: ttl }), ttl).toThrow(/^ {2}- TURN_TTL_S: .*\(got /m);
    }
    expect(() => loadConfig({ TURN_FORCE_RELAY: 'true' })).toThrow(/TURN_FORCE_RELAY: needs TURN_URLS/);
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org', TURN_SECRET: secret, TURN_FORCE_RELAY: 'sometimes' })).toThrow(/^ {2}- TURN_FORCE_RELAY: /m);
  });
});
