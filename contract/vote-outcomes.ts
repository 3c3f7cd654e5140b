/**
 * What a closed vote decided, as the law states it, and its words in German and English: the API
 * (server/graphql), the chamber and the public viewer (client/app), the program's result card
 * (server/broadcast) and the protocol (server/services/protocol) all word outcomes from here.
 * Imports nothing at run time.
 *
 * A vote that was not quorate decided nothing: it is never "rejected". A tie rejects under every
 * preset's rules (§ 48(2) BTGO, § 50(1) GO NRW), and is shown so.
 */
import type { WordLanguage } from './languages';

export const voteOutcomes = ['adopted', 'rejected', 'tie', 'not_quorate', 'cancelled', 'elected', 'no_one_elected'] as const;
export type VoteOutcome = (typeof voteOutcomes)[number];

/** The outcome in a word or two, as a result card or a protocol heading shows it. */
export const outcomeNames: Readonly<Record<WordLanguage, Readonly<Record<VoteOutcome, string>>>> = {
  de: {
    adopted: 'Angenommen',
    rejected: 'Abgelehnt',
    tie: 'Abgelehnt (Stimmengleichheit)',
    not_quorate: 'Nicht beschlussfähig',
    cancelled: 'Abgebrochen',
    elected: 'Gewählt',
    no_one_elected: 'Niemand gewählt',
  },
  en: {
    adopted: 'Adopted',
    rejected: 'Rejected',
    tie: 'Rejected (tie)',
    not_quorate: 'Not quorate',
    cancelled: 'Cancelled',
    elected: 'Elected',
    no_one_elected: 'No one elected',
  },
};

/** Why, in one sentence a visitor understands; the counts and the majority stand beside it. */
export const outcomeReasons: Readonly<Record<WordLanguage, Readonly<Record<VoteOutcome, string>>>> = {
  de: {
    adopted: 'Die erforderliche Mehrheit wurde erreicht.',
    rejected: 'Die erforderliche Mehrheit wurde nicht erreicht.',
    tie: 'Stimmengleichheit: Nach der Geschäftsordnung ist der Antrag damit abgelehnt.',
    not_quorate: 'Das Haus war nicht beschlussfähig: Es wurde nichts beschlossen. Die Abstimmung ist zu wiederholen.',
    cancelled: 'Die Abstimmung wurde abgebrochen: Es wurde nichts beschlossen.',
    elected: 'Die erforderliche Mehrheit für die Wahl wurde erreicht.',
    no_one_elected: 'Niemand erreichte die erforderliche Mehrheit.',
  },
  en: {
    adopted: 'The required majority was reached.',
    rejected: 'The required majority was not reached.',
    tie: 'A tie: under the rules of procedure the motion is rejected.',
    not_quorate: 'The house was not quorate: nothing was decided. The vote must be taken again.',
    cancelled: 'The vote was cancelled: nothing was decided.',
    elected: 'The majority required for election was reached.',
    no_one_elected: 'No one reached the required majority.',
  },
};

/** Whether the house decided anything: a not-quorate or cancelled vote decided nothing. */
export function outcomeDecided(outcome: VoteOutcome): boolean {
  return outcome !== 'not_quorate' && outcome !== 'cancelled';
}

/** The reason the procedure gives a sitting it suspends for want of a quorum (§ 45(3) BTGO); readers word it. */
export const notQuorateReason = 'not quorate';

const notQuorateWords: Readonly<Record<WordLanguage, string>> = {
  de: 'Beschlussunfähigkeit festgestellt',
  en: 'the house was found not quorate',
};

/** A suspension's reason as shown: the chair's own words, or the procedure's reason in the reader's language. */
export function suspensionReasonText(reason: string, language: WordLanguage): string {
  return reason === notQuorateReason ? notQuorateWords[language] : reason;
}
