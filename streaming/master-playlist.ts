/**
 * The broadcast's master playlist: one video variant whose AUDIO group holds the floor and
 * every interpretation channel (players offer them by NAME and LANGUAGE) and whose SUBTITLES
 * group holds the clerk's captions. Written by Node: FFmpeg 5.1 names its audio renditions
 * "audio_0"… and knows nothing of captions typed live.
 */
import { AUDIO_CODEC, VIDEO_CODEC } from './program-ffmpeg-args';
import type { ProgramLayout } from './program-layout';
import { PLAYLIST_NAME } from './live-playlist';

export const MASTER_PLAYLIST = 'master.m3u8';
export const AUDIO_GROUP = 'audio';
export const SUBTITLES_GROUP = 'subs';

export function formatMasterPlaylist(layout: ProgramLayout): string {
  const { video } = layout;
  // Peak bandwidth: video at its cap plus one audio rendition, with MPEG-TS overhead.
  const bandwidth = Math.round((video.bitrateKbps + layout.audioBitrateKbps) * 1_000 * 1.15);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  layout.audio.forEach((a, i) => {
    lines.push(
      '#EXT-X-MEDIA:' +
        attributes([
          ['TYPE', 'AUDIO'],
          ['GROUP-ID', quoted(AUDIO_GROUP)],
          ['LANGUAGE', quoted(a.language)],
          ['NAME', quoted(a.name)],
          ['DEFAULT', i === 0 ? 'YES' : 'NO'],
          ['AUTOSELECT', 'YES'],
          ['CHANNELS', quoted('2')],
          ['URI', quoted(`${a.variant}/${PLAYLIST_NAME}`)],
        ]),
    );
  });
  const c = layout.captions;
  lines.push(
    '#EXT-X-MEDIA:' +
      attributes([
        ['TYPE', 'SUBTITLES'],
        ['GROUP-ID', quoted(SUBTITLES_GROUP)],
        ['LANGUAGE', quoted(c.language)],
        ['NAME', quoted(c.name)],
        ['DEFAULT', 'NO'],
        ['AUTOSELECT', 'YES'],
        ['FORCED', 'NO'],
        ['URI', quoted(`${c.variant}/${PLAYLIST_NAME}`)],
      ]),
  );
  lines.push(
    '#EXT-X-STREAM-INF:' +
      attributes([
        ['BANDWIDTH', String(bandwidth)],
        ['CODECS', quoted(`${VIDEO_CODEC},${AUDIO_CODEC}`)],
        ['RESOLUTION', `${video.width}x${video.height}`],
        ['FRAME-RATE', video.fps.toFixed(3)],
        ['AUDIO', quoted(AUDIO_GROUP)],
        ['SUBTITLES', quoted(SUBTITLES_GROUP)],
        ['CLOSED-CAPTIONS', 'NONE'],
      ]),
    `${video.variant}/${PLAYLIST_NAME}`,
  );
  return lines.join('\n') + '\n';
}

function attributes(list: readonly (readonly [string, string])[]): string {
  return list.map(([k, v]) => `${k}=${v}`).join(',');
}

/** A quoted-string attribute value: no double quotes or line breaks allowed inside (RFC 8216 §4.2). */
function quoted(value: string): string {
  return `"${value.replace(/["\r\n]/g, "'")}"`;
}
