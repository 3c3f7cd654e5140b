/**
 * What streaming needs from the rest of Plenum, declared here so that it imports nothing from
 * `server/`: the sitting's producers and their comings and goings, a tap to consume them on, how
 * the chamber ducks the floor, and somewhere to log. `server/broadcast/program-source.ts` adapts
 * the media layer to it; tests and benches may hand in their own.
 */
import type { types } from 'mediasoup';

/** What a participant captured: the program picks cameras before screens, microphones for the floor. */
export type CaptureSource = 'microphone' | 'camera' | 'screen' | 'hall';

/** The appData the media layer gives every producer. */
export interface ProgramProducerData extends types.AppData {
  readonly peerId: string;
  /** ChannelKey: 'floor', 'sign', 'interpretation:<lang>', 'subroom:<id>'. */
  readonly channel: string;
  readonly source: CaptureSource;
}

/** An original producer (not a pipe copy) and the router it lives on. */
export interface ProgramProducer {
  readonly producer: types.Producer<ProgramProducerData>;
  readonly router: types.Router;
}

/** Where the program consumes: a DirectTransport on one of the sitting's routers. */
export interface ProgramTap {
  readonly transport: types.DirectTransport;
  /** The tap's router's capabilities (the program narrows them to its codecs). */
  readonly rtpCapabilities: types.RtpCapabilities;
  /** Makes `producer` consumable on the tap: pipes it over when it lives on another router. */
  reach(producer: ProgramProducer): Promise<void>;
}

/** One sitting's media as its broadcast sees it. */
export interface ProgramSource {
  readonly sittingId: string;
  /** Volume of the floor under an interpretation (0..1): the program mixes it as the chamber ducks it. */
  readonly duckedFloorGain: number;
  /** Every original producer now. */
  producers(): readonly ProgramProducer[];
  /** Calls `listener` with each original producer made from now on; returns what stops that. */
  onProducer(listener: (producer: ProgramProducer) => void): () => void;
  /**
   * Opens the program's tap. Its transport closes when the sitting's media does (a worker died):
   * the program then goes on with the slate and silence.
   */
  openTap(options: types.DirectTransportOptions): Promise<ProgramTap>;
}

/** A namespaced logger (`method() | what`, with fields), as server/log.ts makes them. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(namespace: string): Logger;
}
