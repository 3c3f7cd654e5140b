// Class 1 of issue 10, "a single message can end the process": the whole app (HTTP server, both
// WebSocket endpoints, a real mediasoup worker), probed with raw TCP and `ws` clients, anonymous and
// signed in. After every probe: no uncaught exception or unhandled rejection reached this process
// (either would end `npm start`'s), /healthz and GraphQL answer, and the bystanders (a member on
// /media, a client on graphql-ws) are still served.
import net from 'node:net';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';
import { graphql, procedure } from '../../test/support/procedure-client';
import { frame, hangingHandshake, OP, rawExchange, upgradeRequest, type RawOutcome } from '../../test/support/raw-websocket';

const S = 'sitting-42';
const FOREIGN = 'https://evil.example';
const FRIEND = 'https://tv.example.org';
type Endpoint = 'media' | 'graphql';
type Who = 'anonymous' | 'signed in';
const paths: Record<Endpoint, string> = { media: `/media?sitting=${S}`, graphql: '/graphql' };
const protocols: Record<Endpoint, string | undefined> = { media: undefined, graphql: 'graphql-transport-ws' };
/** The first frame a client must send to be heard at all (graphql-ws waits for connection_init). */
const hello: Record<Endpoint, Buffer> = { media: Buffer.alloc(0), graphql: frame(OP.text, '{"type":"connection_init"}') };
/** A small valid request of each protocol, answered with one text frame. */
const request = (e: Endpoint, n: number) => (e === 'media' ? `{"id":${n},"method":"getRouterRtpCapabilities","data":{}}` : '{"type":"ping"}');

describe.each(testDatabaseKinds())('hostile sockets (%s)', (kind) => {
  let server: TestApp;
  let port: number;
  /** What would have ended the process, had the test runner not caught it. */
  const fatal: unknown[] = [];
  const recordFatal = (error: unknown) => void fatal.push(error);
  let attackerCookie: string;
  let bystander: MediaPeer;
  let wsClient: Client;
  let memberToken: string;
  let hanging: net.Socket[] = [];

  beforeAll(async () => {
    process.on('uncaughtException', recordFatal);
    process.on('unhandledRejection', recordFatal);
    server = await startTestApp({
      database: kind,
      env: { MEDIA_WORKERS: '1', BROADCAST: 'off', RTC_MIN_PORT: '46000', RTC_MAX_PORT: '46999', CORS_ORIGINS: FRIEND, MEDIA_SOCKETS_PER_PERSON: '1' },
    });
    port = Number(new URL(server.baseUrl).port);
    const chair = { authorization: `Bearer ${await fetchAccessToken(server.baseUrl, 'a.keller')}` };
    await procedure(server.baseUrl, chair, S, 'openSitting');
    attackerCookie = (await loginSession(server.baseUrl, 'l.vogel')).cookie;

    bystander = await connectMediaPeer(`ws://127.0.0.1:${port}${paths.media}`, { cookie: (await loginSession(server.baseUrl, 'j.brandt')).cookie });
    const caps = (await bystander.request('getRouterRtpCapabilities')).data;
    expect(await bystander.request('join', { rtpCapabilities: caps })).toMatchObject({ ok: true });
    memberToken = await fetchAccessToken(server.baseUrl, 'f.hartmann');
    wsClient = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${memberToken}` },
      lazy: false,
      retryAttempts: 0,
    });
    // Upgrades that never finish stay open through every probe below.
    hanging = await Promise.all(Array.from({ length: 40 }, (_, i) => hangingHandshake(port, i % 2 ? paths.media : paths.graphql)));
  }, 300_000);

  afterAll(async () => {
    for (const s of hanging) s.destroy();
    bystander?.ws.close();
    await wsClient?.dispose();
    await server?.stop();
    process.off('uncaughtException', recordFatal);
    process.off('unhandledRejection', recordFatal);
  });

  const wsQuery = (query: string) =>
    new Promise<unknown>((resolve, reject) => {
      let result: unknown;
      wsClient.subscribe({ query }, { next: (r) => (result = r), error: reject, complete: () => resolve(result) });
    });

  /** The process lives, and serves HTTP, GraphQL and both kinds of connected bystanders. */
  async function expectAlive(): Promise<void> {
    await new Promise((r) => setTimeout(r, 50));
    expect(fatal).toEqual([]);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect((await gql(server.baseUrl, '{ parliament { name } }', {}, { authorization: `Bearer ${memberToken}` })).body).toMatchObject({
      data: { parliament: { name: expect.any(String) } },
    });
    expect(await bystander.request('getRouterRtpCapabilities')).toMatchObject({ ok: true });
    expect(await wsQuery('{ parliament { name } }')).toMatchObject({ data: { parliament: { name: expect.any(String) } } });
  }

  const headers = (who: Who): Record<string, string> => (who === 'signed in' ? { Cookie: attackerCookie } : {});
  const attack = (e: Endpoint, who: Who, frames: Buffer[], opts: Parameters<typeof rawExchange>[2] = {}): Promise<RawOutcome> =>
    rawExchange(port, Buffer.concat([Buffer.from(upgradeRequest(paths[e], headers(who), protocols[e])), hello[e], ...frames]), {
      until: (o) => o.closeCode !== null,
      ...opts,
    });

  const cases: { name: string; frames: (e: Endpoint) => Buffer[]; code: number }[] = [
    { name: 'a frame over the size limit', frames: () => [frame(OP.text, 'x'.repeat(100), { claimedLength: 16n << 20n })], code: 1009 },
    { name: 'a length header of 2^63 - 1', frames: () => [frame(OP.text, 'x', { claimedLength: (1n << 63n) - 1n })], code: 1009 },
    {
      name: 'fragments that add up to more than the limit',
      frames: () => [
        frame(OP.text, 'x'.repeat(60_000), { fin: false }),
        frame(OP.continuation, 'x'.repeat(60_000), { fin: false }),
        frame(OP.continuation, 'x'.repeat(60_000), { fin: false }),
        frame(OP.continuation, 'x'.repeat(60_000)),
      ],
      code: 1009,
    },
    { name: 'a text frame of invalid UTF-8', frames: () => [frame(OP.text, Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]))], code: 1007 },
    { name: 'a binary frame', frames: (e) => [frame(OP.binary, request(e, 1))], code: 1003 },
    { name: 'an unmasked frame', frames: (e) => [frame(OP.text, request(e, 1), { mask: false })], code: 1002 },
    { name: 'a reserved opcode', frames: () => [frame(0x3, 'x')], code: 1002 },
    { name: 'a continuation with nothing to continue', frames: () => [frame(OP.continuation, 'x')], code: 1002 },
    { name: 'a fragmented ping', frames: () => [frame(OP.ping, 'x', { fin: false })], code: 1002 },
    { name: 'a close frame with an invalid code', frames: () => [frame(OP.close, Buffer.from([0x03, 0xe7]))], code: 1002 },
    { name: 'a close reason of invalid UTF-8', frames: () => [frame(OP.close, Buffer.from([0x03, 0xe8, 0xc3, 0x28]))], code: 1007 },
    { name: '2,000 requests in one burst', frames: (e) => Array.from({ length: 2000 }, (_, i) => frame(OP.text, request(e, i + 1))), code: 1008 },
    { name: '2,000 pings in one burst', frames: () => Array.from({ length: 2000 }, () => frame(OP.ping, 'p')), code: 1008 },
  ];

  describe.each(['anonymous', 'signed in'] as const)('%s', (who) => {
    describe.each(['media', 'graphql'] as const)('on /%s', (e) => {
      it.each(cases)('$name: closed with $code, nothing else affected', async ({ frames, code }) => {
        const o = await attack(e, who, frames(e));
        expect(o.status).toBe(101);
        expect(o.closeCode).toBe(code);
        if (code === 1008) expect(o.texts.length).toBeLessThanOrEqual(250);
        await expectAlive();
      });

      it('a frame whose length header lies (the rest never comes): the connection ends when ours does', async () => {
        const o = await attack(e, who, [frame(OP.text, '{"id":1,"m', { claimedLength: 1000n })], { endAfterMs: 200, until: () => false });
        expect(o.status).toBe(101);
        expect(o.ended).toBe(true);
        await expectAlive();
      });

      it('a fragmented request is put together and answered', async () => {
        const text = e === 'media' ? request(e, 7) : '{"type":"ping","payload":{"n":7}}';
        const o = await attack(
          e,
          who,
          [
            frame(OP.text, text.slice(0, 10), { fin: false }),
            frame(OP.continuation, text.slice(10, 20), { fin: false }),
            frame(OP.continuation, text.slice(20)),
          ],
          {
            until: (x) => x.texts.some((t) => t.includes('7')) || x.closeCode !== null,
          },
        );
        if (e === 'media' && who === 'anonymous') expect(o.closeCode).toBe(4001);
        else expect(o.texts.find((t) => t.includes('7'))).toMatch(e === 'media' ? /"id":7,"ok":true/ : /"type":"pong","payload":\{"n":7\}/);
        await expectAlive();
      });

      it('a foreign Origin gets 403 before the upgrade; our own, a configured one and none are let in', async () => {
        const status = async (origin: string | undefined) =>
          (
            await rawExchange(port, upgradeRequest(paths[e], { ...headers(who), ...(origin ? { Origin: origin } : {}) }, protocols[e]), {
              until: (o) => o.status !== null,
            })
          ).status;
        expect(await status(FOREIGN)).toBe(403);
        expect(await status('null')).toBe(403);
        expect(await status(`http://localhost:${port}.evil.example`)).toBe(403);
        expect(await status(`http://localhost:${port}`)).toBe(101);
        expect(await status(FRIEND)).toBe(101);
        expect(await status(undefined)).toBe(101);
        await expectAlive();
      });
    });
  });

  it('a graphql-ws subscribe that does not parse gets its errors, and the connection stays', async () => {
    const errors = await new Promise<unknown>((resolve, reject) => {
      wsClient.subscribe(
        { query: '{ parliament { name ' },
        { next: () => reject(new Error('answered')), error: resolve, complete: () => reject(new Error('completed')) },
      );
    });
    expect(errors).toMatchObject([{ message: expect.stringMatching(/Syntax Error/) }]);
    await expectAlive();
  });

  it('a graphql-ws client that sends server messages or unknown types is closed with 4400, and nothing is logged as an internal error', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      for (const text of [
        '{"type":"next","id":"1","payload":{"data":{}}}',
        '{"type":"error","id":"1","payload":[]}',
        '{"type":"connection_ack"}',
        '{"type":"x\\u0000"}',
      ]) {
        const o = await attack('graphql', 'signed in', [frame(OP.text, text)]);
        expect(o.status).toBe(101);
        expect(o.closeCode, text).toBe(4400);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    await expectAlive();
  });

  it('upgrades to paths no one serves are answered and closed, however the path is spelt', async () => {
    for (const p of ['/nope', '//', '//[', '/media', '/media?sitting=', `/media?sitting=${'x'.repeat(200)}`, '*']) {
      const o = await rawExchange(port, upgradeRequest(p), { until: (x) => x.status !== null });
      expect(o.status, p).toBeGreaterThanOrEqual(400);
      expect(o.status, p).toBeLessThan(500);
    }
    await expectAlive();
  });

  it('a client that resets the connection right after its upgrade request', async () => {
    for (const p of ['/nope', '//', paths.media, paths.graphql]) {
      for (let i = 0; i < 10; i++) {
        const s = net.connect(port, '127.0.0.1');
        s.on('error', () => {});
        await new Promise<void>((r) => s.once('connect', () => r()));
        s.write(upgradeRequest(p, headers('signed in'), protocols.graphql));
        s.resetAndDestroy();
      }
    }
    await expectAlive();
  });

  it('a person holds at most MEDIA_SOCKETS_PER_PERSON media sockets: the next one is refused with 4003', async () => {
    const admin = { authorization: `Bearer ${await fetchAccessToken(server.baseUrl, 'it.admin')}` };
    const chair = { authorization: `Bearer ${await fetchAccessToken(server.baseUrl, 'a.keller')}` };
    const created = await graphql<{ createSitting: { data?: { id: string } } }>(
      server.baseUrl,
      admin,
      `
        mutation {
          createSitting(input: { number: 43, title: "43rd", startsAt: "2026-12-04T09:00:00+01:00" }) {
            ... on MutationCreateSittingSuccess {
              data {
                id
              }
            }
          }
        }
      `,
    );
    const other = created.createSitting.data!.id;
    await procedure(server.baseUrl, chair, other, 'openSitting');
    const cookie = { cookie: attackerCookie };
    const first = await connectMediaPeer(`ws://127.0.0.1:${port}${paths.media}`, cookie);
    expect(await first.request('getRouterRtpCapabilities')).toMatchObject({ ok: true });
    const second = await connectMediaPeer(`ws://127.0.0.1:${port}/media?sitting=${other}`, cookie);
    expect(await second.closed).toBe(4003);
    // The first is untouched; a reload in the same sitting still replaces it (4002), it is not refused.
    expect(await first.request('getRouterRtpCapabilities')).toMatchObject({ ok: true });
    const reload = await connectMediaPeer(`ws://127.0.0.1:${port}${paths.media}`, cookie);
    expect(await first.closed).toBe(4002);
    expect(await reload.request('getRouterRtpCapabilities')).toMatchObject({ ok: true });
    reload.ws.close();
    await reload.closed;
    // Once it is gone, the other sitting may be joined.
    const third = await connectMediaPeer(`ws://127.0.0.1:${port}/media?sitting=${other}`, cookie);
    expect(await third.request('getRouterRtpCapabilities')).toMatchObject({ ok: true });
    third.ws.close();
    await expectAlive();
  });

  it('after everything: the never-finished handshakes did not block anyone, and nothing reached the process', async () => {
    await expectAlive();
  });
});
