import type { BoothKind, Role } from '../shared/graphql-schema.generated';
import { tryParseChannelKey, type CapturedSource, type Channel, type Listening } from '@contract/media-channels';
import { floorSpeaker } from '../shared/contract-roles';

/** What the browser captures for its own producers (a shared screen is not one of them). */
export type CaptureSource = Exclude<CapturedSource, 'screen'>;

/** One's own producers: the main microphone and camera, and a second microphone into one's subroom. */
export type OwnKey = 'microphone' | 'camera' | 'subroom';

/** Who takes part, as far as the media care: roles and, for interpreters, their booth. */
export interface MediaWho {
  readonly roles: readonly Role[];
  readonly booth: { readonly language: string; readonly kind: BoothKind } | null;
}

/** A producer one should have. */
export interface OwnWant {
  readonly key: OwnKey;
  readonly source: CaptureSource;
  readonly channel: Channel;
}

/** The booth an interpreter works in, or null for everyone else. */
function boothOf(who: MediaWho): MediaWho['booth'] {
  return who.roles.includes('INTERPRETER') ? who.booth : null;
}

/**
 * The producers one should have now: a spoken-language interpreter their microphone into their
 * language's channel, a sign-language interpreter their camera into the sign channel, members, the
 * chair's team and podium guests microphone and camera into the floor; and whoever the plan puts in
 * a subroom a microphone into it.
 */
export function ownMedia(who: MediaWho, plan: readonly Listening[]): OwnWant[] {
  const wants: OwnWant[] = [];
  const booth = boothOf(who);
  if (booth?.kind === 'SPOKEN') {
    wants.push({ key: 'microphone', source: 'microphone', channel: { kind: 'interpretation', language: booth.language } });
  } else if (booth?.kind === 'SIGN') {
    wants.push({ key: 'camera', source: 'camera', channel: { kind: 'sign' } });
  } else if (floorSpeaker(who.roles)) {
    wants.push({ key: 'microphone', source: 'microphone', channel: { kind: 'floor' } });
    wants.push({ key: 'camera', source: 'camera', channel: { kind: 'floor' } });
  }
  const subroom = plan.map((listening) => tryParseChannelKey(listening.channel)).find((channel) => channel?.kind === 'subroom');
  if (subroom != null) {
    wants.push({ key: 'subroom', source: 'microphone', channel: subroom });
  }
  return wants;
}

/** The devices to open for someone: those their producers need (a subroom needs the microphone members have anyway). */
export function captureSources(who: MediaWho): CaptureSource[] {
  return [...new Set(ownMedia(who, []).map((want) => want.source))];
}
