/**
 * Fonts for the protocol PDF. A Unicode TrueType family from the host when there is one (Liberation,
 * DejaVu or Noto, as Debian and most images ship them), embedded as subsets; otherwise the PDF
 * standard fonts, whose WinAnsi encoding covers German and Western European text, and anything
 * beyond it is folded to its base letter or printed as "?".
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PdfFonts {
  /** A file path for an embedded font, or a standard font name. */
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
  readonly mono: string;
  readonly embedded: boolean;
}

const roots = ['/usr/share/fonts/truetype', '/usr/share/fonts/TTF', '/usr/share/fonts', '/usr/local/share/fonts'];

const families: readonly Omit<PdfFonts, 'embedded'>[] = [
  {
    regular: 'liberation/LiberationSans-Regular.ttf',
    bold: 'liberation/LiberationSans-Bold.ttf',
    italic: 'liberation/LiberationSans-Italic.ttf',
    mono: 'liberation/LiberationMono-Regular.ttf',
  },
  {
    regular: 'dejavu/DejaVuSans.ttf',
    bold: 'dejavu/DejaVuSans-Bold.ttf',
    italic: 'dejavu/DejaVuSans-Oblique.ttf',
    mono: 'dejavu/DejaVuSansMono.ttf',
  },
  {
    regular: 'noto/NotoSans-Regular.ttf',
    bold: 'noto/NotoSans-Bold.ttf',
    italic: 'noto/NotoSans-Italic.ttf',
    mono: 'noto/NotoSansMono-Regular.ttf',
  },
];

export const standardFonts: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier', embedded: false };

let found: PdfFonts | undefined;

/** The first complete family found on this host (looked up once), or the standard fonts. */
export function protocolFonts(): PdfFonts {
  found ??= discover();
  return found;
}

function discover(): PdfFonts {
  for (const root of roots) {
    for (const family of families) {
      const files = {
        regular: path.join(root, family.regular),
        bold: path.join(root, family.bold),
        italic: path.join(root, family.italic),
        mono: path.join(root, family.mono),
      };
      if (Object.values(files).every((f) => fs.existsSync(f))) return { ...files, embedded: true };
    }
  }
  return standardFonts;
}

// Windows-1252 beyond Latin-1: what the standard fonts can print besides U+0020–U+007E and U+00A0–U+00FF.
const cp1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function printable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || cp1252Extras.has(ch) || ch === '\n';
}

/** Text the chosen fonts can show: unchanged for embedded fonts; folded to WinAnsi for the standard ones. */
export function fitText(text: string, fonts: PdfFonts): string {
  if (fonts.embedded) return text;
  let out = '';
  for (const ch of text) {
    if (printable(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(printable) ? base : '?';
    }
  }
  return out;
}
