import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, as far as this small reader needs: pdfkit's Flate streams, hex strings in
 * TJ arrays, decoded through each font's ToUnicode map (embedded fonts) or as Windows-1252 (the
 * standard fonts). Text objects on one line are joined; lines are separated by "\n".
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\n([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = /stream\n([\s\S]*?)\nendstream/.exec(body);
    let stream: string | null = null;
    if (s) {
      const bytes = Buffer.from(s[1]!, 'latin1');
      stream = body.includes('/FlateDecode') ? inflateSync(bytes).toString('latin1') : s[1]!;
    }
    objects.set(m[1]!, { dict: s ? body.slice(0, s.index) : body, stream });
  }
  const cmaps = new Map<string, Map<number, string>>(); // resource name → code → text
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(m[2]!);
    const ref = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
    if (!ref || cmaps.has(m[1]!)) continue;
    const map = new Map<number, string>();
    for (const range of (objects.get(ref[1]!)?.stream ?? '').matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
      [...range[2]!.matchAll(/<([0-9a-f]+)>/g)].forEach((u, i) => map.set(parseInt(range[1]!, 16) + i, Buffer.from(u[1]!, 'hex').swap16().toString('utf16le')));
    }
    cmaps.set(m[1]!, map);
  }
  const cp1252 = new TextDecoder('windows-1252');
  let out = '';
  let lastY: string | null = null;
  for (const { stream } of objects.values()) {
    if (!stream || !stream.includes(' Tf')) continue;
    let font = '';
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|1 0 0 1 [\d.]+ ([\d.]+) Tm|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/g)) {
      if (op[1]) font = op[1];
      else if (op[2]) {
        if (lastY !== null && op[2] !== lastY) out += '\n';
        lastY = op[2];
      } else {
        const hex = [...op[3]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]!).join('');
        const map = cmaps.get(font);
        if (map) for (let i = 0; i < hex.length; i += 4) out += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
        else out += cp1252.decode(Buffer.from(hex, 'hex'));
      }
    }
  }
  return out;
}
