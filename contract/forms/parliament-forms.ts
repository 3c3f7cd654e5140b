/** The parliament's settings form (parliament IT). The rulebook overrides are checked by the rulebook's own schema. */
import type { FormRules } from '../form-rules';
import { numberLimits } from '../number-limits';
import { textLimits } from '../text-limits';

/** The rulebook presets a parliament can start from (server/domain/rulebook/presets.ts has one per id). */
export const rulebookPresetIds = ['bundestag-2025', 'european-parliament', 'municipal-council-nrw'] as const;
export type RulebookPresetId = (typeof rulebookPresetIds)[number];

export const parliamentForm = {
  name: { kind: 'text', max: textLimits.parliamentName },
  shortName: { kind: 'text', max: textLimits.parliamentShortName, optional: true },
  statutoryMembers: { kind: 'whole', min: 1, max: numberLimits.statutoryMembers },
  termName: { kind: 'text', max: textLimits.termName, optional: true },
  termStartsOn: { kind: 'day', optional: true },
  termEndsOn: { kind: 'day', optional: true },
  floorLanguage: { kind: 'text', max: textLimits.languageTag, format: 'languageTag' },
  timeZone: { kind: 'text', max: textLimits.timeZone, format: 'timeZone' },
  rulebookPreset: { kind: 'choice', options: rulebookPresetIds },
} as const satisfies FormRules;
