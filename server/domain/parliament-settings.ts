/**
 * The parliament's own settings: its names, statutory membership, legislative term, floor language,
 * time zone and rulebook (a preset plus overrides). One validation for the API and the screen's
 * refusals; the length and number bounds are the contract's. Pure: no I/O.
 */
import { z } from 'zod';
import { InputError, type InputIssue } from './errors';
import { parliamentForm } from '@contract/forms/parliament-forms';
import { formShape } from './form-schema';
import { textLimits, textProblems } from './text';
import { presets } from './rulebook/presets';
import { applyOverrides } from './rulebook/schema';
import type { Rulebook } from './rulebook';
import type { RulebookPresetId } from '@contract/forms/parliament-forms';

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
  readonly rulebookPreset: RulebookPresetId;
  /** A partial rulebook over the preset (rulebook/schema.ts); null: none. */
  readonly rulebookOverrides: Record<string, unknown> | null;
}

/** What a parliament that was never set up uses. */
export const settingsDefaults = { floorLanguage: 'de', timeZone: 'Europe/Berlin' } as const;

/** The fields are the contract's form (contract/forms/parliament-forms.ts): the settings page checks the same rules. */
export const parliamentSettingsSchema = z
  .strictObject({ ...formShape(parliamentForm), rulebookOverrides: z.unknown().transform((v) => v ?? null) })
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
    if (isPreset(raw['rulebookPreset']) && !issues.some((i) => i.path[0] === 'rulebookOverrides')) {
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

function isPreset(id: unknown): id is RulebookPresetId {
  return typeof id === 'string' && Object.hasOwn(presets, id);
}

/** The preset with the overrides applied, or an InputError with paths under rulebookOverrides. */
function checkOverrides(preset: RulebookPresetId, overrides: unknown): Rulebook {
  if (overrides !== null) {
    const issues: InputIssue[] = textProblems(overrides, textLimits.any, ['rulebookOverrides']);
    if (issues.length) throw new InputError(issues);
    if (typeof overrides === 'object' && !Array.isArray(overrides) && Object.hasOwn(overrides, 'preset')) {
      throw new InputError([{ path: ['rulebookOverrides', 'preset'], message: 'choose the preset with rulebookPreset, not as an override' }]);
    }
  }
  try {
    return applyOverrides(presets[preset], overrides);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.issues.map((i) => ({ ...i, path: ['rulebookOverrides', ...i.path] })));
    throw error;
  }
}
