/**
 * What a field of a back-office form accepts, written once: the server's validation
 * (server/graphql/form-schema.ts) and the browser's (client/app/shared/form-check.ts) both run
 * `fieldProblem` on the same rules, so a form cannot accept what the API refuses, nor the reverse.
 * The forms themselves are in contract/forms/.
 */
import { textProblem } from './text-check';

/** A BCP 47 language tag as the floor and the booths name their language (de, en, de-CH, sgn-DE). */
function isLanguageTag(tag: string): boolean {
  // Case does not matter in BCP 47 (DE = de); Intl says whether the subtags make sense.
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** An IANA zone the runtime knows (aliases such as UTC included), never an offset: both server and browser ask Intl. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Formats a text field may have to match, beyond the characters every text must avoid. */
export const textFormats = {
  /** A colour as #rrggbb (factions). */
  colour: (s: string) => /^#[0-9a-fA-F]{6}$/.test(s),
  /** A document link: https only, no spaces (plenary papers, motions). */
  link: (s: string) => /^https:\/\/[^\s/?#]+[^\s]*$/.test(s),
  languageTag: isLanguageTag,
  timeZone: isTimeZone,
} as const satisfies Record<string, (s: string) => boolean>;
export type TextFormat = keyof typeof textFormats;

interface Optional {
  /** Absent, null and blank are all allowed, and mean "none". */
  readonly optional?: boolean;
}

export type FieldRule =
  | (Optional & { readonly kind: 'text'; readonly max: number; readonly format?: TextFormat })
  | (Optional & { readonly kind: 'whole'; readonly min: number; readonly max: number })
  | (Optional & { readonly kind: 'choice'; readonly options: readonly string[] })
  /** A calendar day, YYYY-MM-DD. */
  | (Optional & { readonly kind: 'day' })
  /** A point in time: an ISO 8601 string with an offset, or a Date. */
  | (Optional & { readonly kind: 'instant' })
  /** A list of texts, each by `item`, at most `count` of them. */
  | { readonly kind: 'list'; readonly item: FieldRule & { readonly kind: 'text' }; readonly count: number };

export type FormRules = { readonly [field: string]: FieldRule };

export type FieldProblem =
  | { readonly code: 'required' }
  | { readonly code: 'not_text' }
  | { readonly code: 'too_long'; readonly max: number }
  | { readonly code: 'characters'; readonly detail: string }
  | { readonly code: 'format'; readonly format: TextFormat }
  | { readonly code: 'not_whole' }
  | { readonly code: 'too_small'; readonly min: number }
  | { readonly code: 'too_large'; readonly max: number }
  | { readonly code: 'not_a_choice'; readonly options: readonly string[] }
  | { readonly code: 'not_a_day' }
  | { readonly code: 'not_an_instant' }
  | { readonly code: 'not_a_list' }
  | { readonly code: 'too_many'; readonly count: number }
  | { readonly code: 'in_list'; readonly index: number; readonly problem: FieldProblem };

const isAbsent = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isDay(s: string): boolean {
  const m = dayPattern.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** What is wrong with one value of a field, or null. Absent values are judged by `optional` alone. */
export function fieldProblem(rule: FieldRule, value: unknown): FieldProblem | null {
  if (rule.kind === 'list') {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return { code: 'not_a_list' };
    if (value.length > rule.count) return { code: 'too_many', count: rule.count };
    for (const [index, item] of (value as unknown[]).entries()) {
      const problem = fieldProblem(rule.item, item);
      if (problem) return { code: 'in_list', index, problem };
    }
    return null;
  }
  if (isAbsent(value)) return rule.optional ? null : { code: 'required' };
  switch (rule.kind) {
    case 'text': {
      if (typeof value !== 'string') return { code: 'not_text' };
      const detail = textProblem(value, Infinity);
      if (detail) return { code: 'characters', detail };
      const trimmed = value.trim();
      if (trimmed.length > rule.max) return { code: 'too_long', max: rule.max };
      if (rule.format && !textFormats[rule.format](trimmed)) return { code: 'format', format: rule.format };
      return null;
    }
    case 'whole':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { code: 'not_whole' };
      if (value < rule.min) return { code: 'too_small', min: rule.min };
      if (value > rule.max) return { code: 'too_large', max: rule.max };
      return null;
    case 'choice':
      return typeof value === 'string' && rule.options.includes(value) ? null : { code: 'not_a_choice', options: rule.options };
    case 'day':
      return typeof value === 'string' && isDay(value) ? null : { code: 'not_a_day' };
    case 'instant':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? { code: 'not_an_instant' } : null;
      return typeof value === 'string' && instantPattern.test(value) && !Number.isNaN(Date.parse(value)) ? null : { code: 'not_an_instant' };
  }
}

/** The problems of a whole form's values, by field; only the fields present in `values` when `partial`. */
export function formProblems(rules: FormRules, values: Readonly<Record<string, unknown>>, partial = false): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const [field, rule] of Object.entries(rules)) {
    if (partial && values[field] === undefined) continue;
    const problem = fieldProblem(rule, values[field]);
    if (problem) problems.set(field, problem);
  }
  return problems;
}

/** The problem in English, as the API reports it. The browser has its own words (client/app/shared/form-check.ts). */
export function problemMessage(p: FieldProblem): string {
  switch (p.code) {
    case 'required':
      return 'must not be empty';
    case 'not_text':
      return 'must be text';
    case 'too_long':
      return `must be at most ${p.max} characters`;
    case 'characters':
      return p.detail;
    case 'format':
      return {
        colour: 'must be a colour as #rrggbb',
        link: 'must be an https:// link',
        languageTag: 'must be a language tag such as de, en or de-CH',
        timeZone: 'must be an IANA time zone such as Europe/Berlin',
      }[p.format];
    case 'not_whole':
      return 'must be a whole number';
    case 'too_small':
      return `must be at least ${p.min}`;
    case 'too_large':
      return `must be at most ${p.max}`;
    case 'not_a_choice':
      return `must be one of ${p.options.join(', ')}`;
    case 'not_a_day':
      return 'must be a date as YYYY-MM-DD';
    case 'not_an_instant':
      return 'must be a date and time with a time zone offset';
    case 'not_a_list':
      return 'must be a list';
    case 'too_many':
      return `must have at most ${p.count} entries`;
    case 'in_list':
      return `entry ${p.index + 1} ${problemMessage(p.problem)}`;
  }
}

type ValueOf<R extends FieldRule> = R extends { kind: 'text' | 'day' }
  ? string
  : R extends { kind: 'whole' }
    ? number
    : R extends { kind: 'choice'; options: readonly (infer O)[] }
      ? O
      : R extends { kind: 'instant' }
        ? Date
        : R extends { kind: 'list' }
          ? string[]
          : never;

/** The values a valid form yields: trimmed text, none as null for optional fields, instants as Dates. */
export type FormValues<F extends FormRules> = {
  -readonly [K in keyof F]: F[K] extends { optional: true } ? ValueOf<F[K]> | null : ValueOf<F[K]>;
};

/** The value a valid field yields (see FormValues). */
export function fieldValue(rule: FieldRule, value: unknown): unknown {
  if (rule.kind === 'list') return Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : [];
  if (isAbsent(value)) return null;
  if (rule.kind === 'text') return (value as string).trim();
  if (rule.kind === 'instant') return value instanceof Date ? value : new Date(value as string);
  return value;
}
