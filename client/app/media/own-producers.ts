import type { types } from 'mediasoup-client';
import { rtcIceServers, type IceOptions } from './ice-options';
import { channelKey, type ChannelKey, type Held } from '@contract/media-channels';
import type { MediaSignalling } from './media-signalling';
import type { CaptureSource, OwnKey, OwnWant } from './own-media';

/** One's own producer as the UI shows it: flowing, or held and why. */
export interface OwnState {
  readonly producerId: string;
  readonly source: CaptureSource;
  readonly channel: ChannelKey;
  readonly live: boolean;
  readonly held: Held | null;
}

interface Own {
  readonly producer: types.Producer;
  readonly source: CaptureSource;
  readonly channel: ChannelKey;
  /** A copy of the capture made for this producer (a second microphone producer): stopped with it. */
  readonly copy: boolean;
  live: boolean;
  held: Held | null;
}

/** Camera video in three simulcast layers: a quarter, half and full resolution. */
export const cameraEncodings: RTCRtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 100_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 300_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 900_000 },
];

interface Wishes {
  selfMuted(source: CaptureSource): boolean;
  track(source: CaptureSource): MediaStreamTrack | null;
}

interface Report {
  changed(own: Readonly<Partial<Record<OwnKey, OwnState>>>): void;
  failed(error: unknown): void;
}

/**
 * One's own producers in a session: made from the wants (own-media.ts) on a send transport created
 * when first needed, swapped to a new track when the device changes, muted by their owner, closed
 * when the plan no longer wants them (one leaves a subroom). Changes run one after another.
 */
export class OwnProducers {
  private device: types.Device | null = null;
  private ice: IceOptions = { iceServers: [], iceTransportPolicy: 'all' };
  private send: Promise<types.Transport> | null = null;
  private readonly own = new Map<OwnKey, Own>();
  /** What the server said of producers while `produce` was still resolving. */
  private readonly produced = new Map<string, { live: boolean; held: Held | null }>();
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly signalling: MediaSignalling,
    private readonly wishes: Wishes,
    private readonly report: Report,
  ) {}

  /** The join's device and ICE options (TURN servers); the send transport is made with them. */
  setDevice(device: types.Device, ice: IceOptions): void {
    this.device = device;
    this.ice = ice;
  }

  /** Makes the producers match the wants: closes those not wanted, makes those missing. */
  reconcile(wants: readonly OwnWant[]): Promise<void> {
    return this.run(async () => {
      for (const [key, own] of this.own) {
        if (!wants.some((want) => want.key === key && channelKey(want.channel) === own.channel)) {
          this.close(key, own);
        }
      }
      for (const want of wants) {
        if (!this.own.has(want.key)) {
          await this.produce(want);
        }
      }
    });
  }

  /** The capture of a source changed: swap the track of its producers, or produce where none is. */
  trackChanged(source: CaptureSource, wants: readonly OwnWant[]): Promise<void> {
    return this.run(async () => {
      const track = this.wishes.track(source);
      for (const own of this.own.values()) {
        if (own.source === source && track !== null) {
          // A copy's old track is stopped by the producer (stopTracks).
          const next = own.copy ? track.clone() : track;
          next.enabled = !this.wishes.selfMuted(source);
          await own.producer.replaceTrack({ track: next });
        }
      }
    }).then(() => this.reconcile(wants));
  }

  setSelfMuted(source: CaptureSource, muted: boolean): Promise<void> {
    return this.run(async () => {
      for (const own of this.own.values()) {
        if (own.source !== source) {
          continue;
        }
        if (muted) {
          own.producer.pause();
        } else {
          own.producer.resume();
        }
        const answer = await this.signalling.request('setSelfMuted', { producerId: own.producer.id, muted });
        own.live = answer.live;
        own.held = answer.held;
      }
      this.changed();
    });
  }

  /** A producerLive notification; true when it was about one of these producers. */
  producerLive(producerId: string, live: boolean, held: Held | null): boolean {
    const own = [...this.own.values()].find((candidate) => candidate.producer.id === producerId);
    if (own === undefined) {
      if (this.produced.has(producerId)) {
        this.produced.set(producerId, { live, held });
        return true;
      }
      return false;
    }
    own.live = live;
    own.held = held;
    this.changed();
    return true;
  }

  dispose(): void {
    this.disposed = true;
    for (const [key, own] of this.own) {
      // Copies stop with their producer (stopTracks); the captures belong to the owner.
      own.producer.close();
      this.own.delete(key);
    }
    void this.send?.then((transport) => transport.close()).catch(() => undefined);
  }

  private async produce(want: OwnWant): Promise<void> {
    const capture = this.wishes.track(want.source);
    if (capture === null || this.device === null || this.disposed) {
      return;
    }
    const transport = await (this.send ??= this.createSendTransport(this.device));
    const copy = want.key === 'subroom';
    const track = copy ? capture.clone() : capture;
    const muted = this.wishes.selfMuted(want.source);
    // NOTE: a muted track sends silence (black) from the first packet on; the producer is paused below.
    track.enabled = !muted;
    const producer = await transport.produce({
      track,
      stopTracks: copy,
      ...(want.source === 'camera' ? { encodings: cameraEncodings, codecOptions: { videoGoogleStartBitrate: 1000 } } : {}),
      appData: { channel: want.channel, source: want.source },
    });
    const first = this.produced.get(producer.id) ?? { live: false, held: null };
    this.produced.delete(producer.id);
    if (this.disposed) {
      producer.close();
      return;
    }
    const own: Own = { producer, source: want.source, channel: channelKey(want.channel), copy, ...first };
    this.own.set(want.key, own);
    if (muted) {
      producer.pause();
      const answer = await this.signalling.request('setSelfMuted', { producerId: producer.id, muted: true });
      own.live = answer.live;
      own.held = answer.held;
    }
    this.changed();
  }

  private async createSendTransport(device: types.Device): Promise<types.Transport> {
    const info = await this.signalling.request('createWebRtcTransport', { direction: 'send' });
    const transport = device.createSendTransport({ ...info, ...this.ice });
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signalling.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(callback, errback);
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const { channel, source } = appData as { channel: OwnWant['channel']; source: CaptureSource };
      this.signalling.request('produce', { transportId: transport.id, kind, rtpParameters, channel, source }).then(({ id, live, held }) => {
        this.produced.set(id, { live, held });
        callback({ id });
      }, errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && !this.disposed) {
        this.signalling
          .request('restartIce', { transportId: transport.id })
          // With fresh TURN credentials: the join's may have expired by now.
          .then(async ({ iceParameters, iceServers }) => {
            await transport.updateIceServers({ iceServers: rtcIceServers(iceServers) });
            await transport.restartIce({ iceParameters });
          })
          .catch((error: unknown) => this.report.failed(error));
      }
    });
    return transport;
  }

  private close(key: OwnKey, own: Own): void {
    own.producer.close();
    this.own.delete(key);
    // The server may have closed it already (one left the subroom): then it answers producer_not_found.
    this.signalling.request('closeProducer', { producerId: own.producer.id }).catch(() => undefined);
    this.changed();
  }

  private changed(): void {
    const own: Partial<Record<OwnKey, OwnState>> = {};
    for (const [key, { producer, source, channel, live, held }] of this.own) {
      own[key] = { producerId: producer.id, source, channel, live, held };
    }
    this.report.changed(own);
  }

  private run(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => (this.disposed ? undefined : step()));
    this.queue = next.catch((error: unknown) => {
      if (!this.disposed) {
        this.report.failed(error);
      }
    });
    return this.queue;
  }
}
