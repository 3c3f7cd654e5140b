import type { FloorKind, MajorityKind, OrderPolicy, PointOfOrderDecision, RequestKind, Stance, VoteKind, VoteStatus } from '../shared/graphql-schema.generated';
import { majorityNames } from '@contract/majorities';
import { roundName } from '@contract/elections';
import { decisionNames, floorKindNames } from '@contract/procedure-words';
import { outcomeReasons } from '@contract/vote-outcomes';
import { outcomeWords } from './outcome-words';
import type { Language, Translations } from '../i18n/translation-state';
import { sittingText } from '../sitting/sitting-text';
import type { ProcedureLive } from './procedure-state';

/** A word of the record (contract/) as a label that starts a line. */
const label = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The majorities as the server names them (contract/majorities.ts). */
function majorityLabels(language: Language): Record<MajorityKind, string> {
  const names = majorityNames[language];
  return {
    SIMPLE: label(names.simple),
    ABSOLUTE_MEMBERS: label(names.absolute_members),
    TWO_THIRDS_CAST: label(names.two_thirds_cast),
    TWO_THIRDS_MEMBERS: label(names.two_thirds_members),
  };
}

/** Requests to speak, as the protocol names the floor they are for (contract/procedure-words.ts). */
function requestKindLabels(language: Language): Record<RequestKind, string> {
  const names = floorKindNames[language];
  return { SPEECH: label(names.speech), INTERJECTION: label(names.interjection), SHORT_INTERVENTION: label(names.short_intervention) };
}

/** The chair's decisions on points of order, as the protocol words them (contract/procedure-words.ts). */
function decisionLabels(language: Language): Record<PointOfOrderDecision, string> {
  const names = decisionNames[language];
  return { ACCEPTED: label(names.accepted), REJECTED: label(names.rejected), PUT_TO_VOTE: label(names.put_to_vote), NOTED: label(names.noted) };
}

// The sitting's state and the words around loading and following it are the sitting page's.
const en = {
  phase: sittingText.en.sittingState,
  orderPolicy: {
    FIRST_COME: 'First come, first served',
    ALTERNATE_FACTIONS: 'Alternating between factions',
    PRO_CONTRA: 'Alternating pro and contra',
    QUOTA: 'Speaking-time quotas per faction',
  } as Record<OrderPolicy, string>,
  requestKind: requestKindLabels('en'),
  stance: { PRO: 'Pro', CONTRA: 'Contra' } as Record<Stance, string>,
  floorKind: {
    ...requestKindLabels('en'),
    POINT_OF_ORDER: 'Point of order',
    CHAIR_GRANT: label(floorKindNames.en.chair_grant),
  } as Record<FloorKind, string>,
  decision: decisionLabels('en'),
  voteKind: { NAMED: 'Named vote (roll call)', PSEUDONYMOUS: 'Pseudonymous vote', SHOW_OF_HANDS: 'Show of hands', SECRET: 'Secret ballot' } as Record<
    VoteKind,
    string
  >,
  majority: majorityLabels('en'),
  voteStatus: { OPEN: 'Open', CLOSED: 'Closed', CANCELLED: 'Cancelled' } as Record<VoteStatus, string>,
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
  quorumCounted: (time: string, present: number, required: number, quorate: boolean) =>
    `Quorum counted at ${time}: ${present} members present, ${required} required – ${quorate ? 'quorate' : 'not quorate'}.`,
  floor: 'Floor',
  nobodyHasFloor: 'Nobody has the floor.',
  hasTheFloor: (name: string, kind: string) => `${name} has the floor: ${kind}.`,
  floorFreed: 'The floor is free.',
  speakingTime: 'Speaking time',
  limit: (limit: string) => `of ${limit}`,
  noLimit: 'no limit',
  remaining: (time: string) => `${time} left`,
  overrun: (time: string) => `Over time by ${time}`,
  warning: (time: string) => `Only ${time} left: please come to an end.`,
  clockStopped: 'The clock stands.',
  endsAt: (time: string) => `The floor ends by itself at ${time}.`,
  interjectionBy: (name: string) => `Interjection question: ${name}`,
  independent: 'Independent',
  turnout: (cast: number, eligible: number) => `${cast} of ${eligible} ballots cast`,
  closesAt: (time: string) => `Closes at ${time}`,
  closesIn: (countdown: string) => `closes in ${countdown}`,
  option: 'Option',
  votes: 'Votes',
  faction: 'Faction',
  outcome: outcomeWords('en'),
  outcomeReason: outcomeWords('en', outcomeReasons),
  quorumChallenged: 'The quorum had been doubted: the ballots cast were counted.',
  electedNames: (names: string) => `Elected: ${names}`,
  electionRound: (round: number) => roundName('en', round),
  resultHeading: (title: string) => `Result: ${title}`,
  resultSummary: (title: string, outcome: string) => `Result of “${title}”: ${outcome}.`,
  perFaction: 'By faction',
  byName: 'Ballots by name',
  byPseudonym: 'Ballots by pseudonym',
  byTokenHash: 'Ballots by receipt (token hash, no names)',
  tokensIssued: (issued: number, cast: number) =>
    `${issued} ballot ${issued === 1 ? 'token' : 'tokens'} issued, ${cast} ${cast === 1 ? 'ballot' : 'ballots'} cast`,
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
  requestKind: requestKindLabels('de'),
  stance: { PRO: 'Dafür', CONTRA: 'Dagegen' },
  floorKind: {
    ...requestKindLabels('de'),
    POINT_OF_ORDER: 'Geschäftsordnungsantrag',
    CHAIR_GRANT: label(floorKindNames.de.chair_grant),
  },
  decision: decisionLabels('de'),
  voteKind: { NAMED: 'Namentliche Abstimmung', PSEUDONYMOUS: 'Pseudonyme Abstimmung', SHOW_OF_HANDS: 'Handzeichen', SECRET: 'Geheime Abstimmung' },
  majority: majorityLabels('de'),
  voteStatus: { OPEN: 'Läuft', CLOSED: 'Geschlossen', CANCELLED: 'Abgebrochen' },
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
  quorumCounted: (time, present, required, quorate) =>
    `Beschlussfähigkeit um ${time} Uhr festgestellt: ${present} Mitglieder anwesend, ${required} erforderlich – ${quorate ? 'beschlussfähig' : 'nicht beschlussfähig'}.`,
  floor: 'Rednerpult',
  nobodyHasFloor: 'Niemand hat das Wort.',
  hasTheFloor: (name, kind) => `${name} hat das Wort: ${kind}.`,
  floorFreed: 'Das Rednerpult ist frei.',
  speakingTime: 'Redezeit',
  limit: (limit) => `von ${limit}`,
  noLimit: 'ohne Begrenzung',
  remaining: (time) => `noch ${time}`,
  overrun: (time) => `Redezeit überschritten um ${time}`,
  warning: (time) => `Nur noch ${time}: Bitte kommen Sie zum Schluss.`,
  clockStopped: 'Die Uhr steht.',
  endsAt: (time) => `Das Wort endet von selbst um ${time}.`,
  interjectionBy: (name) => `Zwischenfrage: ${name}`,
  independent: 'Fraktionslos',
  turnout: (cast, eligible) => `${cast} von ${eligible} Stimmen abgegeben`,
  closesAt: (time) => `Endet um ${time} Uhr`,
  closesIn: (countdown) => `endet in ${countdown}`,
  option: 'Option',
  votes: 'Stimmen',
  faction: 'Fraktion',
  outcome: outcomeWords('de'),
  outcomeReason: outcomeWords('de', outcomeReasons),
  quorumChallenged: 'Die Beschlussfähigkeit war bezweifelt: Gezählt wurden die abgegebenen Stimmen.',
  electedNames: (names: string) => `Gewählt: ${names}`,
  electionRound: (round) => roundName('de', round),
  resultHeading: (title) => `Ergebnis: ${title}`,
  resultSummary: (title, outcome) => `Ergebnis von „${title}“: ${outcome}.`,
  perFaction: 'Nach Fraktionen',
  byName: 'Stimmen nach Namen',
  byPseudonym: 'Stimmen nach Pseudonym',
  byTokenHash: 'Stimmen nach Quittung (Token-Hash, ohne Namen)',
  tokensIssued: (issued, cast) => `${issued} Stimmzettel-Token ausgegeben, ${cast} ${cast === 1 ? 'Stimme' : 'Stimmen'} abgegeben`,
  cancelled: (reason) => `Abgebrochen: ${reason}`,
  quorumMissing: 'Bei Eröffnung der Abstimmung war das Haus nicht beschlussfähig.',
  liveCounts: 'Laufende Zählung',
  noBallots: 'Es wurden keine Stimmen abgegeben.',
};

/** Words of the procedure both the chair console and the member view use. */
export const procedureText: Translations<typeof en> = { en, de };
