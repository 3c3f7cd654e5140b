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
});
