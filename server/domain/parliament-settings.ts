/**
 * The parliament's own settings: its names, statutory membership, legislative term, floor language,
 * time zone and rulebook (a preset plus overrides). One validation for the API and the screen's
 * refusals; the length and number bounds are the contract's. Pure: no I/O.
 */
import { z } from 'zod';
import { InputError, type InputIssue } from './errors';
import { numberLimits } from './number-limits';
import { textLimits, textProblem, textProblems } from './text';
import { presets } from './rulebook/presets';
import { applyOverrides } from './rulebook/schema';
import type { Rulebook } from './rulebook';

export interface ParliamentSettings {
  readonly name: string;
  readonly shortName: string | null;
  readonly statutoryMembers: number;
  /** e.g. "20. Wahlperiode". */
  readonly termName: string | null;
  /** ISO dates (YYYY-MM-DD). */
  readonly termStartsOn: string | null;
  readonly termEndsOn: string | null;
  /** BCP 47 tag of the language spoken on the floor. */
  readonly floorLanguage: string;
  /** IANA zone: protocol times are printed in it. */
  readonly timeZone: string;
  readonly rulebookPreset: string;
  /** A partial rulebook over the preset (rulebook/schema.ts); null: none. */
  readonly rulebookOverrides: Record<string, unknown> | null;
}

/** What a parliament that was never set up uses. */
export const settingsDefaults = { floorLanguage: 'de', timeZone: 'Europe/Berlin' } as const;

const zones = new Set(Intl.supportedValuesOf('timeZone'));

/** An IANA zone this runtime knows (aliases such as UTC or Asia/Calcutta included), never an offset. */
export function isTimeZone(zone: string): boolean {
  if (zones.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const clean = () =>
  z.string().superRefine((s, ctx) => {
    const problem = textProblem(s, Infinity);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const required = (max: number) => clean().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optional = (max: number) =>
  clean()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((s) => s || null);
const date = z
  .string()
  .refine(isIsoDate, 'must be a date as YYYY-MM-DD')
  .nullish()
  .transform((s) => s ?? null);

export const parliamentSettingsSchema = z
  .strictObject({
    name: required(textLimits.parliamentName),
    shortName: optional(textLimits.parliamentShortName),
    statutoryMembers: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(numberLimits.statutoryMembers, `must be at most ${numberLimits.statutoryMembers}`),
    termName: optional(textLimits.termName),
    termStartsOn: date,
    termEndsOn: date,
    floorLanguage: z
      .string()
      .max(textLimits.languageTag, `must be at most ${textLimits.languageTag} characters`)
      .refine(isLanguageTag, 'must be a language tag such as de, en or de-CH'),
    timeZone: z
      .string()
      .max(textLimits.timeZone, `must be at most ${textLimits.timeZone} characters`)
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    rulebookPreset: z.string().refine((id) => Object.hasOwn(presets, id), `must be one of ${Object.keys(presets).join(', ')}`),
    rulebookOverrides: z.unknown().transform((v) => v ?? null),
  })
  .superRefine((s, ctx) => {
    if (s.termStartsOn && s.termEndsOn && s.termEndsOn < s.termStartsOn) {
      ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: 'must not be before the start of the term' });
    }
  });

/**
 * Validates settings as entered and works out the rulebook they put in force. Throws InputError whose
 * paths name the field (rulebook paths under `rulebookOverrides`, e.g. rulebookOverrides.quorum.fraction).
 */
export function checkParliamentSettings(input: unknown): { settings: ParliamentSettings; rulebook: Rulebook } {
  const parsed = parliamentSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issues: InputIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    // The rulebook's refusals too, in the same answer, when the preset at least is known.
    const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    if (typeof raw['rulebookPreset'] === 'string' && Object.hasOwn(presets, raw['rulebookPreset']) && !issues.some((i) => i.path[0] === 'rulebookOverrides')) {
      try {
        checkOverrides(raw['rulebookPreset'], raw['rulebookOverrides'] ?? null);
      } catch (error) {
        if (error instanceof InputError) issues.push(...error.issues);
        else throw error;
      }
    }
    throw new InputError(issues);
  }
  const s = parsed.data;
  const overrides = s.rulebookOverrides;
  const rulebook = checkOverrides(s.rulebookPreset, overrides);
  const empty = overrides !== null && typeof overrides === 'object' && Object.keys(overrides).length === 0;
  return { settings: { ...s, rulebookOverrides: empty ? null : (overrides as Record<string, unknown> | null) }, rulebook };
}

/** The preset with the overrides applied, or an InputError with paths under rulebookOverrides. */
function checkOverrides(preset: string, overrides: unknown): Rulebook {
  if (overrides !== null) {
    const issues: InputIssue[] = textProblems(overrides, textLimits.any, ['rulebookOverrides']);
    if (issues.length) throw new InputError(issues);
    if (typeof overrides === 'object' && !Array.isArray(overrides) && Object.hasOwn(overrides, 'preset')) {
      throw new InputError([{ path: ['rulebookOverrides', 'preset'], message: 'choose the preset with rulebookPreset, not as an override' }]);
    }
  }
  try {
    return applyOverrides(presets[preset]!, overrides);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.issues.map((i) => ({ ...i, path: ['rulebookOverrides', ...i.path] })));
    throw error;
  }
}
