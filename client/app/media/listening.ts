import type { ChannelKey, Listening } from '@contract/media-channels';
import type { ProducerInfo } from '@contract/media-protocol';

/** The floor's volume under a chosen interpretation (or in a subroom) until the listener moves the slider. */
export const defaultDuckLevel = 0.2;

/** The plan's entry for a channel, if the participant listens to it. */
export function listensTo(plan: readonly Listening[], channel: ChannelKey): Listening | undefined {
  return plan.find((listening) => listening.channel === channel);
}

/**
 * Whether to consume a producer: its channel is in the plan, and a floor producer only while it is
 * live. The floor holds hundreds of paused microphones and cameras; a listener takes the few that
 * flow (the chair's team, podium guests, the speaker) and the rest once they are given the floor.
 */
export function shouldConsume(info: Pick<ProducerInfo, 'channel' | 'live'>, plan: readonly Listening[]): boolean {
  if (listensTo(plan, info.channel) === undefined) {
    return false;
  }
  return info.channel !== 'floor' || info.live;
}

/**
 * The volume to play a channel at: full where the plan has it at full volume, the listener's own
 * ducking level where the plan ducks it (the floor under an interpretation or a subroom), null where
 * the plan does not have it.
 */
export function playbackGain(plan: readonly Listening[], channel: ChannelKey, duckLevel: number): number | null {
  const listening = listensTo(plan, channel);
  if (listening === undefined) {
    return null;
  }
  return listening.gain >= 1 ? 1 : Math.min(1, Math.max(0, duckLevel));
}

/** A received audio track and where it comes from. */
export interface AudioFeed {
  readonly consumerId: string;
  readonly channel: ChannelKey;
}

/** The volume of every received audio track: the mix the listener hears. Tracks outside the plan are silent. */
export function mixGains(feeds: readonly AudioFeed[], plan: readonly Listening[], duckLevel: number): Map<string, number> {
  return new Map(feeds.map((feed) => [feed.consumerId, playbackGain(plan, feed.channel, duckLevel) ?? 0]));
}
