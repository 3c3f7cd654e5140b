/**
 * What characters the house accepts in text: no control characters but newline and tab, no
 * bidirectional overrides or line separators, no unpaired surrogates. The server refuses such text
 * where it enters (server/domain/text.ts); the back-office forms say so before sending. Pure.
 */

// C0 controls but tab (U+0009) and newline (U+000A), DEL, C1 controls (U+0085 NEL among them).
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
// how the text around them is shown, so a name or a motion could read one way in the chamber and
// another in the protocol. Right-to-left text needs none of them (the marks U+200E/U+200F stay
// allowed). Also the line and paragraph separators U+2028/U+2029, line breaks only some readers see.
const formatting = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with one text, or null. Linear in its length. */
export function textProblem(s: string, max: number): string | null {
  if (s.length > max) return `must be at most ${max} characters`;
  const c = control.exec(s);
  if (c) return `must not contain control characters (${codePoint(c[0])} at ${c.index})`;
  const f = formatting.exec(s);
  if (f) return `must not contain bidirectional or line-separator controls (${codePoint(f[0])} at ${f.index})`;
  const l = loneSurrogate.exec(s);
  if (l) return `must not contain an unpaired surrogate (${codePoint(l[0])} at ${l.index})`;
  return null;
}
