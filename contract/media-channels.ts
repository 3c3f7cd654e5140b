/**
 * What the media carries and where: channels, the sources a producer captures, why the server
 * holds a producer, and what a participant listens to. The server's topology (server/media/
 * topology.ts) decides with these; the browser (client/app/media/) shows them. Imports nothing.
 */

/** Where a producer publishes. One audio (and video) mix per channel, chosen by the listener. */
export type Channel =
  | { readonly kind: 'floor' }
  | { readonly kind: 'interpretation'; readonly language: string }
  | { readonly kind: 'sign' }
  | { readonly kind: 'subroom'; readonly subroomId: string };

/** Channels as flat strings: 'floor', 'interpretation:fr', 'sign', 'subroom:<id>'. */
export type ChannelKey = 'floor' | 'sign' | `interpretation:${string}` | `subroom:${string}`;

export function channelKey(channel: Channel): ChannelKey {
  switch (channel.kind) {
    case 'floor':
      return 'floor';
    case 'sign':
      return 'sign';
    case 'interpretation':
      return `interpretation:${channel.language}`;
    case 'subroom':
      return `subroom:${channel.subroomId}`;
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${JSON.stringify(never)}`);
    }
  }
}

/** The inverse of channelKey, or null for a string that names no channel (for what only shows a key). */
export function tryParseChannelKey(key: string): Channel | null {
  if (key === 'floor' || key === 'sign') return { kind: key };
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (colon > 0 && rest !== '' && kind === 'interpretation') return { kind, language: rest };
  if (colon > 0 && rest !== '' && kind === 'subroom') return { kind, subroomId: rest };
  return null;
}

/** The inverse of channelKey; throws on a string that names no channel. */
export function parseChannelKey(key: string): Channel {
  const channel = tryParseChannelKey(key);
  if (channel === null) throw new Error(`not a channel key: ${JSON.stringify(key)}`);
  return channel;
}

/** What a browser captures and publishes; the UI labels and the program picks by it. */
export const capturedSources = ['microphone', 'camera', 'screen'] as const;
export type CapturedSource = (typeof capturedSources)[number];

/** A producer's source: a browser's capture, or the hall feed the server publishes itself (plain RTP). */
export type MediaSource = CapturedSource | 'hall';

/** Audio or video, as both mediasoup libraries name it. */
export type MediaKind = 'audio' | 'video';

/** Why the server holds (pauses) a producer; the UI says it to the person. */
export type HoldReason = 'not_allowed' | 'no_floor' | 'muted_all' | 'not_on_air' | 'muted_by_chair';

/** Why a producer does not flow: the procedure holds it, or its owner muted it (`self_muted`). */
export type Held = HoldReason | 'self_muted';

/** One channel a participant consumes. */
export interface Listening {
  readonly channel: ChannelKey;
  /** 0..1 playback volume; the floor is ducked under an interpretation or a subroom. Applied by the client. */
  readonly gain: number;
}

/** What a participant picked to listen to: an interpretation language (null: the floor) and/or the sign channel. */
export interface ListenerChoice {
  readonly language: string | null;
  readonly sign: boolean;
}
