/**
 * The program's FFmpeg command line: the slots' SDP in, the picture composed (program video,
 * sign-language inset, lower third, vote card) and the audio renditions mixed, H.264 + AAC out
 * as 1-second HLS segments, one variant per rendition.
 *
 * FFmpeg runs in its work directory: the SDP and the overlay text files are named relative to
 * it, so no path ever needs filter-graph escaping.
 */
import { FONT_FILE } from './fonts';
import { mediaVariants, type ProgramLayout } from './program-layout';
import { EMPTY_INSET_SIZE } from './slate';

/** Files FFmpeg reads, relative to its work directory. */
export const SDP_FILE = 'program.sdp';
export const OVERLAY_FILES = { name: 'lower-third-name.txt', faction: 'lower-third-faction.txt', card: 'vote-card.txt' } as const;
/** FFmpeg's own playlists (a short rolling list Node reads new segments from), per variant. */
export const FFMPEG_PLAYLIST_DIR = 'ffmpeg';

/** FFmpeg input stream of each slot, in SDP order. */
export const SLOT_STREAM = { program: 0, sign: 1, firstFloor: 2 } as const;

export interface HlsTarget {
  /** Directory the segments go to, one sub-directory per variant (the archive: kept). */
  readonly segmentDir: string;
  /** Number of the first segment this run writes: runs after a crash continue the count. */
  readonly startNumber: number;
}

/** How the audio renditions are mixed. */
export interface ProgramMix {
  /** Volume of the floor under an interpretation (0..1), as the chamber ducks it for a listener. */
  readonly duckedFloorGain: number;
}

/** The H.264 profile and level the encoder is held to, as an RFC 6381 codec string for the master playlist. */
export const VIDEO_CODEC = 'avc1.4d4028'; // Main, level 4.0
export const AUDIO_CODEC = 'mp4a.40.2'; // AAC-LC

export function programFfmpegArgs(layout: ProgramLayout, target: HlsTarget, mix: ProgramMix): string[] {
  const { width, height, fps, bitrateKbps } = layout.video;
  const interpretations = layout.audio.length - 1;
  const firstLanguage = SLOT_STREAM.firstFloor + layout.floorSlots;
  // NOTE: '-threads 1' before the input is the decoders' setting: VP8's frame threads held every
  // camera frame back by two frames (≈130 ms at 15 fps, measured with -debug_ts).
  // prettier-ignore
  return [
    '-hide_banner', '-loglevel', 'warning', '-nostats',
    '-protocol_whitelist', 'file,udp,rtp', '-localaddr', '127.0.0.1', '-buffer_size', '1048576',
    '-analyzeduration', '1000000', '-probesize', '5000000', '-reinit_filter', '0', '-threads', '1', '-f', 'sdp', '-i', SDP_FILE,
    '-filter_complex', videoGraph(width, height, fps),
    '-filter_complex', audioGraph(layout.floorSlots, firstLanguage, interpretations, mix.duckedFloorGain),
    '-map', '[program]', '-map', '[floor]',
    ...Array.from({ length: interpretations }, (_, i) => ['-map', `[lang${i}]`]).flat(),
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'main', '-level:v', '4.0',
    '-pix_fmt', 'yuv420p', '-b:v', `${bitrateKbps}k`, '-maxrate', `${bitrateKbps}k`, '-bufsize', `${bitrateKbps * 2}k`,
    // A key frame at every segment boundary: segments start independently and players can join at any.
    '-g', String(fps * layout.segmentSeconds), '-keyint_min', String(fps * layout.segmentSeconds), '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${layout.segmentSeconds})`,
    '-c:a', 'aac', '-b:a', `${layout.audioBitrateKbps}k`, '-ac', '2', '-ar', '48000',
    '-max_muxing_queue_size', '4096',
    '-f', 'hls', '-hls_time', String(layout.segmentSeconds), '-hls_list_size', '30',
    '-hls_flags', 'independent_segments+temp_file', '-start_number', String(target.startNumber),
    '-hls_segment_filename', `${escapePercent(target.segmentDir)}/%v/seg_%d.ts`,
    '-var_stream_map', mediaVariants(layout).map((variant, i) => (i === 0 ? `v:0,name:${variant}` : `a:${i - 1},name:${variant}`)).join(' '),
    `${FFMPEG_PLAYLIST_DIR}/%v.m3u8`,
  ];
}

/**
 * Program picture letterboxed to the output size; the sign inset scaled to a quarter of the
 * width at the right, moved off the picture while its slot plays the tiny empty-inset filler;
 * then the lower third (name, faction) and the vote card, re-read from their files every frame.
 */
function videoGraph(width: number, height: number, fps: number): string {
  const inset = Math.round(width / 4 / 2) * 2;
  const margin = Math.round(height / 24);
  const empty = `lte(iw,${EMPTY_INSET_SIZE})`;
  const text = (file: string, opts: string) => `drawtext=fontfile=${FONT_FILE}:expansion=none:reload=1:textfile=${file}:fontcolor=white:${opts}`;
  const nameSize = Math.round(height / 14);
  const factionSize = Math.round(height / 20);
  return [
    // NOTE: the inputs change size (slate, cameras) without the graph being rebuilt (-reinit_filter 0):
    // a rebuild held segments back by seconds. So sizes are evaluated per frame and the picture is
    // letterboxed by an overlay onto a fixed background, which takes any size.
    `color=c=0x1b2b48:s=${width}x${height}:r=${fps}[bg]`,
    `[0:${SLOT_STREAM.program}]scale=${width}:${height}:force_original_aspect_ratio=decrease:eval=frame,setsar=1,fps=${fps}[fg]`,
    `[bg][fg]overlay=x='(W-w)/2':y='(H-h)/2':eval=frame:shortest=1[main]`,
    `[0:${SLOT_STREAM.sign}]scale=w='if(${empty},${EMPTY_INSET_SIZE},${inset})':h='if(${empty},${EMPTY_INSET_SIZE},trunc(${inset}*ih/iw/2)*2)':eval=frame,setsar=1,fps=${fps}[inset]`,
    `[main][inset]overlay=x='if(lte(w,${EMPTY_INSET_SIZE}),W,W-w-${margin})':y='H-h-${margin}':eval=frame[pip]`,
    `[pip]${text(OVERLAY_FILES.name, `fontsize=${nameSize}:x=${margin}:y=h-${margin * 2 + nameSize + factionSize * 2}:box=1:boxcolor=0x1b2b48@0.9:boxborderw=${Math.round(nameSize / 3)}`)},` +
      `${text(OVERLAY_FILES.faction, `fontsize=${factionSize}:x=${margin}:y=h-${margin + factionSize * 2}:box=1:boxcolor=0x3a5a8c@0.9:boxborderw=${Math.round(factionSize / 3)}`)},` +
      `${text(OVERLAY_FILES.card, `fontsize=${Math.round(height / 16)}:line_spacing=${Math.round(height / 40)}:x=(w-tw)/2:y=(h-th)/2:box=1:boxcolor=black@0.8:boxborderw=${Math.round(height / 18)}`)},` +
      'format=yuv420p[program]',
  ].join(';');
}

/**
 * Each slot re-timed onto a gapless timeline (aresample fills what a switch or a lost packet
 * left), the floor microphones mixed into the floor, and every interpretation mixed with the
 * floor ducked under it, as a listener in the chamber hears it.
 */
function audioGraph(floorSlots: number, firstLanguage: number, interpretations: number, duckedFloorGain: number): string {
  // NOTE: flags=res keeps libswresample's resampler from the start. Without it, the first small
  // timestamp correction (async, a source switch or a stall of a few ms) creates the resampler by
  // re-initialising swr, which puts its output clock back to first_pts=0: that chain's timestamps
  // jumped back by the time the broadcast had run, amix kept the offset, and the HLS muxer, which
  // interleaves all renditions, held every segment back by it (0.3–5 s, a different amount each
  // run; FFmpeg 5.1, seen as "Non-monotonous DTS" and "Queue input is backward in time").
  const clean = (stream: number, label: string) =>
    `[0:${stream}]aresample=48000:async=1000:first_pts=0:flags=res,aformat=sample_fmts=fltp:channel_layouts=stereo[${label}]`;
  const parts: string[] = [];
  for (let i = 0; i < floorSlots; i++) parts.push(clean(SLOT_STREAM.firstFloor + i, `f${i}`));
  const floorInputs = Array.from({ length: floorSlots }, (_, i) => `[f${i}]`).join('');
  const copies = ['[floor]', ...Array.from({ length: interpretations }, (_, i) => `[under${i}]`)].join('');
  parts.push(`${floorInputs}amix=inputs=${floorSlots}:normalize=0:dropout_transition=0,asplit=${interpretations + 1}${copies}`);
  for (let i = 0; i < interpretations; i++) {
    parts.push(clean(firstLanguage + i, `l${i}`));
    parts.push(`[under${i}]volume=${duckedFloorGain}[ducked${i}]`);
    parts.push(`[l${i}][ducked${i}]amix=inputs=2:normalize=0:dropout_transition=0[lang${i}]`);
  }
  return parts.join(';');
}

/** hls_segment_filename is a template: a literal % in the directory must be doubled. */
function escapePercent(dir: string): string {
  return dir.replaceAll('%', '%%');
}
