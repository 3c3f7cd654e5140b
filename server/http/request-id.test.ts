/** Every HTTP request has an id: a sane incoming X-Request-Id or a new one, echoed, and named in that request's log lines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { createTestDatabase } from '../../test/support/database';
import { freePort } from '../../test/support/app';

describe('request ids', () => {
  let app: App;
  let baseUrl: string;
  const lines: string[] = [];
  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      NODE_ENV: 'test',
      MEDIA_WORKERS: '0',
      LOG_FORMAT: 'json',
      DATA_DIR: `/tmp/plenum-test-${port}`,
    });
    app = await App.create(config, {
      log: createLogger('debug', { format: 'json', write: (line) => lines.push(line) }),
      database: await createTestDatabase('pglite'),
    });
    await app.start();
  });
  afterAll(() => app?.stop());

  const linesOf = (id: string) =>
    lines.map((l) => JSON.parse(l) as { requestId?: string; msg: string; fields?: Record<string, unknown> }).filter((l) => l.requestId === id);

  it('echoes a sane incoming id and names it in the request’s log lines', async () => {
    const res = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'proxy-7f3a:42' } });
    await res.body?.cancel();
    expect(res.headers.get('x-request-id')).toBe('proxy-7f3a:42');
    expect(linesOf('proxy-7f3a:42')).toEqual([
      expect.objectContaining({ msg: 'request | done', fields: expect.objectContaining({ path: '/healthz', status: 200 }) }),
    ]);
  });

  it('makes a new one when there is none or it is not sane, one per request', async () => {
    const hostile = ['', 'x'.repeat(129), 'a b', 'id\r\nSet-Cookie: x=1', '<script>', 'ä'];
    const seen = new Set<string>();
    for (const offered of [undefined, ...hostile]) {
      const headers: Record<string, string> = {};
      if (offered !== undefined) headers['x-request-id'] = offered;
      const res = await fetch(`${baseUrl}/healthz`, { headers }).catch(() => undefined);
      if (!res) continue; // fetch itself refuses a header with CR/LF
      await res.body?.cancel();
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(offered);
      seen.add(id);
    }
    expect(seen.size).toBeGreaterThanOrEqual(hostile.length - 1);
  });

  it('names the request on GraphQL responses and their log lines', async () => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gql-1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('gql-1');
    await res.body?.cancel();
    expect(linesOf('gql-1').map((l) => l.fields?.['path'])).toContain('/graphql');
  });
});
