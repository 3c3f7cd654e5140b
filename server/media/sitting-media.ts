import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { MediaSource } from '@contract/media-channels';
import type { Logger } from '../log';
import { MediaError } from './errors';
import {
  floorView,
  type ConsumerInfo,
  type Held,
  type JoinResult,
  type MediaCloseReason,
  type MediaMethods,
  type MediaNotification,
  type ProduceRequest,
  type ProducerInfo,
  type TransportInfo,
} from './media-protocol';
import { DEFAULT_PEER_QUOTAS, quotaExceeded, type PeerQuotas } from './media-quotas';
import { Peer, type ConsumerData, type ProducerData } from './peer';
import { RouterSet } from './router-set';
import {
  channelKey,
  EMPTY_FLOOR,
  parseChannelKey,
  gainIn,
  holdReason,
  listenPlan,
  mayPublish,
  sameFloor,
  type FloorState,
  type ListenerChoice,
  type Listening,
  type MediaParticipant,
} from './topology';
import type { WorkerPool } from './worker-pool';
import { DEFAULT_PEERS_PER_WORKER, SOCKET_BUFFER_BYTES } from './worker-settings';

const BUFFERS = { recvBufferSize: SOCKET_BUFFER_BYTES, sendBufferSize: SOCKET_BUFFER_BYTES };

export interface SittingMediaOptions {
  readonly sittingId: string;
  readonly pool: WorkerPool;
  readonly log: Logger;
  /** Where WebRTC and plain transports listen and what they announce. */
  readonly listen: MediaListen;
  /** Peers per router before the sitting grows a router on another worker. */
  readonly peersPerRouter?: number;
  /** What one peer may hold at once; DEFAULT_PEER_QUOTAS when unset. */
  readonly quotas?: PeerQuotas;
}

export interface MediaListen {
  readonly ip: string;
  readonly announcedAddress: string | undefined;
  readonly portRange: { readonly min: number; readonly max: number };
}

/** An original producer (not a pipe copy) and the router it lives on: what the broadcast program taps. */
export interface ProgramProducerRef {
  readonly producer: types.Producer<ProducerData>;
  readonly router: types.Router;
}

export interface SittingMediaEvents {
  programProducer: [ref: ProgramProducerRef];
  notify: [peerId: string, notification: MediaNotification];
  close: [reason: MediaCloseReason];
}

/** The kind a browser's capture carries; hall feeds may carry either. */
const KIND_OF_SOURCE: Readonly<Record<MediaSource, types.MediaKind | undefined>> = { microphone: 'audio', camera: 'video', screen: 'video', hall: undefined };

interface Published {
  readonly peer: Peer;
  readonly producer: types.Producer<ProducerData>;
  /** The hold reason its owner was last told. */
  held: Held | null;
}

/**
 * One sitting's media: its routers, the peers in it, and the topology applied to them. Built by
 * `create()`; `close()` is idempotent, closes the routers (which closes everything under them)
 * and emits `close`. Procedure reaches it only through `setFloor()`.
 */
export class SittingMedia extends EventEmitter<SittingMediaEvents> {
  private readonly peers = new Map<string, Peer>();
  /** Every original producer (not pipe copies), by id. */
  private readonly published = new Map<string, Published>();
  private floor: FloorState = EMPTY_FLOOR;
  /** Who procedure keeps out now (dismiss()): refused at join. */
  private barred: ReadonlySet<string> = new Set();
  private closed = false;
  /** Routers whose worker death this sitting already listens for. */
  private readonly watched = new WeakSet<types.Router>();

  static async create(opts: SittingMediaOptions): Promise<SittingMedia> {
    const routers = await RouterSet.create(opts.pool, opts.peersPerRouter ?? DEFAULT_PEERS_PER_WORKER, { sittingId: opts.sittingId });
    try {
      const speaker = await routers.primary.createActiveSpeakerObserver({ interval: 300 });
      return new SittingMedia(opts, routers, speaker);
    } catch (error) {
      routers.close();
      throw error;
    }
  }

  private constructor(
    private readonly opts: SittingMediaOptions,
    readonly routers: RouterSet,
    private readonly speaker: types.ActiveSpeakerObserver,
  ) {
    super();
    this.watchRouter(routers.primary);
    speaker.on('dominantspeaker', ({ producer }) => {
      const peerId = this.published.get(producer.id)?.peer.id ?? null;
      for (const p of this.peers.values()) this.notify(p, { method: 'activeSpeaker', data: { peerId } });
    });
  }

  get sittingId(): string {
    return this.opts.sittingId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.routers.rtpCapabilities;
  }

  has(peerId: string): boolean {
    return this.peers.has(peerId);
  }

  /**
   * The people who may not be in the sitting now (removed by the chair's team, or no longer admitted):
   * their peers close at once, told why, and they cannot join until procedure lets them in again.
   */
  dismiss(barred: ReadonlySet<string>): void {
    this.barred = barred;
    for (const peer of [...this.peers.values()]) {
      if (!barred.has(peer.id)) continue;
      this.notify(peer, { method: 'mediaClosed', data: { reason: 'removed' } });
      this.leave(peer.id);
      this.opts.log.info('dismiss() | peer removed by procedure', { sitting: this.sittingId, peer: peer.id });
    }
  }

  async join(participant: MediaParticipant, rtpCapabilities: types.RtpCapabilities, choice: ListenerChoice): Promise<JoinResult> {
    this.assertOpen();
    this.assertNotExcluded(participant.id);
    if (this.barred.has(participant.id)) throw new MediaError('media.not_allowed', `${participant.id} was removed from the sitting and is not admitted again`);
    if (this.peers.has(participant.id)) throw new MediaError('media.already_joined', `${participant.id} has already joined the sitting's media`);
    const router = await this.routers.place();
    // NOTE: the same person may have joined, been excluded, or the media closed, while the router was chosen.
    if (this.closed || this.peers.has(participant.id) || this.floor.excluded?.includes(participant.id)) {
      this.routers.release(router);
      this.assertOpen();
      this.assertNotExcluded(participant.id);
      throw new MediaError('media.already_joined', `${participant.id} has already joined the sitting's media`);
    }
    this.watchRouter(router);
    const peer = new Peer(participant, choice, router, rtpCapabilities);
    peer.plan = listenPlan(participant, choice, this.floor);
    this.peers.set(peer.id, peer);
    this.opts.log.debug('join() | peer joined', { sitting: this.sittingId, peer: peer.id, router: router.id });
    return { routerRtpCapabilities: this.rtpCapabilities, plan: peer.plan, producers: this.visibleTo(peer), floor: floorView(this.floor) };
  }

  leave(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    peer.close();
    this.routers.release(peer.router);
  }

  async createWebRtcTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportInfo> {
    const peer = this.peer(peerId);
    const { ip, announcedAddress, portRange } = this.opts.listen;
    const listen = (protocol: 'udp' | 'tcp'): types.TransportListenInfo => ({
      protocol,
      ip,
      ...(announcedAddress ? { announcedAddress } : {}),
      portRange: { ...portRange },
      ...BUFFERS,
    });
    const limit = this.quotas.transports;
    if (this.webRtcTransports(peer) + peer.pending.transports >= limit) throw quotaExceeded('WebRTC transports', limit, peerId);
    peer.pending.transports++;
    let transport: types.WebRtcTransport;
    try {
      transport = await peer.router.createWebRtcTransport({
        listenInfos: [listen('udp'), listen('tcp')],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: 1_000_000,
        appData: { peerId, direction },
      });
    } finally {
      peer.pending.transports--;
    }
    this.adoptTransport(peer, transport);
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') {
        this.opts.log.warn('transport dtls ended | closing it', { peer: peerId, transport: transport.id, state });
        transport.close();
      }
    });
    return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
  }

  /** A plain RTP transport for a hall feed (mixing desk, room camera) or a server-side tap. */
  async createPlainTransport(peerId: string, opts: { comedia: boolean }): Promise<{ id: string; ip: string; port: number }> {
    const peer = this.peer(peerId);
    const { ip, announcedAddress, portRange } = this.opts.listen;
    const transport = await peer.router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip, ...(announcedAddress ? { announcedAddress } : {}), portRange: { ...portRange }, ...BUFFERS },
      rtcpMux: true,
      comedia: opts.comedia,
      appData: { peerId },
    });
    this.adoptTransport(peer, transport);
    return { id: transport.id, ip: transport.tuple.localAddress, port: transport.tuple.localPort };
  }

  async connectTransport(peerId: string, transportId: string, params: { dtlsParameters: types.DtlsParameters } | { ip: string; port: number }): Promise<void> {
    await this.transport(this.peer(peerId), transportId).connect(params);
  }

  async restartIce(peerId: string, transportId: string): Promise<types.IceParameters> {
    const transport = this.transport(this.peer(peerId), transportId);
    if (transport.type !== 'webrtc') throw new MediaError('media.bad_request', 'only WebRTC transports have ICE');
    return (transport as types.WebRtcTransport).restartIce();
  }

  async produce(peerId: string, transportId: string, req: ProduceRequest): Promise<MediaMethods['produce'][1]> {
    const peer = this.peer(peerId);
    const transport = this.transport(peer, transportId);
    if (!mayPublish(peer.participant, req.channel, this.floor)) {
      throw new MediaError('media.not_allowed', `${peerId} may not publish into ${channelKey(req.channel)}`);
    }
    const channel = channelKey(req.channel);
    const kind = KIND_OF_SOURCE[req.source];
    if (kind && kind !== req.kind) throw new MediaError('media.bad_request', `a ${req.source} producer carries ${kind}, not ${req.kind}`);
    // A browser holds one producer per channel and source; hall feeds (plain transports) are the server's own.
    const slot = transport.type === 'webrtc' ? `${channel}/${req.source}` : undefined;
    if (slot) this.reserveSlot(peer, slot, `its ${req.source} into ${channel}`);
    const live = holdReason(peer.participant, req.channel, this.floor) === null;
    let producer: types.Producer<ProducerData>;
    try {
      producer = await transport.produce({
        kind: req.kind,
        rtpParameters: req.rtpParameters,
        paused: !live,
        appData: { peerId, channel, source: req.source },
      });
    } finally {
      if (slot) peer.pending.producers.delete(slot);
    }
    peer.producers.set(producer.id, producer);
    if (slot) peer.slots.set(slot, producer.id);
    const pub: Published = { peer, producer, held: this.heldBecause(peer, producer) };
    this.published.set(producer.id, pub);
    this.emit('programProducer', { producer, router: peer.router });
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      if (slot && peer.slots.get(slot) === producer.id) peer.slots.delete(slot);
      this.published.delete(producer.id);
      for (const p of this.peers.values())
        if (p !== peer && gainIn(p.plan, channel) !== undefined) this.notify(p, { method: 'producerRemoved', data: { producerId: producer.id } });
    });
    if (req.kind === 'audio' && channel === 'floor') {
      // Active-speaker detection is a nicety: failing to pipe for it must not fail the speaker's produce.
      await this.observeSpeaker(peer, producer).catch((error: unknown) =>
        this.opts.log.warn('produce() | active-speaker observer refused the producer', { producer: producer.id, error }),
      );
    }
    for (const p of this.peers.values()) {
      const info = p === peer ? undefined : this.infoFor(p, pub);
      if (info) this.notify(p, { method: 'producerAdded', data: info });
    }
    return { id: producer.id, live, held: pub.held };
  }

  /** A peer mutes or unmutes one of their own producers; the server's hold stays on top of it. */
  async setSelfMuted(peerId: string, producerId: string, muted: boolean): Promise<MediaMethods['setSelfMuted'][1]> {
    const peer = this.peer(peerId);
    const pub = peer.producers.has(producerId) ? this.published.get(producerId) : undefined;
    if (!pub) throw new MediaError('media.producer_not_found', `no producer ${producerId} of ${peerId}`);
    if (muted) peer.selfMuted.add(producerId);
    else peer.selfMuted.delete(producerId);
    await this.reconcile(pub);
    return { live: !pub.producer.paused, held: pub.held };
  }

  closeProducer(peerId: string, producerId: string): void {
    const producer = this.peer(peerId).producers.get(producerId);
    if (!producer) throw new MediaError('media.producer_not_found', `no producer ${producerId} of ${peerId}`);
    producer.close();
  }

  async consume(peerId: string, transportId: string, producerId: string): Promise<ConsumerInfo> {
    const peer = this.peer(peerId);
    const transport = this.transport(peer, transportId);
    const source = this.published.get(producerId);
    if (!source) throw new MediaError('media.producer_not_found', `no producer ${producerId} in this sitting`);
    const channel = source.producer.appData.channel;
    const gain = gainIn(peer.plan, channel);
    if (gain === undefined || source.peer === peer) throw new MediaError('media.not_allowed', `${peerId} does not listen to ${channel}`);
    // A browser consumes each producer once (the topology's bound); server-side taps are the server's own.
    const browser = transport.type === 'webrtc';
    if (browser && (peer.consuming.has(producerId) || peer.pending.consuming.has(producerId))) {
      throw new MediaError('media.quota_exceeded', `${peerId} already consumes producer ${producerId}`);
    }
    const limit = this.quotas.consumers;
    if (peer.consumers.size + peer.pending.consumers >= limit) throw quotaExceeded('consumers', limit, peerId);
    peer.pending.consumers++;
    if (browser) peer.pending.consuming.add(producerId);
    let consumer: types.Consumer<ConsumerData>;
    try {
      await this.routers.ensureOn(producerId, source.peer.router, peer.router);
      if (!peer.router.canConsume({ producerId, rtpCapabilities: peer.rtpCapabilities })) {
        throw new MediaError('media.cannot_consume', `${peerId}'s device cannot receive producer ${producerId}`);
      }
      // NOTE: consumers start paused; the client resumes once its side is set up, so the first
      // packets (and the key frame the resume requests) are not lost to SDP negotiation.
      consumer = await transport.consume({
        producerId,
        rtpCapabilities: peer.rtpCapabilities,
        paused: true,
        // Listeners who do not pin a speaker get the lowest simulcast layer.
        ...(source.producer.kind === 'video' ? { preferredLayers: { spatialLayer: 0 } } : {}),
        appData: { peerId, channel },
      });
    } finally {
      peer.pending.consumers--;
      if (browser) peer.pending.consuming.delete(producerId);
    }
    // NOTE: the floor state may have changed while the pipe and consumer were being made.
    if (peer.closed || gainIn(peer.plan, channel) === undefined) {
      consumer.close();
      throw new MediaError('media.not_allowed', `${peerId} no longer listens to ${channel}`);
    }
    peer.consumers.set(consumer.id, consumer);
    if (browser) peer.consuming.set(producerId, consumer.id);
    consumer.observer.once('close', () => {
      peer.consumers.delete(consumer.id);
      if (peer.consuming.get(producerId) === consumer.id) peer.consuming.delete(producerId);
    });
    consumer.on('producerclose', () => this.notify(peer, { method: 'consumerClosed', data: { consumerId: consumer.id } }));
    consumer.on('producerpause', () => this.notify(peer, { method: 'consumerPaused', data: { consumerId: consumer.id } }));
    consumer.on('producerresume', () => this.notify(peer, { method: 'consumerResumed', data: { consumerId: consumer.id } }));
    return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters, producerPaused: consumer.producerPaused, gain };
  }

  /** The consumer of one of this peer's: resume, pause, pick a simulcast layer, ask for a key frame. */
  consumer(peerId: string, consumerId: string): types.Consumer<ConsumerData> {
    const consumer = this.peer(peerId).consumers.get(consumerId);
    if (!consumer) throw new MediaError('media.consumer_not_found', `no consumer ${consumerId} of ${peerId}`);
    return consumer;
  }

  setChoice(peerId: string, choice: ListenerChoice): readonly Listening[] {
    const peer = this.peer(peerId);
    peer.choice = choice;
    this.replan(peer);
    return peer.plan;
  }

  /**
   * Applies the procedure's floor state: pauses and resumes producers, closes those no longer
   * allowed, re-plans every peer. Resolves when the workers have applied every pause and resume.
   */
  async setFloor(floor: FloorState): Promise<void> {
    this.assertOpen();
    // Ballot-only commits never get here (the bridge skips them); most others (requests) leave the floor as it was.
    if (sameFloor(this.floor, floor)) return;
    this.floor = floor;
    // An excluded member leaves the chamber at once: their peer closes (with every producer), before anything is resumed.
    for (const id of floor.excluded ?? []) {
      const peer = this.peers.get(id);
      if (!peer) continue;
      this.notify(peer, { method: 'mediaClosed', data: { reason: 'excluded' } });
      this.leave(id);
      this.opts.log.info('setFloor() | excluded peer closed', { sitting: this.sittingId, peer: id });
    }
    const changes: Promise<void>[] = [];
    for (const pub of [...this.published.values()]) {
      if (!mayPublish(pub.peer.participant, parseChannelKey(pub.producer.appData.channel), floor)) {
        pub.producer.close(); // e.g. a member who left their subroom
        continue;
      }
      changes.push(this.reconcile(pub));
    }
    const view = floorView(floor);
    for (const peer of this.peers.values()) {
      this.replan(peer);
      this.notify(peer, { method: 'floorChanged', data: view });
    }
    await Promise.all(changes);
  }

  get floorState(): FloorState {
    return this.floor;
  }

  /** Why a producer is held now: the floor state's reason, else the owner's own mute, else null. */
  private heldBecause(peer: Peer, producer: types.Producer<ProducerData>): Held | null {
    return holdReason(peer.participant, parseChannelKey(producer.appData.channel), this.floor) ?? (peer.selfMuted.has(producer.id) ? 'self_muted' : null);
  }

  /** Pauses or resumes one producer to match the floor state and the owner's mute, and says so. */
  private async reconcile(pub: Published): Promise<void> {
    const { peer, producer } = pub;
    const held = this.heldBecause(peer, producer);
    const live = held === null;
    const told = pub.held;
    pub.held = held;
    if (live === !producer.paused) {
      // Still held, for another reason (e.g. self-muted, then the floor passed): only the owner's UI cares.
      if (held !== told) this.notify(peer, { method: 'producerLive', data: { producerId: producer.id, live, held } });
      return;
    }
    const change = live ? producer.resume() : producer.pause();
    // The owner shows "you are live" (or why not); listeners consume floor microphones only while live.
    for (const p of this.peers.values()) {
      if (p === peer || gainIn(p.plan, producer.appData.channel) !== undefined)
        this.notify(p, { method: 'producerLive', data: { producerId: producer.id, live, held } });
    }
    await change;
  }

  /** Every original producer now, with its router (the broadcast program taps them). */
  programProducers(): ProgramProducerRef[] {
    return [...this.published.values()].map(({ peer, producer }) => ({ producer, router: peer.router }));
  }

  /** Counts for /metrics and tests. */
  stats(): { peers: number; producers: number; consumers: number; routers: number; pipes: number } {
    let consumers = 0;
    for (const p of this.peers.values()) consumers += p.consumers.size;
    return { peers: this.peers.size, producers: this.published.size, consumers, ...this.routers.counts };
  }

  /** What one peer holds, counted as its quotas count it; undefined when it has not joined. */
  usage(peerId: string): { webRtcTransports: number; transports: number; producers: number; consumers: number } | undefined {
    const peer = this.peers.get(peerId);
    if (!peer) return undefined;
    return { webRtcTransports: this.webRtcTransports(peer), transports: peer.transports.size, producers: peer.producers.size, consumers: peer.consumers.size };
  }

  close(reason: MediaCloseReason = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    for (const peer of this.peers.values()) this.notify(peer, { method: 'mediaClosed', data: { reason } });
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.routers.close();
    this.opts.log.info('close() | sitting media closed', { sitting: this.sittingId, reason });
    this.emit('close', reason);
  }

  private replan(peer: Peer): void {
    const plan = listenPlan(peer.participant, peer.choice, this.floor);
    if (JSON.stringify(plan) === JSON.stringify(peer.plan)) return;
    peer.plan = plan;
    for (const consumer of [...peer.consumers.values()]) {
      if (gainIn(plan, consumer.appData.channel) === undefined) {
        consumer.close();
        this.notify(peer, { method: 'consumerClosed', data: { consumerId: consumer.id } });
      }
    }
    this.notify(peer, { method: 'planChanged', data: { plan, producers: this.visibleTo(peer) } });
  }

  private visibleTo(peer: Peer): ProducerInfo[] {
    return [...this.published.values()].flatMap((pub) => {
      const info = pub.peer === peer ? undefined : this.infoFor(peer, pub);
      return info ? [info] : [];
    });
  }

  private infoFor(viewer: Peer, { peer, producer }: Published): ProducerInfo | undefined {
    const gain = gainIn(viewer.plan, producer.appData.channel);
    if (gain === undefined) return undefined;
    const { channel, source } = producer.appData;
    return {
      producerId: producer.id,
      peerId: peer.id,
      kind: producer.kind,
      channel,
      source,
      gain,
      live: !producer.paused,
      held: this.heldBecause(peer, producer),
    };
  }

  private async observeSpeaker(peer: Peer, producer: types.Producer): Promise<void> {
    await this.routers.ensureOn(producer.id, peer.router, this.routers.primary);
    await this.speaker.addProducer({ producerId: producer.id });
  }

  private get quotas(): PeerQuotas {
    return this.opts.quotas ?? DEFAULT_PEER_QUOTAS;
  }

  private webRtcTransports(peer: Peer): number {
    let n = 0;
    for (const t of peer.transports.values()) if (t.type === 'webrtc') n++;
    return n;
  }

  /** Takes a producer slot for the browser, or refuses: one per channel and source, and a few in all. */
  private reserveSlot(peer: Peer, slot: string, what: string): void {
    if (peer.slots.has(slot) || peer.pending.producers.has(slot)) {
      throw new MediaError('media.quota_exceeded', `${peer.id} already publishes ${what}: close that producer first`);
    }
    const limit = this.quotas.producers;
    if (peer.slots.size + peer.pending.producers.size >= limit) throw quotaExceeded('producers', limit, peer.id);
    peer.pending.producers.add(slot);
  }

  private adoptTransport(peer: Peer, transport: types.Transport): void {
    if (peer.closed) {
      transport.close();
      throw new MediaError('media.not_joined', `${peer.id} left while the transport was being created`);
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
  }

  private watchRouter(router: types.Router): void {
    if (this.watched.has(router)) return;
    this.watched.add(router);
    router.once('workerclose', () => this.close('worker_died'));
  }

  private notify(peer: Peer, notification: MediaNotification): void {
    this.emit('notify', peer.id, notification);
  }

  private peer(peerId: string): Peer {
    this.assertOpen();
    const peer = this.peers.get(peerId);
    if (!peer) throw new MediaError('media.not_joined', `${peerId} has not joined the sitting's media`);
    return peer;
  }

  private transport(peer: Peer, transportId: string): types.Transport {
    const transport = peer.transports.get(transportId);
    if (!transport) throw new MediaError('media.transport_not_found', `no transport ${transportId} of ${peer.id}`);
    return transport;
  }

  private assertNotExcluded(peerId: string): void {
    if (this.floor.excluded?.includes(peerId)) throw new MediaError('media.excluded', `${peerId} is excluded from the sitting`);
  }

  private assertOpen(): void {
    if (this.closed) throw new MediaError('media.closed', `the media of sitting ${this.sittingId} is closed`);
  }
}
