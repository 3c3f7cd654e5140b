/** An audio rendition of the broadcast as hls.js lists it (EXT-X-MEDIA NAME, LANGUAGE, DEFAULT). */
export interface AudioRendition {
  readonly name: string;
  readonly lang: string;
  readonly default: boolean;
}

/** What a viewer picked last time, remembered in this browser. */
export interface AudioPreference {
  readonly name: string;
  readonly lang: string;
}

export const audioPreferenceKey = 'plenum.watch.audio';

const primary = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The rendition to play: the one picked before (same name and language, else the same language,
 * else the same primary language), else the playlist's default (the floor), else the first.
 * -1 when there is none.
 */
export function chooseAudioRendition(renditions: readonly AudioRendition[], preference: AudioPreference | null): number {
  if (renditions.length === 0) {
    return -1;
  }
  if (preference !== null) {
    const lang = preference.lang.toLowerCase();
    const matches = [
      (r: AudioRendition) => r.name === preference.name && r.lang.toLowerCase() === lang,
      (r: AudioRendition) => lang !== '' && r.lang.toLowerCase() === lang,
      (r: AudioRendition) => lang !== '' && primary(r.lang) === primary(lang),
    ];
    for (const match of matches) {
      const index = renditions.findIndex(match);
      if (index >= 0) {
        return index;
      }
    }
  }
  return Math.max(
    0,
    renditions.findIndex((r) => r.default),
  );
}

/** The stored preference, or null for nothing or anything unreadable. */
export function parseAudioPreference(stored: string | null): AudioPreference | null {
  if (stored === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value === 'object' && value !== null) {
      const { name, lang } = value as { name?: unknown; lang?: unknown };
      if (typeof name === 'string' && typeof lang === 'string') {
        return { name, lang };
      }
    }
  } catch {
    // A value written by someone else: as if nothing was stored.
  }
  return null;
}

/**
 * How a rendition is listed: its NAME from the playlist ("Français"); a rendition without one by
 * its language's name in the interface language, or the bare tag.
 */
export function renditionLabel(rendition: Pick<AudioRendition, 'name' | 'lang'>, locale: string): string {
  if (rendition.name.trim() !== '') {
    return rendition.name;
  }
  if (rendition.lang === '') {
    return '—';
  }
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(rendition.lang) ?? rendition.lang;
  } catch {
    return rendition.lang;
  }
}
