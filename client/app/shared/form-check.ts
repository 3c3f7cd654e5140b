import { fieldProblem, type FieldProblem, type FieldRule, type FormRules } from '@contract/form-rules';
import type { Translations } from '../i18n/translation-state';

/**
 * The back-office forms check what is typed with the server's own rules (contract/form-rules.ts)
 * before sending, and say what is wrong in the reader's language. The server checks again and
 * its refusals are shown the same way (by field path).
 */

/** A form field as typed: text, except lists (of text) and choices. */
export type TypedValue = string | readonly string[];

/** The value the API would be sent for what is typed: numbers for whole fields, none for blanks. */
export function apiValue(rule: FieldRule, typed: TypedValue): unknown {
  if (typeof typed !== 'string') return typed.filter((s) => s.trim() !== '');
  const s = typed;
  if (s.trim() === '') return null;
  if (rule.kind === 'whole') return /^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN;
  if (rule.kind === 'instant') {
    // <input type="datetime-local"> gives local time without an offset: the browser's zone is meant.
    const at = new Date(s);
    return Number.isNaN(at.getTime()) ? s : at.toISOString();
  }
  return s;
}

type ProblemWords = Readonly<{ [C in FieldProblem['code']]: (p: Extract<FieldProblem, { code: C }>) => string }>;

const en: ProblemWords = {
  required: () => 'Required.',
  not_text: () => 'Enter text.',
  too_long: (p) => `At most ${p.max} characters.`,
  characters: () => 'Contains control characters or invisible formatting; remove them.',
  format: (p) =>
    ({
      colour: 'A colour as #rrggbb, e.g. #1a6fb0.',
      link: 'A link starting with https://.',
      languageTag: 'A language tag such as de, en or de-CH.',
      timeZone: 'A time zone such as Europe/Berlin.',
    })[p.format],
  not_whole: () => 'Enter a whole number.',
  too_small: (p) => `At least ${p.min}.`,
  too_large: (p) => `At most ${p.max}.`,
  not_a_choice: () => 'Choose one of the options.',
  not_a_day: () => 'Enter a date.',
  not_an_instant: () => 'Enter a date and time.',
  not_a_list: () => 'Enter a list.',
  too_many: (p) => `At most ${p.count} entries.`,
  in_list: (p) => `Entry ${p.index + 1}: ${problemText('en', p.problem)}`,
};

const de: ProblemWords = {
  required: () => 'Pflichtfeld.',
  not_text: () => 'Bitte Text eingeben.',
  too_long: (p) => `Höchstens ${p.max} Zeichen.`,
  characters: () => 'Enthält Steuerzeichen oder unsichtbare Formatierung; bitte entfernen.',
  format: (p) =>
    ({
      colour: 'Eine Farbe als #rrggbb, z. B. #1a6fb0.',
      link: 'Ein Link, der mit https:// beginnt.',
      languageTag: 'Ein Sprachkürzel wie de, en oder de-CH.',
      timeZone: 'Eine Zeitzone wie Europe/Berlin.',
    })[p.format],
  not_whole: () => 'Bitte eine ganze Zahl eingeben.',
  too_small: (p) => `Mindestens ${p.min}.`,
  too_large: (p) => `Höchstens ${p.max}.`,
  not_a_choice: () => 'Bitte eine der Möglichkeiten wählen.',
  not_a_day: () => 'Bitte ein Datum eingeben.',
  not_an_instant: () => 'Bitte Datum und Uhrzeit eingeben.',
  not_a_list: () => 'Bitte eine Liste eingeben.',
  too_many: (p) => `Höchstens ${p.count} Einträge.`,
  in_list: (p) => `Eintrag ${p.index + 1}: ${problemText('de', p.problem)}`,
};

const words: Translations<ProblemWords> = { en, de };

/** A problem in the reader's language. */
export function problemText(language: keyof typeof words, p: FieldProblem): string {
  // Indexing by p.code loses the link between the code and its problem's shape; the table's type keeps it.
  const say = words[language][p.code] as (p: FieldProblem) => string;
  return say(p);
}

/**
 * The problems of what is typed into a form, by field, in the reader's language; empty when the
 * form may be sent. `partial`: only fields present in `typed` (a change to some fields).
 */
export function checkForm<F extends FormRules>(
  rules: F,
  typed: Readonly<Partial<Record<keyof F & string, TypedValue>>>,
  language: keyof typeof words,
  partial = false,
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const [field, rule] of Object.entries(rules)) {
    const value = typed[field as keyof F & string];
    if (partial && value === undefined) continue;
    const problem = fieldProblem(rule, value === undefined ? null : apiValue(rule, value));
    if (problem) problems.set(field, problemText(language, problem));
  }
  return problems;
}

/** The maxlength an input of a text field gets (its rule's limit), or null. */
export function maxLengthOf(rule: FieldRule): number | null {
  return rule.kind === 'text' ? rule.max : rule.kind === 'list' ? rule.item.max : null;
}
