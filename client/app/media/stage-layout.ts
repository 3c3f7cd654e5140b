import type { ChannelKey, MediaSource } from '@contract/media-channels';

/** A received video track, as the stage places it. */
export interface VideoFeed {
  readonly consumerId: string;
  readonly peerId: string;
  readonly channel: ChannelKey;
  readonly source: MediaSource;
  /** The sender's producer is paused (held by the procedure, or its owner turned the camera off). */
  readonly producerPaused: boolean;
}

export interface StageInput<T extends VideoFeed = VideoFeed> {
  readonly videos: readonly T[];
  /** `floorChanged.speakers`: the holder of the floor first. */
  readonly floorSpeakers: readonly string[];
  readonly activeSpeaker: string | null;
  /** The person the listener pinned to the large picture, or null. */
  readonly pinned: string | null;
  /** How many thumbnails are shown; the rest are not received. */
  readonly thumbnailLimit: number;
}

/** Where each received video goes. */
export interface Stage<T extends VideoFeed = VideoFeed> {
  /** The large picture: the pinned person, else the floor speaker, else the active speaker. */
  readonly main: T | null;
  /** The sign-language interpreter, beside the floor. */
  readonly sign: T | null;
  readonly thumbnails: readonly T[];
  /** Received but not shown: paused at the server. */
  readonly hidden: readonly T[];
}

export function stageLayout<T extends VideoFeed>(input: StageInput<T>): Stage<T> {
  const flowing = input.videos.filter((video) => !video.producerPaused);
  const sign = flowing.find((video) => video.channel === 'sign') ?? null;
  const floor = flowing.filter((video) => video.channel === 'floor');
  const cameraOf = (peerId: string | null) =>
    peerId === null
      ? undefined
      : (floor.find((video) => video.peerId === peerId && video.source === 'camera') ?? floor.find((video) => video.peerId === peerId));
  const main = cameraOf(input.pinned) ?? cameraOf(input.floorSpeakers[0] ?? null) ?? cameraOf(input.activeSpeaker) ?? null;
  const others = floor.filter((video) => video !== main);
  return {
    main,
    sign,
    thumbnails: others.slice(0, input.thumbnailLimit),
    hidden: others.slice(input.thumbnailLimit),
  };
}

/** How a video consumer should be received: paused, or resumed at a simulcast layer (0 low … 2 high). */
export type VideoWant = { readonly paused: true } | { readonly paused: false; readonly spatialLayer: 0 | 1 | 2 };

/**
 * Layers follow the stage: the large picture and the sign interpreter high, thumbnails low, hidden
 * tiles paused. Videos whose producer is paused have no want: nothing flows, and they are resumed
 * as soon as they show.
 */
export function videoWants(stage: Stage): Map<string, VideoWant> {
  const wants = new Map<string, VideoWant>();
  for (const video of [stage.main, stage.sign]) {
    if (video !== null) {
      wants.set(video.consumerId, { paused: false, spatialLayer: 2 });
    }
  }
  for (const video of stage.thumbnails) {
    wants.set(video.consumerId, { paused: false, spatialLayer: 0 });
  }
  for (const video of stage.hidden) {
    wants.set(video.consumerId, { paused: true });
  }
  return wants;
}

/**
 * One's own camera for the large picture while one holds the floor (and has not turned it off):
 * nobody is sent their own picture back, so the stage shows the local one; null otherwise.
 */
export function ownFloorPicture<T>(me: string | null, floorSpeakers: readonly string[], camera: T | null, cameraOff: boolean): T | null {
  return me !== null && floorSpeakers[0] === me && camera !== null && !cameraOff ? camera : null;
}
