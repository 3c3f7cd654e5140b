import { Device, type types } from 'mediasoup-client';
import { iceOptions, rtcIceServers, type IceOptions } from './ice-options';
import { shouldConsume } from './listening';
import type { Held, ListenerChoice, Listening } from '@contract/media-channels';
import type { FloorView, MediaNotification, ProducerInfo } from '@contract/media-protocol';
import type { MediaSignalling } from './media-signalling';
import { OwnProducers, type OwnState } from './own-producers';
import { ownMedia, type CaptureSource, type MediaWho, type OwnKey } from './own-media';
import { RemoteConsumers, type RemoteMedia } from './remote-consumers';
import type { VideoWant } from './stage-layout';

/** What the session asks of its owner: who one is and what one wants, read at the moment it is needed. */
export interface SessionWishes {
  readonly who: MediaWho;
  choice(): ListenerChoice;
  selfMuted(source: CaptureSource): boolean;
  track(source: CaptureSource): MediaStreamTrack | null;
}

/** Where the session reports what it learns. */
export interface SessionReport {
  joined(plan: readonly Listening[], floor: FloorView): void;
  plan(plan: readonly Listening[]): void;
  floor(floor: FloorView): void;
  activeSpeaker(peerId: string | null): void;
  remotes(remotes: readonly RemoteMedia[]): void;
  own(own: Readonly<Partial<Record<OwnKey, OwnState>>>): void;
  /** A step failed; the session goes on. */
  failed(error: unknown): void;
  /** The server ended the sitting's media: `worker_died` asks for a rejoin, `closed` means the sitting ended, `excluded` that the person was excluded, `removed` that the chair's team removed them. */
  closed(reason: 'closed' | 'worker_died' | 'excluded' | 'removed'): void;
}

/** Errors that only mean the world moved on meanwhile (the producer left, the plan changed). */
const expectedRefusals = new Set(['media.not_allowed', 'media.producer_not_found', 'media.consumer_not_found', 'media.disconnected', 'media.closed']);

function expected(error: unknown): boolean {
  return typeof error === 'object' && error !== null && expectedRefusals.has((error as { code?: string }).code ?? '');
}

/**
 * One join of the sitting's media on one socket: the mediasoup device, a receive transport and
 * (for those who speak) a send transport, one's own producers and the consumers of others'. A
 * rejoin (reconnect, a media worker that died) makes a new session from the same wishes; a
 * disposed session only tidies up.
 */
export class MediaSession {
  private recv: Promise<types.Transport> | null = null;
  private consumers: RemoteConsumers | null = null;
  private plan: readonly Listening[] = [];
  private joined = false;
  private disposed = false;
  private readonly early: MediaNotification[] = [];
  private readonly known = new Map<string, ProducerInfo>();
  private readonly own: OwnProducers;

  constructor(
    private readonly signalling: MediaSignalling,
    private readonly wishes: SessionWishes,
    private readonly report: SessionReport,
  ) {
    this.own = new OwnProducers(signalling, wishes, {
      changed: (own) => report.own(own),
      failed: (error) => this.fail(error),
    });
  }

  async join(): Promise<void> {
    const routerRtpCapabilities = await this.signalling.request('getRouterRtpCapabilities', {});
    const device = new Device();
    await device.load({ routerRtpCapabilities });
    const choice = this.wishes.choice();
    const joined = await this.signalling.request('join', { rtpCapabilities: device.rtpCapabilities, language: choice.language, sign: choice.sign });
    if (this.disposed) {
      return;
    }
    this.joined = true;
    this.plan = joined.plan;
    // Fresh TURN credentials come with every join, and a reconnect joins again: so they renew.
    const ice = iceOptions(joined);
    this.recv = this.createRecvTransport(device, ice);
    this.consumers = new RemoteConsumers(this.signalling, this.recv, {
      remotes: (remotes) => this.report.remotes(remotes),
      failed: (error) => this.fail(error),
    });
    this.own.setDevice(device, ice);
    this.report.joined(joined.plan, joined.floor);
    for (const info of joined.producers) {
      this.learn(info);
    }
    for (const notification of this.early.splice(0)) {
      this.notify(notification);
    }
    await Promise.all([this.recv, this.own.reconcile(ownMedia(this.wishes.who, this.plan))]);
  }

  notify(n: MediaNotification): void {
    if (this.disposed) {
      return;
    }
    if (!this.joined && n.notification !== 'mediaClosed') {
      this.early.push(n);
      return;
    }
    switch (n.notification) {
      case 'producerAdded':
        return this.learn(n.data);
      case 'producerRemoved':
        this.known.delete(n.data.producerId);
        return this.consumers?.forgetProducer(n.data.producerId);
      case 'producerLive':
        return this.producerLive(n.data.producerId, n.data.live, n.data.held);
      case 'consumerClosed':
        return this.consumers?.close(n.data.consumerId);
      case 'consumerPaused':
      case 'consumerResumed':
        return this.consumers?.producerPaused(n.data.consumerId, n.notification === 'consumerPaused');
      case 'planChanged':
        return this.replan(n.data.plan, n.data.producers);
      case 'activeSpeaker':
        return this.report.activeSpeaker(n.data.peerId);
      case 'floorChanged':
        return this.report.floor(n.data);
      case 'mediaClosed':
        return this.report.closed(n.data.reason);
      default: {
        const never: never = n;
        return never;
      }
    }
  }

  async setChoice(choice: ListenerChoice): Promise<void> {
    const { plan } = await this.signalling.request('setChoice', choice);
    if (!this.disposed) {
      this.replan(plan, [...this.known.values()]);
    }
  }

  setSelfMuted(source: CaptureSource, muted: boolean): Promise<void> {
    return this.own.setSelfMuted(source, muted);
  }

  /** The capture of a source changed (another device, or it started late): produce it or swap the track. */
  trackChanged(source: CaptureSource): Promise<void> {
    return this.own.trackChanged(source, ownMedia(this.wishes.who, this.plan));
  }

  /** Pauses, resumes and picks simulcast layers of video consumers as the stage wants them. */
  applyVideo(wants: ReadonlyMap<string, VideoWant>): void {
    this.consumers?.applyVideo(wants);
  }

  /** Tells the server one leaves (the socket stays open); then tidies up. */
  async leave(): Promise<void> {
    if (this.joined && !this.disposed) {
      await this.signalling.request('leave', {}).catch(() => undefined);
    }
    this.dispose();
  }

  /** Closes everything on this side; the server's side is gone already or goes with the socket. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.own.dispose();
    this.consumers?.dispose();
    void this.recv?.then((transport) => transport.close()).catch(() => undefined);
  }

  private async createRecvTransport(device: types.Device, ice: IceOptions): Promise<types.Transport> {
    const info = await this.signalling.request('createWebRtcTransport', { direction: 'recv' });
    const transport = device.createRecvTransport({ ...info, ...ice });
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signalling.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(callback, errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && !this.disposed) {
        void this.restartIce(transport);
      }
    });
    if (this.disposed) {
      transport.close();
    }
    return transport;
  }

  private async restartIce(transport: types.Transport): Promise<void> {
    try {
      const { iceParameters, iceServers } = await this.signalling.request('restartIce', { transportId: transport.id });
      // The join's TURN credentials may have expired by now; a new relay needs the fresh ones.
      await transport.updateIceServers({ iceServers: rtcIceServers(iceServers) });
      await transport.restartIce({ iceParameters });
    } catch (error: unknown) {
      this.fail(error);
    }
  }

  private learn(info: ProducerInfo): void {
    this.known.set(info.producerId, info);
    if (shouldConsume(info, this.plan)) {
      void this.consumers?.consume(info);
    }
  }

  private producerLive(producerId: string, live: boolean, held: Held | null): void {
    if (this.own.producerLive(producerId, live, held)) {
      return;
    }
    const info = this.known.get(producerId);
    if (info === undefined) {
      return;
    }
    const now = { ...info, live, held };
    this.learn(now);
    if (!shouldConsume(now, this.plan)) {
      this.consumers?.release(producerId);
    }
  }

  private replan(plan: readonly Listening[], producers: readonly ProducerInfo[]): void {
    this.plan = plan;
    this.report.plan(plan);
    this.consumers?.keepTo(plan);
    for (const info of producers) {
      this.learn(info);
    }
    void this.own.reconcile(ownMedia(this.wishes.who, plan));
  }

  private fail(error: unknown): void {
    if (!this.disposed && !expected(error)) {
      this.report.failed(error);
    }
  }
}
