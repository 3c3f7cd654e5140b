/** The form of an interpretation booth (back office: parliament IT). */
import type { FormRules } from '../form-rules';
import { textLimits } from '../text-limits';

export const boothForm = {
  /** The language the booth interprets into: a spoken language, or a sign language (gsg, sgn-DE, …). */
  language: { kind: 'text', max: textLimits.languageTag, format: 'languageTag' },
  name: { kind: 'text', max: textLimits.boothName },
  kind: { kind: 'choice', options: ['spoken', 'sign'] },
} as const satisfies FormRules;
