/**
 * What text the house accepts: no control characters but newline and tab, no bidirectional
 * overrides, no unpaired surrogates, and a length limit per field. Text that breaks these cannot be shown, printed in the protocol or
 * (NUL, lone surrogates) stored in the record at all, so it is refused where it enters, with the
 * field named. Pure: no I/O.
 */
import { textLimits } from '@contract/text-limits';
import { textProblem } from '@contract/text-check';
import { InputError, type InputIssue } from './errors';

/** The length limits are the contract's (contract/text-limits.ts): the browser stops at the same lengths. */
export { textLimits, textProblem };

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
