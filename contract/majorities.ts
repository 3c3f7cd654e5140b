/**
 * The majorities a vote can require, and their names in German and English: the rules
 * (server/domain/counting/majority.ts), the protocol (server/services/protocol/labels.ts) and the
 * browser (client/app/procedure/procedure-text.ts) all name them from here. Imports nothing at run time.
 */
import type { WordLanguage } from './languages';

/**
 * simple: more yes than no (abstentions ignored, tie fails; Art. 42(2) GG);
 * absolute_members: yes > half of the statutory membership (Art. 121 GG);
 * two_thirds_cast: yes ≥ 2/3 of yes+no;
 * two_thirds_members: yes ≥ 2/3 of the statutory membership (Art. 79(2) GG).
 */
export const majorityKinds = ['simple', 'absolute_members', 'two_thirds_cast', 'two_thirds_members'] as const;

export type MajorityKind = (typeof majorityKinds)[number];

/**
 * Each majority's name, lower case as it stands inside a sentence ("… (simple majority)").
 * Worded after the law: "Mehrheit der Mitglieder" (Art. 121 GG), two thirds "der Mitglieder"
 * (Art. 79(2) GG) and "der abgegebenen Stimmen" (Art. 42(2) GG).
 */
export const majorityNames: Readonly<Record<WordLanguage, Readonly<Record<MajorityKind, string>>>> = {
  de: {
    simple: 'einfache Mehrheit',
    absolute_members: 'Mehrheit der Mitglieder',
    two_thirds_cast: 'Zweidrittelmehrheit der abgegebenen Stimmen',
    two_thirds_members: 'Zweidrittelmehrheit der Mitglieder',
  },
  en: {
    simple: 'simple majority',
    absolute_members: 'majority of the members',
    two_thirds_cast: 'two-thirds majority of the votes cast',
    two_thirds_members: 'two-thirds majority of the members',
  },
};
