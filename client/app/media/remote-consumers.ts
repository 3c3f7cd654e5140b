import type { types } from 'mediasoup-client';
import { listensTo } from './listening';
import type { Listening } from '@contract/media-channels';
import type { ProducerInfo } from '@contract/media-protocol';
import type { MediaSignalling } from './media-signalling';
import type { VideoWant } from './stage-layout';

/** A track received from someone else, and where it comes from. */
export interface RemoteMedia {
  readonly consumerId: string;
  readonly producerId: string;
  readonly peerId: string;
  readonly kind: types.MediaKind;
  readonly channel: ProducerInfo['channel'];
  readonly source: ProducerInfo['source'];
  readonly track: MediaStreamTrack;
  /** The sender's producer is paused: nothing flows. */
  readonly producerPaused: boolean;
}

interface Received {
  readonly consumer: types.Consumer;
  readonly info: ProducerInfo;
  producerPaused: boolean;
}

interface Report {
  remotes(remotes: readonly RemoteMedia[]): void;
  failed(error: unknown): void;
}

/**
 * The consumers of one session on its receive transport: made for producers the session decides
 * to take, resumed once set up, paused and layered as the stage wants, closed when their producer
 * or the plan lets go of them, or when a floor producer goes quiet (released).
 *
 * NOTE: consumers are created paused at the server and resumed here once mediasoup-client has set
 * them up, so the first packets and the key frame are not lost to negotiation.
 */
export class RemoteConsumers {
  private readonly received = new Map<string, Received>();
  /** Producer id → the attempt that consumes it (or consumed it); a release forgets it. */
  private readonly consuming = new Map<string, symbol>();
  /** consumerId → the want last sent ('paused', 'layer:2', …). */
  private readonly appliedVideo = new Map<string, string>();
  private disposed = false;

  constructor(
    private readonly signalling: MediaSignalling,
    private readonly transport: Promise<types.Transport>,
    private readonly report: Report,
  ) {}

  async consume(info: ProducerInfo): Promise<void> {
    if (this.consuming.has(info.producerId) || this.disposed) {
      return;
    }
    const attempt = Symbol(info.producerId);
    this.consuming.set(info.producerId, attempt);
    try {
      const transport = await this.transport;
      const answer = await this.signalling.request('consume', { transportId: transport.id, producerId: info.producerId });
      const consumer = await transport.consume({
        id: answer.id,
        producerId: answer.producerId,
        kind: answer.kind,
        rtpParameters: answer.rtpParameters,
        streamId: `${info.peerId}-${info.channel}`,
      });
      if (this.disposed || this.consuming.get(info.producerId) !== attempt) {
        // Released (or replanned away) while it was being made: its server side goes too.
        consumer.close();
        this.closeAtServer(answer.id);
        return;
      }
      this.received.set(answer.id, { consumer, info, producerPaused: answer.producerPaused });
      this.changed();
      await this.signalling.request('resumeConsumer', { consumerId: answer.id });
    } catch (error: unknown) {
      if (this.consuming.get(info.producerId) === attempt) {
        this.consuming.delete(info.producerId);
      }
      this.report.failed(error);
    }
  }

  /**
   * Stops taking a producer one no longer needs (a floor microphone that went quiet): its consumer
   * closes here and at the server, so consumers do not pile up one per person who has spoken. It
   * is consumed afresh should it go live again.
   */
  release(producerId: string): void {
    this.consuming.delete(producerId);
    for (const [consumerId, { info }] of this.received) {
      if (info.producerId === producerId) {
        this.close(consumerId);
        this.closeAtServer(consumerId);
      }
    }
  }

  /** Closes the consumers of channels the new plan no longer has (the server closes its side too). */
  keepTo(plan: readonly Listening[]): void {
    for (const [consumerId, { info }] of this.received) {
      if (listensTo(plan, info.channel) === undefined) {
        this.close(consumerId);
      }
    }
  }

  /** The producer is gone: its consumer goes with it, and it may be consumed again should it come back. */
  forgetProducer(producerId: string): void {
    this.consuming.delete(producerId);
    for (const [consumerId, { info }] of this.received) {
      if (info.producerId === producerId) {
        this.close(consumerId);
      }
    }
  }

  close(consumerId: string): void {
    const received = this.received.get(consumerId);
    if (received === undefined) {
      return;
    }
    received.consumer.close();
    this.received.delete(consumerId);
    this.appliedVideo.delete(consumerId);
    this.consuming.delete(received.info.producerId);
    this.changed();
  }

  producerPaused(consumerId: string, paused: boolean): void {
    const received = this.received.get(consumerId);
    if (received !== undefined && received.producerPaused !== paused) {
      received.producerPaused = paused;
      this.changed();
    }
  }

  /** Pauses, resumes and picks simulcast layers of video consumers as the stage wants them. */
  applyVideo(wants: ReadonlyMap<string, VideoWant>): void {
    for (const [consumerId, want] of wants) {
      const key = want.paused ? 'paused' : `layer:${want.spatialLayer}`;
      if (!this.received.has(consumerId) || this.appliedVideo.get(consumerId) === key) {
        continue;
      }
      // The server starts video consumers at the lowest layer.
      const before = this.appliedVideo.get(consumerId) ?? 'layer:0';
      this.appliedVideo.set(consumerId, key);
      const requests: Promise<unknown>[] = [];
      if (want.paused) {
        requests.push(this.signalling.request('pauseConsumer', { consumerId }));
      } else {
        if (before === 'paused') {
          requests.push(this.signalling.request('resumeConsumer', { consumerId }));
        }
        if (key !== before) {
          requests.push(this.signalling.request('setConsumerPreferredLayers', { consumerId, spatialLayer: want.spatialLayer }));
        }
      }
      Promise.all(requests).catch((error: unknown) => this.report.failed(error));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const { consumer } of this.received.values()) {
      consumer.close();
    }
    this.received.clear();
  }

  private closeAtServer(consumerId: string): void {
    if (!this.disposed) {
      this.signalling.request('closeConsumer', { consumerId }).catch((error: unknown) => this.report.failed(error));
    }
  }

  private changed(): void {
    this.report.remotes(
      [...this.received.values()].map(({ consumer, info, producerPaused }) => ({
        consumerId: consumer.id,
        producerId: info.producerId,
        peerId: info.peerId,
        kind: consumer.kind,
        channel: info.channel,
        source: info.source,
        track: consumer.track,
        producerPaused,
      })),
    );
  }
}
