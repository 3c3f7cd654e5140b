/**
 * What text the house accepts: no control characters but newline and tab, no bidirectional
 * overrides, no unpaired surrogates, and a length limit per field. Text that breaks these cannot be shown, printed in the protocol or
 * (NUL, lone surrogates) stored in the record at all, so it is refused where it enters, with the
 * field named. Pure: no I/O.
 */
import { textLimits } from '@contract/text-limits';
import { InputError, type InputIssue } from './errors';

/** The length limits are the contract's (contract/text-limits.ts): the browser stops at the same lengths. */
export { textLimits };

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

/** Depth beyond which a value is refused as a whole: no input of the API nests half as deep. */
const MAX_DEPTH = 16;

/**
 * Every text problem in a value (strings, arrays, plain objects, nested), each with its path. Object
 * keys are checked like strings. Numbers, booleans, null and other objects (dates) pass.
 */
export function textProblems(value: unknown, max: number = textLimits.any, path: readonly string[] = []): InputIssue[] {
  if (typeof value === 'string') {
    const p = textProblem(value, max);
    return p ? [{ path: [...path], message: p }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (path.length >= MAX_DEPTH) return [{ path: [...path], message: 'nested too deeply' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textProblems(v, max, [...path, String(i)]));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = textProblem(k, textLimits.id);
    return key ? [{ path: [...path, k.slice(0, 40)], message: `name ${key}` }] : textProblems(v, max, [...path, k]);
  });
}

/** Throws an InputError naming every field with a text problem. */
export function assertCleanText(value: unknown, max: number = textLimits.any, path: readonly string[] = []): void {
  const issues = textProblems(value, max, path);
  if (issues.length) throw new InputError(issues);
}
