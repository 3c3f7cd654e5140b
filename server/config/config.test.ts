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
    const c = loadConfig({
      CORS_ORIGINS: ' https://admin.example.org, http://localhost:4200/ ,HTTPS://Tools.Example.org ',
      TRUST_PROXY: 'true',
      METRICS_TOKEN: 'm'.repeat(32),
    });
    expect(c.corsOrigins).toEqual(['https://admin.example.org', 'http://localhost:4200', 'https://tools.example.org']);
    expect(c.trustProxy).toBe(true);
    expect(c.metricsToken).toBe('m'.repeat(32));
    for (const bad of [
      '*',
      'null',
      'https://admin.example.org/path',
      'admin.example.org',
      'ftp://files.example.org',
      'https://a.example.org,*',
      'https://user@a.example.org',
    ]) {
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
    const c = loadConfig({
      TURN_URLS: ' turn:turn.example.org:3478?transport=udp, turns:turn.example.org:443?transport=tcp ,',
      TURN_SECRET: secret,
      TURN_TTL_S: '600',
      TURN_FORCE_RELAY: 'true',
    });
    expect(c.media.turn).toEqual({ urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:443?transport=tcp'], secret, ttlSeconds: 600 });
    expect(Object.isFrozen(c.media.turn)).toBe(true);
    expect(c.media.forceRelay).toBe(true);
    expect(loadConfig({ TURN_URLS: 'turn:127.0.0.1:3478', TURN_SECRET: secret }).media.turn?.ttlSeconds).toBe(3600);
  });

  it('refuses bad TURN settings and names the variable', () => {
    const secret = 's'.repeat(32);
    for (const bad of [
      'turn://turn.example.org',
      'stun:stun.example.org',
      'https://turn.example.org',
      'turn:turn.example.org:99999',
      'turns:turn.example.org?transport=udp',
      'turn:a.example.org,turn:user@b.example.org',
    ]) {
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

  describe('in production', () => {
    /** A production environment that is safe; each case below spoils one thing. */
    const safe = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://plenum.example.org',
      SESSION_SECRET: 'kQ3v9Xz1Lp7Wm2Rt8Yb4Nc6Hd0Fg5Js3Ua1Ve9Oi7Qw',
      OIDC_ISSUER: 'https://sso.example.org/realms/plenum',
      OIDC_CLIENT_SECRET: 'client-secret-from-keycloak',
      OIDC_AUDIENCE: 'plenum-api',
    };
    const problems = (env: Record<string, string | undefined>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        return e.problems.join('\n');
      }
    };

    it('starts with a safe configuration: no demo data, no GraphiQL, JSON logs', () => {
      const c = loadConfig(safe);
      expect(c.env).toBe('production');
      expect(c.demo).toBe(false);
      expect(c.graphiql).toBe(false);
      expect(c.logFormat).toBe('json');
    });

    it('refuses a missing, placeholder or published SESSION_SECRET', () => {
      expect(problems({ ...safe, SESSION_SECRET: undefined })).toMatch(/^SESSION_SECRET: is required in production/m);
      for (const demo of [
        'change-me-to-a-long-random-string-of-32-or-more-chars',
        'plenum-test-session-secret-0123456789abcdef',
        'x'.repeat(40),
        'abcabcabcabcabcabcabcabcabcabcabcabc',
        'ReplaceThisWithSomethingLongAndRandom123',
      ]) {
        expect(problems({ ...safe, SESSION_SECRET: demo }), demo).toMatch(/^SESSION_SECRET: is a placeholder or demo value/m);
      }
      // Outside production, a weak secret only costs the developer.
      expect(problems({ SESSION_SECRET: 'change-me-to-a-long-random-string-of-32-or-more-chars' })).toBe('');
    });

    it('refuses an http: PUBLIC_URL unless a proxy is trusted, and a missing one', () => {
      expect(problems({ ...safe, PUBLIC_URL: 'http://plenum.example.org' })).toMatch(/^PUBLIC_URL: is http: in production; .*TRUST_PROXY/m);
      expect(problems({ ...safe, PUBLIC_URL: 'http://plenum.example.org', TRUST_PROXY: 'true' })).toBe('');
      expect(problems({ ...safe, PUBLIC_URL: undefined })).toMatch(/^PUBLIC_URL: is required in production/m);
    });

    it('refuses the built-in provider and an external issuer without OIDC_AUDIENCE', () => {
      expect(problems({ ...safe, OIDC_ISSUER: undefined, OIDC_CLIENT_SECRET: undefined })).toMatch(
        /^OIDC_ISSUER: is required in production; the built-in development provider/m,
      );
      expect(problems({ ...safe, OIDC_AUDIENCE: undefined })).toMatch(/^OIDC_AUDIENCE: is required in production with an external issuer/m);
      expect(problems({ ...safe, OIDC_AUDIENCE: '' })).toMatch(/^OIDC_AUDIENCE: /m);
    });

    it('names every unsafe variable at once', () => {
      const all = problems({ NODE_ENV: 'production' });
      for (const key of ['SESSION_SECRET', 'PUBLIC_URL', 'OIDC_ISSUER']) expect(all).toMatch(new RegExp(`^${key}: `, 'm'));
    });

    it('turns GraphiQL and introspection on only when asked, and the demo parliament likewise', () => {
      expect(loadConfig({ ...safe, GRAPHIQL: 'on' }).graphiql).toBe(true);
      expect(loadConfig({ ...safe, PLENUM_DEMO: '1' }).demo).toBe(true);
      expect(problems({ ...safe, GRAPHIQL: 'yes' })).toMatch(/^GRAPHIQL: /m);
      expect(loadConfig({ ...safe, LOG_FORMAT: 'text' }).logFormat).toBe('text');
    });
  });

  it('keeps the development defaults outside production: demo data, GraphiQL in development, text logs', () => {
    expect(loadConfig({})).toMatchObject({ demo: true, graphiql: true, logFormat: 'text' });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ demo: true, graphiql: false, logFormat: 'text' });
    expect(loadConfig({ PLENUM_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ GRAPHIQL: 'off' }).graphiql).toBe(false);
  });
});
