// The seeded, bounded fuzzer: GraphQL documents over HTTP, frames on /media and graphql-ws, raw
// bytes under the WebSocket framing and at the HTTP parser, all against the whole server in this
// process (so its event loop and memory are ours to watch). Fails on any 5xx, any unhandled error
// or rejection, any event-loop block over 200 ms, memory growth over 100 MB (heap after a full
// collection, and RSS, over a round that follows a warm-up round of the same size), or a server that no
// longer answers. It runs on PostgreSQL when there is one: PGlite's memory would be counted as ours.
// FUZZ_SEED=<n> repeats a run; every failure names its input (round/phase#index).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../graphql';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { preferredTestDatabaseKind } from '../../test/support/database';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';
import { procedure } from '../../test/support/procedure-client';
import { describeFrame, graphqlWsFrame, graphqlWsInit, mediaFrame, mediaJoinFrame, rawFrame, type WsFrame } from './fuzz-frames';
import { generateDocument, wrapInHttp } from './fuzz-graphql';
import { fuzzSeed, rngFor } from './fuzz-random';
import { FuzzSocket, rawHttp, rawUpgradeAndWrite } from './fuzz-sockets';
import { FuzzWatch, memory, type Incident } from './fuzz-watch';

const seed = fuzzSeed();
const S = 'sitting-42';
/** Per run: at least 5,000 documents and 5,000 frames (the issue's floor), plus raw HTTP bytes. */
const counts = { documents: 5000, rawHttp: 300, mediaFrames: 2600, graphqlWsFrames: 2000, rawFrames: 600 };
const limits = { blockMs: 200, growthMb: 100, answerMs: 10_000 };
/** Frames per connection before the fuzzer opens a fresh one (and joins again). */
const framesPerConnection = 40;
const clip = (s: string, n = 160) => JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s) + ` (${s.length} chars)`;

/** Runs `count` inputs on `concurrency` workers until `deadlineMs`; returns how many ran. */
async function runPhase(count: number, concurrency: number, deadlineMs: number, task: (i: number) => Promise<void>): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        await task(next++);
        done++;
      }
    }),
  );
  return done;
}

/** Frames in lanes: lane k sends frames k, k+lanes, … in order, on connections it renews. */
async function runLanes(
  count: number,
  lanes: number,
  deadlineMs: number,
  open: (lane: number) => FuzzSocket,
  first: (lane: number) => WsFrame,
  frameAt: (i: number) => WsFrame,
  send: (label: string, socket: FuzzSocket, frame: WsFrame) => Promise<boolean>,
  phase: string,
): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  let sent = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      let socket: FuzzSocket | undefined;
      let onThis = 0;
      for (let i = lane; i < count && Date.now() < deadline; i += lanes) {
        if (!socket || socket.closed || onThis >= framesPerConnection) {
          socket?.close();
          socket = open(lane);
          onThis = 0;
          if ((await socket.opened) && (await send(`${phase}/lane${lane} handshake`, socket, first(lane)))) sent++;
        }
        const frame = frameAt(i);
        if (await send(`${phase}#${i} ${describeFrame(frame)}`, socket, frame)) sent++;
        onThis++;
      }
      socket?.close();
    }),
  );
  return sent;
}

/** The request id a media frame waits for, when it is a JSON request with a numeric id. */
function requestId(frame: WsFrame): number | null {
  if (frame.kind !== 'text') return null;
  try {
    const id = (JSON.parse(frame.text) as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

describe.each([preferredTestDatabaseKind()])('hostile-input fuzzer (%s)', (kind) => {
  let t: TestApp;
  const bearer = new Map<string, string>();
  const cookies = new Map<string, string>();
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp({
      database: kind,
      env: { MEDIA_WORKERS: '1', BROADCAST: 'off', RTC_MIN_PORT: '48000', RTC_MAX_PORT: '48999', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    });
    for (const u of ['j.brandt', 'a.keller', 'it.admin']) bearer.set(u, await fetchAccessToken(t.baseUrl, u));
    for (const u of ['j.brandt', 'l.vogel', 'c.sommer', 'interpreter.en1']) cookies.set(u, (await loginSession(t.baseUrl, u)).cookie);
    await procedure(t.baseUrl, { authorization: `Bearer ${bearer.get('a.keller')}` }, S, 'openSitting');
    const res = await gql<{ people: { id: string }[]; sitting: { agenda: { id: string }[] } }>(
      t.baseUrl,
      `{ people { id } sitting(id: "${S}") { agenda { id } } }`,
      {},
      { authorization: `Bearer ${bearer.get('j.brandt')}` },
    );
    ids = [S, 'sitting-0', 'sda', ...(res.body.data?.people.slice(0, 5).map((p) => p.id) ?? []), ...(res.body.data?.sitting.agenda.map((a) => a.id) ?? [])];
  });
  afterAll(() => t?.stop());

  it(
    `survives ${counts.documents} documents and ${counts.mediaFrames + counts.graphqlWsFrames + counts.rawFrames} frames (seed printed)`,
    { timeout: 900_000 },
    async () => {
      console.log(`fuzz seed=${seed} (FUZZ_SEED=${seed} repeats this run)`);
      const { hostname, port: portText } = new URL(t.baseUrl);
      const host = hostname === 'localhost' ? '127.0.0.1' : hostname;
      const port = Number(portText);
      const watch = new FuzzWatch(limits.blockMs);
      const fivexx: Incident[] = [];
      const silent: Incident[] = [];
      const perRaw = 5;

      /**
       * One round of every phase, `scale` times the counts, inputs `offset` onwards (so rounds differ).
       * Phases run one after another; within a phase, a few inputs at a time.
       */
      const round = async (name: string, scale: number, offset: number) => {
        const n = (count: number) => Math.ceil(count * scale);
        const at = (i: number) => offset + i;
        const sent = { media: 0, graphqlWs: 0, upgrades: 0, documents: 0, rawHttp: 0 };
        // ---- media signalling: four people, each on their own connection (one per person is allowed) ----
        const mediaPeople = ['j.brandt', 'l.vogel', 'c.sommer', 'interpreter.en1'];
        const wsUrl = t.baseUrl.replace(/^http/, 'ws');
        const origin = t.baseUrl;
        const sendFrame = (label: string, socket: FuzzSocket, frame: WsFrame) => watch.track(label, () => socket.send(frame, requestId(frame)));
        sent.media = await runLanes(
          n(counts.mediaFrames),
          mediaPeople.length,
          180_000,
          (lane) => new FuzzSocket(`${wsUrl}/media?sitting=${S}`, { cookie: cookies.get(mediaPeople[lane]!)!, origin }),
          () => mediaJoinFrame,
          (i) => watch.excluding(() => mediaFrame(rngFor(seed, 'media', at(i)))),
          sendFrame,
          `${name}/media`,
        );

        // ---- graphql-ws: anonymous and signed-in connections ----
        const wsBearer = [undefined, undefined, bearer.get('j.brandt'), bearer.get('a.keller')];
        sent.graphqlWs = await runLanes(
          n(counts.graphqlWsFrames),
          wsBearer.length,
          180_000,
          () => new FuzzSocket(`${wsUrl}/graphql`, { origin }, 'graphql-transport-ws'),
          (lane) => graphqlWsInit(wsBearer[lane]),
          (i) => watch.excluding(() => graphqlWsFrame(rngFor(seed, 'graphql-ws', at(i)), schema, ids, wsBearer[i % wsBearer.length])),
          (label, socket, frame) => watch.track(label, () => socket.send(frame, null)),
          `${name}/graphql-ws`,
        );

        // ---- raw bytes under the WebSocket framing, five frames per connection, both endpoints ----
        sent.upgrades = await runPhase(Math.ceil(n(counts.rawFrames) / perRaw), 4, 120_000, async (c) => {
          const first = at(c * perRaw);
          const frames = watch.excluding(() => Array.from({ length: perRaw }, (_, k) => rawFrame(rngFor(seed, 'raw-ws', first + k))));
          const media = c % 2 === 0;
          const label = `${name}/raw-ws#${first}…${first + perRaw - 1} ${media ? '/media' : '/graphql'} ${frames.map((f) => describeFrame(f)).join(' ; ')}`;
          const status = await watch.track(label, () =>
            rawUpgradeAndWrite(
              host,
              port,
              media ? `/media?sitting=${S}` : '/graphql',
              media ? { cookie: cookies.get('j.brandt')!, origin } : { origin, 'sec-websocket-protocol': 'graphql-transport-ws' },
              frames.map((f) => (f.kind === 'raw' ? f.data : Buffer.alloc(0))),
            ),
          );
          if (status !== null && status >= 500) fivexx.push({ what: `upgrade answered ${status}`, inFlight: [label] });
        });

        // ---- GraphQL documents over HTTP, as nobody, a member, the chair and IT ----
        const identities = [
          [60, 'anonymous'],
          [25, 'j.brandt'],
          [10, 'a.keller'],
          [5, 'it.admin'],
        ] as const;
        sent.documents = await runPhase(n(counts.documents), 4, 300_000, async (i) => {
          const rng = rngFor(seed, 'http', at(i));
          const who = rng.weighted<string>(identities);
          const input = watch.excluding(() => wrapInHttp(rng, generateDocument(rng, schema, ids)));
          const headers: Record<string, string> = { ...input.headers, ...(who === 'anonymous' ? {} : { authorization: `Bearer ${bearer.get(who)}` }) };
          const label = `${name}/http#${at(i)} as=${who} ${input.method} ${input.envelope}/${input.document.shape} query=${clip(input.document.query)} variables=${clip(JSON.stringify(input.document.variables), 80)}`;
          await watch.track(label, async () => {
            try {
              const res = await fetch(`${t.baseUrl}${input.path}`, {
                method: input.method,
                headers,
                body: input.body,
                signal: AbortSignal.timeout(limits.answerMs),
              });
              if (res.status >= 500) fivexx.push({ what: `HTTP ${res.status}`, inFlight: [label] });
              // An event stream does not end by itself (its lifetime is another test's business): read its start only.
              if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
              else await res.arrayBuffer();
            } catch (error) {
              silent.push({ what: `no complete answer within ${limits.answerMs} ms: ${String(error)}`, inFlight: [label] });
            }
          });
        });

        // ---- raw bytes at the HTTP parser ----
        sent.rawHttp = await runPhase(n(counts.rawHttp), 4, 60_000, async (i) => {
          const rng = rngFor(seed, 'raw-http', at(i));
          const bytes = watch.excluding(
            rng.weighted<() => Buffer>([
              [30, () => rng.bytes(rng.int(1, 4096))],
              [20, () => Buffer.concat([Buffer.from(`POST /graphql HTTP/1.1\r\nHost: x\r\n`), rng.bytes(rng.int(0, 512)), Buffer.from('\r\n\r\n')])],
              [
                15,
                () =>
                  Buffer.from(
                    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${rng.int(0, 100)}\r\nTransfer-Encoding: chunked\r\n\r\n${rng.pick(['0\r\n\r\n', 'zz\r\n', 'ffffffffffffffff\r\n', '5\r\n{"qu'])}`,
                  ),
              ],
              [
                15,
                () =>
                  Buffer.from(
                    `GET /${rng.pick(['graphql', 'media', 'hls/x/../../etc/passwd', 'auth/callback', 'metrics', 'api/sittings/%00/protocol.pdf'])}?${'a=%ff&'.repeat(rng.int(1, 2000))} HTTP/1.1\r\nHost: x\r\n${`X-${rng.int(0, 9)}: ${'v'.repeat(rng.int(1, 20000))}\r\n`}\r\n`,
                  ),
              ],
              [
                20,
                () =>
                  Buffer.from(
                    `${rng.pick(['GET', 'POST', 'PUT', 'OPTIONS', 'TRACE', 'CONNECT', 'G\u0000T'])} ${rng.pick(['/graphql', '/', '*', 'http://evil/', '/media?sitting=sitting-42'])} HTTP/${rng.pick(['1.1', '1.0', '2.0', '9'])}\r\nHost: x\r\nUpgrade: ${rng.pick(['websocket', 'h2c', 'x'])}\r\nConnection: ${rng.pick(['Upgrade', 'close', 'keep-alive'])}\r\nSec-WebSocket-Version: ${rng.pick(['13', '8', 'x'])}\r\nSec-WebSocket-Key: ${rng.pick(['', 'x', 'dGhlIHNhbXBsZSBub25jZQ=='])}\r\n\r\n`,
                    'latin1',
                  ),
              ],
            ]),
          );
          const label = `${name}/raw-http#${at(i)} ${bytes.subarray(0, 80).toString('hex')} (${bytes.length} bytes)`;
          const status = await watch.track(label, () => rawHttp(host, port, bytes));
          if (status !== null && status >= 500) fivexx.push({ what: `HTTP ${status}`, inFlight: [label] });
        });
        return sent;
      };

      // A warm-up round first, as large as the measured one but with other inputs: buffers, pools, caches,
      // V8's heap and the allocator reach their working size. Memory growth is measured over the round
      // after it, where a leak shows again and a high-water mark does not.
      const cold = memory();
      let before: typeof cold;
      let warmUp = { media: 0, graphqlWs: 0, upgrades: 0, documents: 0, rawHttp: 0 };
      let sent: typeof warmUp;
      watch.start();
      try {
        warmUp = await round('warm-up', 1, 1_000_000);
        await new Promise((r) => setTimeout(r, 1000));
        before = watch.excluding(memory);
        sent = await round('fuzz', 1, 0);
      } finally {
        // ---- afterwards: the server still answers everyone, and what it held is given back ----
        await new Promise((r) => setTimeout(r, 1000));
        watch.stop();
      }
      const after = memory();
      const alive = await gql<{ __typename: string }>(t.baseUrl, '{ __typename }').catch((e: unknown) => ({
        status: 0,
        body: { errors: [{ message: String(e) }] },
      }));
      const health = await fetch(`${t.baseUrl}/healthz`).then(
        (r) => r.status,
        () => 0,
      );

      const rawSent = sent.upgrades * perRaw;
      const requests = sent.documents + sent.rawHttp + sent.upgrades;
      const frames = sent.media + sent.graphqlWs + rawSent;
      const warmUpInputs = warmUp.documents + warmUp.rawHttp + warmUp.upgrades * (1 + perRaw) + warmUp.media + warmUp.graphqlWs;
      console.log(
        `fuzz seed=${seed} requests=${requests} frames=${frames} 5xx=${fivexx.length} maxEventLoopBlockMs=${watch.maxBlockMs} ` +
          `heapBeforeMb=${before.heapMb} heapAfterMb=${after.heapMb} rssBeforeMb=${before.rssMb} rssAfterMb=${after.rssMb} ` +
          `(heapTotal ${before.heapTotalMb}→${after.heapTotalMb} MB, external ${before.externalMb}→${after.externalMb} MB; ` +
          `cold start: heap ${cold.heapMb} MB, RSS ${cold.rssMb} MB, then a warm-up round of ${warmUpInputs} inputs) ` +
          `unhandled=${watch.unhandled.length} unanswered=${silent.length} (documents=${sent.documents} rawHttp=${sent.rawHttp} upgrades=${sent.upgrades} media=${sent.media} graphqlWs=${sent.graphqlWs} raw=${rawSent})`,
      );

      for (const x of watch.slow.slice(0, 10)) console.log(`${x.what}; in flight: ${x.inFlight.join(' | ') || '(nothing)'}`);
      const problems: string[] = [];
      const list = (title: string, incidents: readonly Incident[]) => {
        if (!incidents.length) return;
        problems.push(`${title}: ${incidents.length}`);
        for (const x of incidents.slice(0, 15)) problems.push(`  ${x.what}\n    in flight: ${x.inFlight.join('\n               ') || '(nothing)'}`);
        if (incidents.length > 15) problems.push(`  … and ${incidents.length - 15} more`);
      };
      if (sent.documents < counts.documents) problems.push(`only ${sent.documents} of ${counts.documents} documents ran before the deadline`);
      if (frames < counts.mediaFrames + counts.graphqlWsFrames + counts.rawFrames) problems.push(`only ${frames} frames were sent before the deadlines`);
      list('5xx answers', fivexx);
      list('unhandled errors or rejections', watch.unhandled);
      list(`event-loop blocks over ${limits.blockMs} ms (max ${watch.maxBlockMs} ms)`, watch.blocks);
      if (watch.maxBlockMs > limits.blockMs && !watch.blocks.length) problems.push(`event loop blocked ${watch.maxBlockMs} ms`);
      list('requests without a complete answer', silent);
      if (after.heapMb - before.heapMb > limits.growthMb) problems.push(`heap grew ${Math.round(after.heapMb - before.heapMb)} MB`);
      if (after.rssMb - before.rssMb > limits.growthMb) problems.push(`RSS grew ${Math.round(after.rssMb - before.rssMb)} MB`);
      if (alive.status !== 200 || alive.body.errors) problems.push(`the server no longer answers { __typename }: ${JSON.stringify(alive)}`);
      if (health !== 200) problems.push(`/healthz answers ${health} after the run`);
      expect(problems, `FUZZ_SEED=${seed}\n${problems.join('\n')}`).toEqual([]);
    },
  );
});
