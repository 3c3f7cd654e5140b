/**
 * WebSocket frames a hostile client sends: media signalling requests shaped from the protocol
 * (server/media/signalling.ts) with random and hostile fields, graphql-ws messages with generated
 * documents, and frames that are not what the protocol allows (binary, invalid UTF-8, oversize,
 * fragments left open, random bytes below the WebSocket framing). Pure: same rng, same frame.
 */
import type { GraphQLSchema } from 'graphql';
import { SIGNALLING_METHODS } from '../media/signalling';
import { generateDocument } from './fuzz-graphql';
import type { Rng } from './fuzz-random';
import { hostileJson, hostileNumber, hostileString } from './hostile-values';

/** One message as the `ws` client sends it. */
export type WsFrame =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary'; readonly data: Buffer }
  /** A text frame whose payload is not UTF-8. */
  | { readonly kind: 'invalid-utf8'; readonly data: Buffer }
  /** A message in fragments; `finish` false leaves the last one open. */
  | { readonly kind: 'fragments'; readonly parts: readonly string[]; readonly finish: boolean };

/** A message, or bytes written under the framing. */
export type Frame =
  | WsFrame
  /** Raw bytes on the socket after the upgrade: frames the client library would never build. */
  | { readonly kind: 'raw'; readonly data: Buffer };

export function describeFrame(f: Frame): string {
  const clip = (s: string) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s) + ` (${s.length} chars)`;
  switch (f.kind) {
    case 'text':
      return `text ${clip(f.text)}`;
    case 'binary':
    case 'invalid-utf8':
    case 'raw':
      return `${f.kind} ${f.data.subarray(0, 48).toString('hex')}${f.data.length > 48 ? '…' : ''} (${f.data.length} bytes)`;
    case 'fragments':
      return `fragments×${f.parts.length}${f.finish ? '' : ' (unfinished)'} ${clip(f.parts.join(''))}`;
  }
}

const id = (rng: Rng) => (rng.chance(0.5) ? rng.pick(['x', '1', 'sitting-42', '00000000-0000-0000-0000-000000000000']) : hostileString(rng, true));
const language = (rng: Rng) => (rng.chance(0.7) ? rng.pick(['en', 'fr', 'dgs', 'de', null]) : hostileString(rng, true));
const codec = (rng: Rng) => ({
  mimeType: rng.pick(['audio/opus', 'video/VP8', 'video/H264', 'audio/x', hostileString(rng, true)]),
  kind: rng.pick(['audio', 'video', 'x']),
  payloadType: rng.chance(0.8) ? rng.int(0, 127) : hostileNumber(rng),
  clockRate: rng.chance(0.8) ? rng.pick([48000, 90000]) : hostileNumber(rng),
  channels: rng.pick([1, 2, 255, -1]),
  parameters: rng.chance(0.3) ? hostileJson(rng, 2) : {},
});

/** The fields each signalling method takes, with plausible and hostile values. */
const fieldMakers: Record<string, (rng: Rng) => unknown> = {
  transportId: id,
  consumerId: id,
  producerId: id,
  direction: (rng) => rng.pick(['send', 'recv', 'both', hostileString(rng, true)]),
  dtlsParameters: (rng) => ({
    role: rng.pick(['auto', 'client', 'server', 'x']),
    fingerprints: Array.from({ length: rng.int(0, 3) }, () => ({
      algorithm: rng.pick(['sha-256', 'sha-1', 'md5']),
      value: rng.chance(0.5) ? 'AB:CD:EF' : hostileString(rng, true),
    })),
  }),
  kind: (rng) => rng.pick(['audio', 'video', 'data', hostileString(rng, true)]),
  rtpParameters: (rng) => ({
    codecs: Array.from({ length: rng.chance(0.03) ? rng.int(100, 300) : rng.int(0, 3) }, () => codec(rng)),
    encodings: Array.from({ length: rng.int(0, 4) }, () => ({
      ssrc: hostileNumber(rng),
      rid: rng.chance(0.5) ? 'r0' : hostileString(rng, true),
      maxBitrate: hostileNumber(rng),
    })),
    headerExtensions: rng.chance(0.3) ? hostileJson(rng, 2) : [],
    rtcp: rng.chance(0.3) ? { cname: hostileString(rng, true) } : undefined,
  }),
  channel: (rng) =>
    rng.pick([
      { kind: 'floor' },
      { kind: 'sign' },
      { kind: 'interpretation', language: language(rng) },
      { kind: 'subroom', subroomId: id(rng) },
      { kind: hostileString(rng, true) },
    ]),
  source: (rng) => rng.pick(['microphone', 'camera', 'screen', hostileString(rng, true)]),
  muted: (rng) => rng.pick([true, false, 'true', 0]),
  spatialLayer: (rng) => (rng.chance(0.7) ? rng.int(0, 3) : hostileNumber(rng)),
  temporalLayer: (rng) => (rng.chance(0.7) ? rng.int(0, 3) : hostileNumber(rng)),
  language,
  sign: (rng) => rng.pick([true, false, null, 'yes']),
  rtpCapabilities: (rng) => ({ codecs: Array.from({ length: rng.int(0, 3) }, () => codec(rng)), headerExtensions: rng.chance(0.2) ? hostileJson(rng, 2) : [] }),
};

const methodFields: Record<string, readonly string[]> = {
  getRouterRtpCapabilities: [],
  join: ['rtpCapabilities', 'language', 'sign'],
  leave: [],
  createWebRtcTransport: ['direction'],
  connectWebRtcTransport: ['transportId', 'dtlsParameters'],
  restartIce: ['transportId'],
  produce: ['transportId', 'kind', 'rtpParameters', 'channel', 'source'],
  setSelfMuted: ['producerId', 'muted'],
  closeProducer: ['producerId'],
  consume: ['transportId', 'producerId'],
  closeConsumer: ['consumerId'],
  resumeConsumer: ['consumerId'],
  pauseConsumer: ['consumerId'],
  setConsumerPreferredLayers: ['consumerId', 'spatialLayer', 'temporalLayer'],
  requestConsumerKeyFrame: ['consumerId'],
  setChoice: ['language', 'sign'],
};

function mediaData(rng: Rng, method: string): unknown {
  if (rng.chance(0.1)) return hostileJson(rng, 4);
  const data: Record<string, unknown> = {};
  const fields = Object.hasOwn(methodFields, method) ? methodFields[method]! : Object.keys(fieldMakers).filter(() => rng.chance(0.2));
  for (const f of fields) if (rng.chance(0.9)) data[f] = fieldMakers[f]!(rng);
  if (rng.chance(0.05)) data[rng.pick(['extra', '__proto__', 'constructor'])] = hostileJson(rng, 2);
  return data;
}

/** A join that the server accepts, so the requests after it reach the joined peer's paths. */
export const mediaJoinFrame: WsFrame = {
  kind: 'text',
  text: JSON.stringify({ id: 0, method: 'join', data: { rtpCapabilities: { codecs: [] }, language: null, sign: false } }),
};

function envelopeViolations(rng: Rng, request: string, maxPayload: number): WsFrame {
  return rng.weighted<() => WsFrame>([
    [30, () => ({ kind: 'text', text: hostileString(rng) })],
    [20, () => ({ kind: 'binary', data: rng.bytes(rng.int(0, 2048)) })],
    [
      15,
      () => ({
        kind: 'invalid-utf8',
        data: Buffer.concat([
          Buffer.from(request.slice(0, 40)),
          rng.pick([Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])]),
        ]),
      }),
    ],
    [10, () => ({ kind: 'text', text: JSON.stringify({ id: 1, method: 'join', data: 'x'.repeat(maxPayload + rng.int(1, 64 * 1024)) }) })],
    [
      15,
      () => {
        const cut = Math.max(1, Math.floor(request.length / rng.int(2, 5)));
        const parts = [];
        for (let i = 0; i < request.length; i += cut) parts.push(request.slice(i, i + cut));
        return { kind: 'fragments', parts, finish: rng.chance(0.6) };
      },
    ],
    [10, () => ({ kind: 'text', text: '' })],
  ])();
}

/** One frame on /media: mostly requests of the protocol, some that break its envelope. */
export function mediaFrame(rng: Rng): WsFrame {
  const method = rng.chance(0.9)
    ? rng.pick(SIGNALLING_METHODS)
    : rng.pick(['unknown', '__proto__', 'constructor', 'hasOwnProperty', 'toString', hostileString(rng, true)]);
  const frame: Record<string, unknown> = { id: rng.chance(0.9) ? rng.int(1, 1_000_000) : hostileJson(rng, 2), method, data: mediaData(rng, method) };
  if (rng.chance(0.05)) delete frame.method;
  const text = JSON.stringify(frame);
  return rng.chance(0.82) ? { kind: 'text', text } : envelopeViolations(rng, text, 64 * 1024);
}

/** One frame on graphql-ws: protocol messages with generated documents, and violations. */
export function graphqlWsFrame(rng: Rng, schema: GraphQLSchema, ids: readonly string[], bearer: string | undefined): WsFrame {
  const subscriptionId = rng.chance(0.8) ? String(rng.int(1, 20)) : hostileString(rng, true);
  const message = rng.weighted<() => unknown>([
    [5, () => ({ type: 'connection_init', payload: rng.chance(0.5) && bearer ? { authorization: `Bearer ${bearer}` } : hostileJson(rng, 2) })],
    [
      50,
      () => {
        const d = generateDocument(rng, schema, ids);
        return {
          id: subscriptionId,
          type: 'subscribe',
          payload: { query: d.query, variables: d.variables, operationName: rng.chance(0.1) ? hostileString(rng) : undefined },
        };
      },
    ],
    [10, () => ({ id: subscriptionId, type: 'complete' })],
    [8, () => ({ type: rng.pick(['ping', 'pong']), payload: rng.chance(0.3) ? hostileJson(rng, 2) : undefined })],
    [
      7,
      () => ({
        type: rng.pick(['start', 'stop', 'connection_terminate', 'next', 'error', hostileString(rng, true)]),
        id: subscriptionId,
        payload: hostileJson(rng, 2),
      }),
    ],
    [10, () => hostileJson(rng, 4)],
  ])();
  const text = JSON.stringify(message) ?? 'null';
  return rng.chance(0.85) ? { kind: 'text', text } : envelopeViolations(rng, text, 1024 * 1024);
}

/** The first frame of a graphql-ws connection, so most connections get past the handshake. */
export function graphqlWsInit(bearer: string | undefined): WsFrame {
  return { kind: 'text', text: JSON.stringify({ type: 'connection_init', payload: bearer ? { authorization: `Bearer ${bearer}` } : {} }) };
}

/**
 * Bytes under the framing: a frame header with random opcode, flags, mask and claimed length
 * (up to 2^63), and a payload that may be shorter than it claims.
 */
export function rawFrame(rng: Rng): Frame {
  if (rng.chance(0.2)) return { kind: 'raw', data: rng.bytes(rng.int(1, 512)) };
  const fin = rng.chance(0.7) ? 0x80 : 0;
  const rsv = rng.chance(0.15) ? rng.pick([0x40, 0x20, 0x10]) : 0;
  const opcode = rng.pick([0x0, 0x1, 0x2, 0x8, 0x9, 0xa, 0x3, 0x7, 0xb, 0xf]);
  const masked = rng.chance(0.85);
  const payload = rng.chance(0.5) ? Buffer.from(JSON.stringify(hostileJson(rng, 2)) ?? '') : rng.bytes(rng.int(0, 300));
  const claimed = rng.weighted<number | bigint>([
    [70, payload.length],
    [10, rng.int(0, 200)],
    [10, rng.int(65536, 10_000_000)],
    [10, rng.pick([2n ** 63n - 1n, 2n ** 64n - 1n, 2n ** 32n])],
  ]);
  const head: number[] = [fin | rsv | opcode];
  const m = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (typeof claimed === 'bigint' || claimed > 65535) {
    head.push(m | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt.asUintN(64, BigInt(claimed)));
  } else if (claimed > 125) {
    head.push(m | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(claimed);
  } else head.push(m | claimed);
  const mask = masked ? rng.bytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (masked) for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i % 4]!;
  return { kind: 'raw', data: Buffer.concat([Buffer.from(head), ext, mask, body]) };
}
