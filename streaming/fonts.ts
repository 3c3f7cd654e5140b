/**
 * The font the program's text is drawn in. FFmpeg's drawtext is given a font file rather than a
 * fontconfig name: looking a name up costs FFmpeg about two seconds at every start, and a
 * restart after a crash has to be quick.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The name of the link to the font in FFmpeg's work directory: relative, so nothing needs escaping. */
export const FONT_FILE = 'font.ttf';

/** Fallbacks where fontconfig's fc-match is missing: Debian's fonts-dejavu-core and fonts-liberation. */
const KNOWN_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
];

export class FontNotFoundError extends Error {
  readonly code = 'FONT_NOT_FOUND' as const;
  constructor() {
    super("no font for the program's lower third: install fonts-dejavu-core (sudo apt-get install fonts-dejavu-core)");
    this.name = 'FontNotFoundError';
  }
}

/** A sans-serif TrueType/OpenType file on this machine. */
export function resolveFont(): string {
  const matched = spawnSync('fc-match', ['-f', '%{file}', 'Sans'], { encoding: 'utf8', timeout: 10_000 });
  const candidates = [matched.status === 0 ? matched.stdout.trim() : '', ...KNOWN_FONTS];
  const found = candidates.find((file) => file !== '' && /\.(ttf|otf)$/i.test(file) && fs.existsSync(file));
  if (!found) throw new FontNotFoundError();
  return found;
}
