/**
 * What the record calls the kinds of floor (requests to speak among them), the chair's decisions on
 * points of order and the standard vote options, in German and English: the protocol
 * (server/services/protocol/labels.ts) and the browser (client/app/procedure/, client/app/watch/)
 * both word them from here, as the protocol writes them; the browser capitalises the first letter
 * for its labels. Imports nothing at run time.
 */
import type { WordLanguage } from './languages';

/** What a member asks the floor for (server/domain/procedure/vocabulary.ts RequestKind). */
export type WordedRequestKind = 'speech' | 'interjection' | 'short_intervention';

/** What the floor is held for (server/domain/procedure/vocabulary.ts FloorKind), a point of order aside: it has its own words. */
export type WordedFloorKind = WordedRequestKind | 'chair_grant';

export const floorKindNames: Readonly<Record<WordLanguage, Readonly<Record<WordedFloorKind, string>>>> = {
  de: { speech: 'Rede', interjection: 'Zwischenfrage', short_intervention: 'Kurzintervention', chair_grant: 'Worterteilung durch den Vorsitz' },
  en: { speech: 'Speech', interjection: 'Interjection question', short_intervention: 'Short intervention', chair_grant: 'Floor given by the chair' },
};

/** How the chair decided a point of order; the domain's vocabulary re-exports it. */
export const pointOfOrderDecisions = ['accepted', 'rejected', 'put_to_vote', 'noted'] as const;
export type PointOfOrderDecision = (typeof pointOfOrderDecisions)[number];

export const decisionNames: Readonly<Record<WordLanguage, Readonly<Record<PointOfOrderDecision, string>>>> = {
  de: { accepted: 'angenommen', rejected: 'abgelehnt', put_to_vote: 'zur Abstimmung gestellt', noted: 'zur Kenntnis genommen' },
  en: { accepted: 'accepted', rejected: 'rejected', put_to_vote: 'put to the vote', noted: 'noted' },
};

/** The standard options of a vote (server/domain/procedure/vocabulary.ts OptionMeaning but 'other'). */
export type StandardOptionMeaning = 'yes' | 'no' | 'abstain';

/** The words of the standard options; a chair's own option keeps the label the chair wrote. */
export const optionNames: Readonly<Record<WordLanguage, Readonly<Record<StandardOptionMeaning, string>>>> = {
  de: { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung' },
  en: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
};
