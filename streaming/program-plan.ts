/**
 * Which producer feeds which program slot, as a pure function of the sitting's producers and
 * who is on the program (set by procedure through Broadcast.setProgram). Nothing here decides
 * procedure: it maps "X holds the floor, Y chairs" to cameras and microphones.
 */
import type { CaptureSource } from './program-port';

export interface ProducerView {
  readonly id: string;
  readonly peerId: string;
  readonly kind: 'audio' | 'video';
  /** ChannelKey: 'floor', 'sign', 'interpretation:<lang>', 'subroom:<id>'. */
  readonly channel: string;
  readonly source: CaptureSource;
  /** Held by the server (no floor, not on air) or muted by its owner: nothing to put on air. */
  readonly paused: boolean;
}

export interface ProgramCast {
  /** Who holds the floor; null between speakers. */
  readonly speakerPeerId: string | null;
  /** Who presides now: on the picture when nobody holds the floor. */
  readonly chairPeerId: string | null;
}

export interface SlotPlan {
  readonly video: string | null;
  readonly sign: string | null;
  /** One entry per floor-audio slot. */
  readonly floor: readonly (string | null)[];
  /** Interpretation language → its live booth microphone. */
  readonly interpretations: ReadonlyMap<string, string | null>;
}

export interface PlanShape {
  readonly floorSlots: number;
  readonly languages: readonly string[];
}

/** What a speaker shows, best first: a camera, else their shared screen. */
const PERSON_VIDEO: readonly CaptureSource[] = ['camera', 'screen'];

/**
 * The plan for this cast. Slots keep their producer while it is still wanted (`previous`), so a
 * new microphone on the floor does not shuffle the others between FFmpeg inputs.
 */
export function planProgram(producers: readonly ProducerView[], cast: ProgramCast, shape: PlanShape, previous?: SlotPlan): SlotPlan {
  const live = producers.filter((p) => !p.paused);
  const on = (kind: 'audio' | 'video', channel: string) => live.filter((p) => p.kind === kind && p.channel === channel);
  const floorVideo = on('video', 'floor');
  const personVideo = (peerId: string | null) =>
    peerId === null ? undefined : PERSON_VIDEO.map((source) => floorVideo.find((p) => p.peerId === peerId && p.source === source)).find((p) => p !== undefined);
  const hall = floorVideo.find((p) => p.source === 'hall');
  // The chair stands in only while nobody holds the floor: a speaker without a camera gets the
  // hall camera or the slate under their name, never someone else's face.
  const video = (cast.speakerPeerId !== null ? personVideo(cast.speakerPeerId) : personVideo(cast.chairPeerId)) ?? hall;

  const signs = on('video', 'sign');
  const sign = signs.find((p) => p.id === previous?.sign) ?? signs[0];

  const rank = (p: ProducerView) => (p.peerId === cast.speakerPeerId ? 0 : p.peerId === cast.chairPeerId ? 1 : 2);
  const wanted = on('audio', 'floor')
    .slice()
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, shape.floorSlots)
    .map((p) => p.id);
  const floor: (string | null)[] = Array.from({ length: shape.floorSlots }, (_, i) => {
    const kept = previous?.floor[i];
    return kept && wanted.includes(kept) ? kept : null;
  });
  for (const id of wanted) {
    if (floor.includes(id)) continue;
    floor[floor.indexOf(null)] = id;
  }

  const interpretations = new Map<string, string | null>();
  for (const language of shape.languages) {
    const mics = on('audio', `interpretation:${language}`);
    interpretations.set(language, (mics.find((p) => p.id === previous?.interpretations.get(language)) ?? mics[0])?.id ?? null);
  }
  return { video: video?.id ?? null, sign: sign?.id ?? null, floor, interpretations };
}
