import type { types } from 'mediasoup';
import type { ChannelKey, ListenerChoice, Listening, MediaSource } from '@contract/media-channels';
import type { MediaParticipant } from './topology';

/** What a producer carries besides mediasoup's own fields. */
export interface ProducerData extends types.AppData {
  readonly peerId: string;
  readonly channel: ChannelKey;
  /** What the browser captured: the UI labels and the program picks by it. */
  readonly source: MediaSource;
}

/** Re-exported for streaming/, which takes it from here; the list is contract/media-channels.ts. */
export type { MediaSource };

export interface ConsumerData extends types.AppData {
  readonly peerId: string;
  readonly channel: ChannelKey;
}

/**
 * One participant's media in a sitting. The SittingMedia owns it; transports close with the
 * peer, and producers and consumers close with their transport (mediasoup cascades), each
 * removing itself from these Maps through its own events.
 */
export class Peer {
  readonly transports = new Map<string, types.Transport>();
  readonly producers = new Map<string, types.Producer<ProducerData>>();
  readonly consumers = new Map<string, types.Consumer<ConsumerData>>();
  /**
   * What the peer asked for and the worker is still making: counted against the quotas, so a
   * burst of requests sent at once cannot all pass the check before the first one lands.
   * `producers` holds slot keys (channel and source), `consuming` producer ids.
   */
  readonly pending = { transports: 0, producers: new Set<string>(), consumers: 0, consuming: new Set<string>() };
  /** The browser's producers by slot (`channel/source`): one each. Hall feeds are not in here. */
  readonly slots = new Map<string, string>();
  /** Producer id → the browser consumer of it: one each. Server-side taps are not in here. */
  readonly consuming = new Map<string, string>();
  /** Producers the peer muted themselves; the server never unmutes them. */
  readonly selfMuted = new Set<string>();
  /** The channels and volumes this peer consumes now; recomputed on every floor or choice change. */
  plan: readonly Listening[] = [];
  closed = false;

  constructor(
    readonly participant: MediaParticipant,
    public choice: ListenerChoice,
    /** All this peer's transports live on this router. */
    readonly router: types.Router,
    /** What the peer's device can receive; consumers are made for it. */
    readonly rtpCapabilities: types.RtpCapabilities,
  ) {}

  get id(): string {
    return this.participant.id;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Closing a transport closes its producers and consumers; their close handlers empty the Maps.
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
  }
}
