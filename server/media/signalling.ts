// Browser ↔ server media signalling as a table: method name → a small handler that validates
// its data, checks its guards and calls SittingMedia. Transport-agnostic: the WebSocket (or any
// other carrier) passes { method, data } in and sends the result or the MediaError code back.
import type { types } from 'mediasoup';
import { z } from 'zod';
import { MediaError } from './errors';
import { MAX_SITTINGS_PER_PERSON, type RateClass } from './media-quotas';
import { capturedSources } from '@contract/media-channels';
import type { MediaMethod, MediaRequestData } from '@contract/media-protocol';
import { NO_ICE, type JoinAnswer, type JoinIce, type MediaMethods } from './media-protocol';
import type { MediaRegistry } from './media-registry';
import type { SittingMedia } from './sitting-media';
import type { MediaParticipant } from './topology';

export interface SignallingContext {
  readonly registry: MediaRegistry;
  readonly sittingId: string;
  /** Who is asking, as the services loaded them after authentication. */
  readonly participant: MediaParticipant;
  /**
   * The ICE servers for a join of this participant, minted at the moment of asking (TURN
   * credentials expire; each join, so each reconnect, gets fresh ones). Unset: no TURN.
   */
  readonly ice?: () => JoinIce;
}

const id = z.string().min(1).max(100);
const transportId = z.strictObject({ transportId: id });
const consumerId = z.strictObject({ consumerId: id });
// mediasoup validates these structures in depth (ortc.ts) and throws TypeError; we check the
// shape a client can get wrong by accident and let mediasoup judge the rest.
const rtpCapabilities = z.looseObject({
  codecs: z.array(z.looseObject({ mimeType: z.string(), kind: z.enum(['audio', 'video']), clockRate: z.number().int() })).optional(),
});
const rtpParameters = z.looseObject({
  codecs: z.array(z.looseObject({ mimeType: z.string(), payloadType: z.number().int().min(0).max(127), clockRate: z.number().int() })).min(1),
  encodings: z.array(z.looseObject({})).optional(),
});
const dtlsParameters = z.strictObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z.array(z.strictObject({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: z.string().min(1) })).min(1),
});
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "fr" or "de-CH"');
const channel = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('floor') }),
  z.strictObject({ kind: z.literal('sign') }),
  z.strictObject({ kind: z.literal('interpretation'), language }),
  z.strictObject({ kind: z.literal('subroom'), subroomId: id }),
]);
const choice = z.strictObject({ language: language.nullable().default(null), sign: z.boolean().default(false) });

/** The RTP structures of a request as the schemas above check them; mediasoup judges the rest. */
interface WireRtc {
  readonly rtpCapabilities: z.output<typeof rtpCapabilities>;
  readonly rtpParameters: z.output<typeof rtpParameters>;
  readonly dtlsParameters: z.output<typeof dtlsParameters>;
  readonly iceParameters: unknown;
  readonly iceCandidate: unknown;
}
type Requests = MediaRequestData<WireRtc>;

/**
 * Each method's data as it must arrive (contract/media-protocol.ts): every method that takes data
 * has a schema, and each schema yields the contract's type, so neither can change alone.
 */
const requests = {
  join: z.strictObject({ rtpCapabilities, language: choice.shape.language, sign: choice.shape.sign }),
  createWebRtcTransport: z.strictObject({ direction: z.enum(['send', 'recv']) }),
  connectWebRtcTransport: transportId.extend({ dtlsParameters }),
  restartIce: transportId,
  produce: transportId.extend({ kind: z.enum(['audio', 'video']), rtpParameters, channel, source: z.enum(capturedSources) }),
  setSelfMuted: z.strictObject({ producerId: id, muted: z.boolean() }),
  closeProducer: z.strictObject({ producerId: id }),
  consume: transportId.extend({ producerId: id }),
  closeConsumer: consumerId,
  resumeConsumer: consumerId,
  pauseConsumer: consumerId,
  requestConsumerKeyFrame: consumerId,
  setConsumerPreferredLayers: consumerId.extend({ spatialLayer: z.number().int().min(0).max(3), temporalLayer: z.number().int().min(0).max(3).optional() }),
  setChoice: choice,
} satisfies { readonly [M in keyof Requests]: z.ZodType<Requests[M]> };

/** And the other way: the methods whose schema would refuse data the contract lets a browser send (none). */
type Refused = { [M in keyof Requests]: [Requests[M]] extends [z.input<(typeof requests)[M]>] ? never : M }[keyof Requests];
// Does not compile while a method is Refused, and names it.
export const schemasAcceptTheContract: [Refused] extends [never] ? true : Refused = true;

/** One method: its data unchecked, its answer the contract's. */
type Handler<M extends MediaMethod> = (ctx: SignallingContext, data: unknown) => Promise<MediaMethods[M][1]>;

/** The media of the context's sitting, which the peer must have joined. */
function joined(ctx: SignallingContext): SittingMedia {
  const media = ctx.registry.get(ctx.sittingId);
  if (!media || !media.has(ctx.participant.id)) throw new MediaError('media.not_joined', "join the sitting's media first");
  return media;
}

const handlers = {
  async getRouterRtpCapabilities(ctx) {
    return (await ctx.registry.getOrCreate(ctx.sittingId)).rtpCapabilities;
  },
  async join(ctx, data) {
    const d = requests.join.parse(data);
    const media = await ctx.registry.getOrCreate(ctx.sittingId);
    // Per person, not per peer: each sitting's media would otherwise multiply every quota.
    if (!media.has(ctx.participant.id) && ctx.registry.sittingsOf(ctx.participant.id) >= MAX_SITTINGS_PER_PERSON) {
      throw new MediaError(
        'media.quota_exceeded',
        `${ctx.participant.id} takes part in the media of ${MAX_SITTINGS_PER_PERSON} sittings already, the most one person may`,
      );
    }
    const joined = await media.join(ctx.participant, d.rtpCapabilities as types.RtpCapabilities, { language: d.language, sign: d.sign });
    // Minted only for a join that succeeded, for the authenticated participant and no one else.
    return { ...joined, ...(ctx.ice?.() ?? NO_ICE) } satisfies JoinAnswer;
  },
  async leave(ctx) {
    ctx.registry.get(ctx.sittingId)?.leave(ctx.participant.id);
    return {};
  },
  async createWebRtcTransport(ctx, data) {
    const { direction } = requests.createWebRtcTransport.parse(data);
    return joined(ctx).createWebRtcTransport(ctx.participant.id, direction);
  },
  async connectWebRtcTransport(ctx, data) {
    const d = requests.connectWebRtcTransport.parse(data);
    await joined(ctx).connectTransport(ctx.participant.id, d.transportId, { dtlsParameters: d.dtlsParameters });
    return {};
  },
  async restartIce(ctx, data) {
    const d = requests.restartIce.parse(data);
    // A restart may allocate a new relay (the network changed): with a credential valid now, not the join's.
    return { iceParameters: await joined(ctx).restartIce(ctx.participant.id, d.transportId), iceServers: (ctx.ice?.() ?? NO_ICE).iceServers };
  },
  async produce(ctx, data) {
    const d = requests.produce.parse(data);
    return joined(ctx).produce(ctx.participant.id, d.transportId, { ...d, rtpParameters: d.rtpParameters });
  },
  async setSelfMuted(ctx, data) {
    const d = requests.setSelfMuted.parse(data);
    return joined(ctx).setSelfMuted(ctx.participant.id, d.producerId, d.muted);
  },
  async closeProducer(ctx, data) {
    const d = requests.closeProducer.parse(data);
    joined(ctx).closeProducer(ctx.participant.id, d.producerId);
    return {};
  },
  async consume(ctx, data) {
    const d = requests.consume.parse(data);
    return joined(ctx).consume(ctx.participant.id, d.transportId, d.producerId);
  },
  /** A listener drops a consumer it no longer shows (a floor microphone that went quiet, say). */
  async closeConsumer(ctx, data) {
    joined(ctx).consumer(ctx.participant.id, requests.closeConsumer.parse(data).consumerId).close();
    return {};
  },
  async resumeConsumer(ctx, data) {
    await joined(ctx).consumer(ctx.participant.id, requests.resumeConsumer.parse(data).consumerId).resume();
    return {};
  },
  async pauseConsumer(ctx, data) {
    await joined(ctx).consumer(ctx.participant.id, requests.pauseConsumer.parse(data).consumerId).pause();
    return {};
  },
  async setConsumerPreferredLayers(ctx, data) {
    const d = requests.setConsumerPreferredLayers.parse(data);
    const layers = d.temporalLayer === undefined ? { spatialLayer: d.spatialLayer } : { spatialLayer: d.spatialLayer, temporalLayer: d.temporalLayer };
    await joined(ctx).consumer(ctx.participant.id, d.consumerId).setPreferredLayers(layers);
    return {};
  },
  async requestConsumerKeyFrame(ctx, data) {
    await joined(ctx).consumer(ctx.participant.id, requests.requestConsumerKeyFrame.parse(data).consumerId).requestKeyFrame();
    return {};
  },
  async setChoice(ctx, data) {
    const d = requests.setChoice.parse(data);
    return { plan: joined(ctx).setChoice(ctx.participant.id, d) };
  },
} satisfies { readonly [M in MediaMethod]: Handler<M> };

export type SignallingMethod = MediaMethod;

/** The rate (media-quotas.ts RATES) each method draws on; unlisted methods only read or leave. */
const RATED: { readonly [M in SignallingMethod]?: RateClass } = {
  join: 'join',
  createWebRtcTransport: 'transport',
  connectWebRtcTransport: 'transport',
  restartIce: 'iceRestart',
  produce: 'fanout',
  closeProducer: 'fanout',
  setSelfMuted: 'fanout',
  consume: 'consumers',
  closeConsumer: 'consumers',
  pauseConsumer: 'consumers',
  resumeConsumer: 'consumers',
  setConsumerPreferredLayers: 'layers',
  requestConsumerKeyFrame: 'keyFrame',
  setChoice: 'choice',
};
export const SIGNALLING_METHODS = Object.freeze(Object.keys(handlers)) as readonly SignallingMethod[];

/**
 * Runs one request. Bad input and broken rules come back as MediaError (with a code for the
 * client); anything else is a server fault and is rethrown for the carrier to log and mask.
 */
export async function handleMediaRequest(ctx: SignallingContext, method: string, data: unknown): Promise<unknown> {
  if (!Object.hasOwn(handlers, method)) throw new MediaError('media.unknown_method', `unknown media method ${JSON.stringify(method)}`);
  const rated = RATED[method as SignallingMethod];
  // Before validation: a flood of malformed requests costs as much to refuse as well-formed ones.
  if (rated) ctx.registry.rates.take(ctx.participant.id, rated, method);
  try {
    return await handlers[method as SignallingMethod](ctx, data ?? {});
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new MediaError('media.bad_request', `${method}: ${error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ')}`);
    }
    if (fromMediasoupValidation(error)) throw new MediaError('media.bad_request', `${method}: ${error.message}`);
    throw error;
  }
}

/** mediasoup reports invalid RTP parameters as TypeError (ortc.ts) and unknown codecs as UnsupportedError. */
function fromMediasoupValidation(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  if (error.name === 'UnsupportedError') return true;
  // Only its own TypeErrors: one of ours is a bug and must surface as such.
  return error instanceof TypeError && /node_modules[\\/]mediasoup[\\/]/.test(error.stack?.split('\n')[1] ?? '');
}
