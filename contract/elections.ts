/**
 * Elections: the words of their rounds (ballots) as the rulebook states them, and their names in German
 * and English. The rules (server/domain/counting/election.ts), the rulebook (server/domain/rulebook.ts),
 * the protocol (server/services/protocol/labels.ts) and the chair console name them from here.
 * Imports nothing at run time.
 */
import type { WordLanguage } from './languages';

/**
 * What a candidate needs in a round:
 * members: more than half of the statutory members (§ 2(2) GO-BT, first and second ballot);
 * votes: more than half of the votes for candidates and against all ("no"); abstentions and invalid
 *   ballots are not counted (Rule 15 EP "votes cast"; § 50(2) GO NRW "valid votes", no-votes valid);
 * most_votes: the most votes (at least one, and more than the votes against all, where offered).
 */
export const electionMajorities = ['members', 'votes', 'most_votes'] as const;
export type ElectionMajority = (typeof electionMajorities)[number];

/** Who may stand in a round after the first: every candidate of the round before, or the two with the most votes in it. */
export const electionFields = ['all', 'top_two'] as const;
export type ElectionField = (typeof electionFields)[number];

/** A tie for the last seat among those who reach the round's majority: no one is elected for it (a further round), or lot decides. */
export const electionTieRules = ['next_round', 'lot'] as const;
export type ElectionTieRule = (typeof electionTieRules)[number];

/** Most candidates of one election (a ballot with more is refused). */
export const maxCandidates = 50;
/** Most seats one election fills. */
export const maxSeats = 50;

/** Each majority's name, lower case as it stands inside a sentence. */
export const electionMajorityNames: Readonly<Record<WordLanguage, Readonly<Record<ElectionMajority, string>>>> = {
  de: {
    members: 'Mehrheit der Mitglieder',
    votes: 'Mehrheit der gültigen Stimmen',
    most_votes: 'die meisten Stimmen',
  },
  en: {
    members: 'majority of the members',
    votes: 'majority of the valid votes',
    most_votes: 'most votes',
  },
};

/** "2. Wahlgang" / "2nd ballot". */
export function roundName(language: WordLanguage, round: number): string {
  if (language === 'de') return `${round}. Wahlgang`;
  const mod100 = round % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][round % 10] ?? 'th');
  return `${round}${suffix} ballot`;
}
