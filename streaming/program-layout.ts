/**
 * What the program is made of, decided once per broadcast: the picture's size and rate, the
 * audio renditions (the floor, then one per interpretation language) and the captions track.
 * The feed's slots, FFmpeg's arguments, the playlists and the recording all follow it.
 */

export interface RenditionLabel {
  /** BCP 47 language tag, the playlist's LANGUAGE. */
  readonly language: string;
  /** What players list, the playlist's NAME ("Original", "English"). */
  readonly name: string;
}

export interface AudioRendition extends RenditionLabel {
  /** Directory and file-name stem (FFmpeg's variant name); [A-Za-z0-9_] only. */
  readonly variant: string;
  /** The interpretation language it carries, or null for the floor. */
  readonly interpretation: string | null;
}

export interface VideoFormat {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly bitrateKbps: number;
}

export interface ProgramLayout {
  readonly video: VideoFormat & { readonly variant: string };
  /** [0] is the floor; then one per interpretation language, in the order given. */
  readonly audio: readonly AudioRendition[];
  readonly audioBitrateKbps: number;
  /** Floor microphones mixed at once (chair, speaker, an interjection, a podium guest). */
  readonly floorSlots: number;
  readonly captions: RenditionLabel & { readonly variant: string };
  /** Target segment length, seconds. */
  readonly segmentSeconds: number;
}

export interface LayoutOptions {
  readonly floor: RenditionLabel;
  readonly interpretations: readonly RenditionLabel[];
  readonly captions?: RenditionLabel;
  readonly video?: Partial<VideoFormat>;
  readonly floorSlots?: number;
}

export const DEFAULT_VIDEO: VideoFormat = { width: 640, height: 360, fps: 25, bitrateKbps: 900 };

export function programLayout(opts: LayoutOptions): ProgramLayout {
  const seen = new Set<string>();
  const audio: AudioRendition[] = [{ ...opts.floor, variant: 'audio_floor', interpretation: null }];
  for (const lang of opts.interpretations) {
    if (seen.has(lang.language)) throw new Error(`interpretation language ${lang.language} given twice`);
    seen.add(lang.language);
    audio.push({ ...lang, variant: `audio_${lang.language.replace(/[^A-Za-z0-9]/g, '_')}`, interpretation: lang.language });
  }
  const video = { ...DEFAULT_VIDEO, ...opts.video };
  if (video.width % 2 || video.height % 2) throw new Error('the program picture needs an even width and height');
  return {
    video: { ...video, variant: 'video' },
    audio,
    audioBitrateKbps: 96,
    floorSlots: opts.floorSlots ?? 3,
    captions: { ...(opts.captions ?? { language: opts.floor.language, name: 'Captions' }), variant: 'subs' },
    segmentSeconds: 1,
  };
}

/** Every HLS variant FFmpeg writes, video first: the order of FFmpeg's outputs and -var_stream_map. */
export function mediaVariants(layout: ProgramLayout): readonly string[] {
  return [layout.video.variant, ...layout.audio.map((a) => a.variant)];
}
