import type {
  FloorKind,
  MajorityKind,
  OrderPolicy,
  PointOfOrderDecision,
  RequestKind,
  Stance,
  VoteKind,
  VoteResultReason,
  VoteStatus,
} from '../shared/graphql-schema.generated';
import { majorityNames, type MajorityLanguage } from '@contract/majorities';
import type { Translations } from '../i18n/translation-state';
import { sittingText } from '../sitting/sitting-text';
import type { ProcedureLive } from './procedure-state';

/** The majorities as the server names them (contract/majorities.ts), as labels that start a line. */
function majorityLabels(language: MajorityLanguage): Record<MajorityKind, string> {
  const names = majorityNames[language];
  const label = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
  return {
    SIMPLE: label(names.simple),
    ABSOLUTE_MEMBERS: label(names.absolute_members),
    TWO_THIRDS_CAST: label(names.two_thirds_cast),
    TWO_THIRDS_MEMBERS: label(names.two_thirds_members),
  };
}

const requestKindEn: Record<RequestKind, string> = {
  SPEECH: 'Speech',
  INTERJECTION: 'Interjection question',
  SHORT_INTERVENTION: 'Short intervention',
};
const requestKindDe: typeof requestKindEn = { SPEECH: 'Rede', INTERJECTION: 'Zwischenfrage', SHORT_INTERVENTION: 'Kurzintervention' };

// The sitting's state and the words around loading and following it are the sitting page's.
const en = {
  phase: sittingText.en.sittingState,
  orderPolicy: {
    FIRST_COME: 'First come, first served',
    ALTERNATE_FACTIONS: 'Alternating between factions',
    PRO_CONTRA: 'Alternating pro and contra',
    QUOTA: 'Speaking-time quotas per faction',
  } as Record<OrderPolicy, string>,
  requestKind: requestKindEn,
  stance: { PRO: 'Pro', CONTRA: 'Contra' } as Record<Stance, string>,
  floorKind: {
    ...requestKindEn,
    POINT_OF_ORDER: 'Point of order',
    CHAIR_GRANT: 'Given the floor by the chair',
  } as Record<FloorKind, string>,
  decision: {
    ACCEPTED: 'Accepted',
    REJECTED: 'Rejected',
    PUT_TO_VOTE: 'Put to a vote',
    NOTED: 'Noted',
  } as Record<PointOfOrderDecision, string>,
  voteKind: { NAMED: 'Named vote (roll call)', PSEUDONYMOUS: 'Pseudonymous vote' } as Record<VoteKind, string>,
  majority: majorityLabels('en'),
  voteStatus: { OPEN: 'Open', CLOSED: 'Closed', CANCELLED: 'Cancelled' } as Record<VoteStatus, string>,
  resultReason: {
    MAJORITY_REACHED: 'The required majority was reached.',
    MAJORITY_MISSED: 'The required majority was not reached.',
    TIE: 'Tie: the motion fails.',
    NO_QUORUM: 'The house was not quorate.',
  } as Record<VoteResultReason, string>,
  live: { ...sittingText.en.live, live: 'Live' } as Record<ProcedureLive, string>,
  loading: sittingText.en.loadingSitting,
  loadFailed: sittingText.en.loadSittingFailed,
  liveStopped: sittingText.en.liveStopped,
  sittingNotFound: sittingText.en.sittingNotFound,
  noSuchSitting: sittingText.en.noSuchSitting,
  backToSitting: '← Back to the sitting',
  currentItem: 'Current item',
  noCurrentItem: 'No agenda item has been called.',
  itemTitle: (position: number, title: string) => `${position}. ${title}`,
  breakUntil: (time: string) => `Break until ${time}`,
  resumesIn: (countdown: string) => `The sitting resumes in ${countdown}.`,
  suspended: 'The sitting is suspended.',
  floor: 'Floor',
  nobodyHasFloor: 'Nobody has the floor.',
  hasTheFloor: (name: string, kind: string) => `${name} has the floor: ${kind}.`,
  floorFreed: 'The floor is free.',
  speakingTime: 'Speaking time',
  limit: (limit: string) => `of ${limit}`,
  noLimit: 'no limit',
  remaining: (time: string) => `${time} left`,
  overrun: (time: string) => `Over time by ${time}`,
  interjectionBy: (name: string) => `Interjection question: ${name}`,
  independent: 'Independent',
  turnout: (cast: number, eligible: number) => `${cast} of ${eligible} ballots cast`,
  closesAt: (time: string) => `Closes at ${time}`,
  closesIn: (countdown: string) => `closes in ${countdown}`,
  option: 'Option',
  votes: 'Votes',
  faction: 'Faction',
  passed: 'Passed',
  failed: 'Not passed',
  resultHeading: (title: string) => `Result: ${title}`,
  resultSummary: (title: string, outcome: string) => `Result of “${title}”: ${outcome}.`,
  perFaction: 'By faction',
  byName: 'Ballots by name',
  byPseudonym: 'Ballots by pseudonym',
  cancelled: (reason: string) => `Cancelled: ${reason}`,
  quorumMissing: 'The house was not quorate when the vote opened.',
  liveCounts: 'Running count',
  noBallots: 'No ballots were cast.',
};

const de: typeof en = {
  phase: sittingText.de.sittingState,
  orderPolicy: {
    FIRST_COME: 'Reihenfolge der Wortmeldungen',
    ALTERNATE_FACTIONS: 'Wechsel zwischen den Fraktionen',
    PRO_CONTRA: 'Wechsel von Für und Wider',
    QUOTA: 'Redezeitkontingente der Fraktionen',
  },
  requestKind: requestKindDe,
  stance: { PRO: 'Dafür', CONTRA: 'Dagegen' },
  floorKind: {
    ...requestKindDe,
    POINT_OF_ORDER: 'Geschäftsordnungsantrag',
    CHAIR_GRANT: 'Worterteilung durch den Vorsitz',
  },
  decision: { ACCEPTED: 'Angenommen', REJECTED: 'Abgelehnt', PUT_TO_VOTE: 'Zur Abstimmung gestellt', NOTED: 'Zur Kenntnis genommen' },
  voteKind: { NAMED: 'Namentliche Abstimmung', PSEUDONYMOUS: 'Pseudonyme Abstimmung' },
  majority: majorityLabels('de'),
  voteStatus: { OPEN: 'Läuft', CLOSED: 'Geschlossen', CANCELLED: 'Abgebrochen' },
  resultReason: {
    MAJORITY_REACHED: 'Die erforderliche Mehrheit wurde erreicht.',
    MAJORITY_MISSED: 'Die erforderliche Mehrheit wurde verfehlt.',
    TIE: 'Stimmengleichheit: Der Antrag ist abgelehnt.',
    NO_QUORUM: 'Das Haus war nicht beschlussfähig.',
  },
  live: { ...sittingText.de.live, live: 'Live' },
  loading: sittingText.de.loadingSitting,
  loadFailed: sittingText.de.loadSittingFailed,
  liveStopped: sittingText.de.liveStopped,
  sittingNotFound: sittingText.de.sittingNotFound,
  noSuchSitting: sittingText.de.noSuchSitting,
  backToSitting: '← Zurück zur Sitzung',
  currentItem: 'Aktueller Tagesordnungspunkt',
  noCurrentItem: 'Es ist noch kein Tagesordnungspunkt aufgerufen.',
  itemTitle: (position, title) => `TOP ${position}: ${title}`,
  breakUntil: (time) => `Pause bis ${time} Uhr`,
  resumesIn: (countdown) => `Die Sitzung wird in ${countdown} fortgesetzt.`,
  suspended: 'Die Sitzung ist unterbrochen.',
  floor: 'Rednerpult',
  nobodyHasFloor: 'Niemand hat das Wort.',
  hasTheFloor: (name, kind) => `${name} hat das Wort: ${kind}.`,
  floorFreed: 'Das Rednerpult ist frei.',
  speakingTime: 'Redezeit',
  limit: (limit) => `von ${limit}`,
  noLimit: 'ohne Begrenzung',
  remaining: (time) => `noch ${time}`,
  overrun: (time) => `Redezeit überschritten um ${time}`,
  interjectionBy: (name) => `Zwischenfrage: ${name}`,
  independent: 'Fraktionslos',
  turnout: (cast, eligible) => `${cast} von ${eligible} Stimmen abgegeben`,
  closesAt: (time) => `Endet um ${time} Uhr`,
  closesIn: (countdown) => `endet in ${countdown}`,
  option: 'Option',
  votes: 'Stimmen',
  faction: 'Fraktion',
  passed: 'Angenommen',
  failed: 'Abgelehnt',
  resultHeading: (title) => `Ergebnis: ${title}`,
  resultSummary: (title, outcome) => `Ergebnis von „${title}“: ${outcome}.`,
  perFaction: 'Nach Fraktionen',
  byName: 'Stimmen nach Namen',
  byPseudonym: 'Stimmen nach Pseudonym',
  cancelled: (reason) => `Abgebrochen: ${reason}`,
  quorumMissing: 'Bei Eröffnung der Abstimmung war das Haus nicht beschlussfähig.',
  liveCounts: 'Laufende Zählung',
  noBallots: 'Es wurden keine Stimmen abgegeben.',
};

/** Words of the procedure both the chair console and the member view use. */
export const procedureText: Translations<typeof en> = { en, de };
