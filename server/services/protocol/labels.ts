/** The protocol's words in German and English. Both languages must have every key (the type says so). */
import { majorityNames } from '@contract/majorities';
import { decisionNames, floorKindNames, optionNames } from '@contract/procedure-words';
import { outcomeNames, outcomeReasons, type VoteOutcome } from '@contract/vote-outcomes';
import { electionMajorityNames, roundName, type ElectionMajority } from '@contract/elections';
import type { FloorKind, MajorityKind, OrderPolicy, PointOfOrderDecision, SittingPhase, Stance, VoteKind } from '../../domain/procedure/vocabulary';

import type { OrderMeasureKind } from '../../domain/protocol/protocol';

export type ProtocolLanguage = 'de' | 'en';

export interface ProtocolLabels {
  readonly locale: string;
  readonly documentTitle: string;
  readonly sittingNumber: (n: number) => string;
  readonly provisional: (phase: SittingPhase) => string;
  readonly scheduledFor: string;
  readonly opened: string;
  readonly closed: string;
  readonly notOpened: string;
  readonly clock: (time: string) => string;
  readonly rulebook: string;
  readonly statutoryMembers: string;
  readonly agenda: string;
  readonly item: (position: number) => string;
  readonly calledAt: string;
  readonly notCalled: string;
  readonly suspensions: string;
  readonly proceedings: string;
  readonly beforeAgenda: string;
  readonly suspended: string;
  readonly resumesAt: string;
  readonly resumedAt: string;
  readonly notResumed: string;
  readonly floorKind: Readonly<Record<Exclude<FloorKind, 'point_of_order'>, string>>;
  readonly stance: Readonly<Record<Stance, string>>;
  readonly independent: string;
  /** Members without a faction and guests alike (speaking times, attendance). */
  readonly noFaction: string;
  readonly addedByChair: string;
  readonly repliesTo: string;
  readonly duration: string;
  readonly speakingTime: string;
  readonly allowed: string;
  readonly noLimit: string;
  readonly extendedBy: string;
  readonly overrun: string;
  readonly stillSpeaking: string;
  readonly interjection: string;
  readonly interjectionOutcome: { readonly accepted: string; readonly declined: string };
  readonly pointOfOrder: string;
  readonly pointRole: { readonly mover: string; readonly against: string };
  readonly withdrawn: string;
  readonly decision: string;
  readonly decisions: Readonly<Record<PointOfOrderDecision, string>>;
  readonly undecided: string;
  readonly by: string;
  readonly vote: string;
  readonly voteKind: Readonly<Record<VoteKind, string>>;
  readonly majority: Readonly<Record<MajorityKind, string>>;
  readonly forPoint: string;
  readonly voteOpened: string;
  readonly voteClosed: string;
  readonly closedBy: { readonly chair: string; readonly all_voted: string; readonly expired: string; readonly counts_entered: string };
  readonly option: string;
  readonly votes: string;
  readonly faction: string;
  readonly turnout: (cast: number, eligible: number, percent: string) => string;
  readonly quorate: string;
  readonly notQuorate: string;
  readonly outcome: Readonly<Record<VoteOutcome, string>>;
  readonly outcomeReason: Readonly<Record<VoteOutcome, string>>;
  /** The quorum doubted and counted: the members present against those required. */
  readonly quorumCount: (present: number, required: number, quorate: boolean) => string;
  /** A vote counted by its ballots after the quorum was doubted. */
  readonly quorumChallenged: string;
  readonly reasonCode: { readonly majority_reached: string; readonly majority_missed: string; readonly tie: string; readonly no_quorum: string };
  readonly recountMismatch: string;
  readonly namedVotes: string;
  readonly notVoted: string;
  readonly pseudonymousVotes: string;
  readonly secretVotes: string;
  readonly cancelled: string;
  readonly resultInvalid: string;
  readonly stillOpen: (ballots: number) => string;
  /** An election's round: its name, the bar, the lot, what the rules allowed next. */
  readonly election: {
    readonly title: string;
    readonly round: (n: number) => string;
    readonly seats: (n: number) => string;
    readonly majority: Readonly<Record<ElectionMajority, string>>;
    readonly candidates: string;
    readonly needed: (n: number) => string;
    readonly lot: (among: string, drawn: string) => string;
    readonly next: (round: string, majority: string, candidates: string) => string;
    readonly noFurtherRound: string;
  };
  readonly ballotsBeforeCancel: (ballots: number) => string;
  readonly optionWords: { readonly yes: string; readonly no: string; readonly abstain: string };
  readonly speakerList: { readonly closed: string; readonly reopened: string };
  readonly orderPolicy: string;
  /** One line per lobby entry: "Lobby: Eva Presse admitted as press (by …)". */
  readonly admission: {
    readonly title: string;
    readonly change: { readonly asked: string; readonly admitted: string; readonly declined: string; readonly ended: string; readonly removed: string };
    readonly roles: { readonly guest: string; readonly press: string; readonly substitute: string; readonly podium_guest: string };
    readonly as: string;
    readonly substituteFor: string;
    readonly forItem: string;
    readonly by: string;
  };
  readonly rosterChange: {
    readonly title: string;
    readonly added: string;
    readonly removed: string;
    readonly votingRight: string;
    readonly roles: string;
    readonly username: string;
    readonly yes: string;
    readonly no: string;
    readonly by: string;
  };
  readonly orderPolicies: Readonly<Record<OrderPolicy, string>>;
  readonly orderMeasure: {
    readonly measures: Readonly<Record<OrderMeasureKind, string>>;
    readonly sittingDays: (days: number) => string;
    readonly upheld: string;
    readonly rejected: string;
    readonly by: string;
  };
  readonly agendaAmendment: {
    readonly title: string;
    /** Under the agenda when it was changed in the sitting. */
    readonly amendedNote: string;
    readonly move: (title: string, from: number, to: number) => string;
    readonly insert: (title: string, position: number) => string;
    readonly remove: (title: string, position: number) => string;
    readonly retitle: (position: number, before: string, after: string) => string;
    /** The decision carried out: an accepted point of order (its category, mover and text) or a vote that passed. */
    readonly onPoint: (category: string, mover: string, text: string) => string;
    readonly onVote: (title: string) => string;
    readonly decidedAt: string;
    readonly by: string;
  };
  readonly debateTime: string;
  readonly attendance: string;
  readonly leftEarly: string;
  readonly speakingTimes: string;
  readonly contributions: string;
  readonly total: string;
  readonly verification: string;
  readonly derivedFrom: (entries: number) => string;
  readonly headHash: string;
  readonly verifyWith: string;
  readonly chainIntact: string;
  readonly chainBroken: (seq: number, problem: string) => string;
  readonly page: (page: number, pages: number) => string;
  /** A person the record names only by an id no roster knows any more. */
  readonly someone: string;
  readonly presiding: string;
  readonly presidencyTaken: (name: string) => string;
  readonly corrected: (time: string, by: string, previous: string) => string;
  readonly corrections: string;
  readonly correctionOf: (seq: number, what: string) => string;
  readonly correctable: Readonly<Record<'minutes_note' | 'point_of_order' | 'decision_note', string>>;
  readonly approved: (name: string, when: string, seq: number) => string;
  readonly approvedHead: string;
  readonly awaitingApproval: string;
  readonly approvalLapsed: (name: string, when: string, lapsed: string) => string;
}

const de: ProtocolLabels = {
  locale: 'de-DE',
  documentTitle: 'Plenarprotokoll',
  sittingNumber: (n) => `${n}. Sitzung`,
  provisional: (phase) =>
    phase === 'scheduled' ? 'Vorläufige Fassung – die Sitzung wurde noch nicht eröffnet.' : 'Vorläufige Fassung – die Sitzung ist noch nicht geschlossen.',
  scheduledFor: 'Anberaumt auf',
  opened: 'Beginn',
  closed: 'Schluss',
  notOpened: 'Die Sitzung wurde nicht eröffnet.',
  clock: (t) => `${t} Uhr`,
  rulebook: 'Geschäftsordnung',
  statutoryMembers: 'Gesetzliche Mitgliederzahl',
  agenda: 'Tagesordnung',
  item: (n) => `TOP ${n}`,
  calledAt: 'aufgerufen',
  notCalled: 'nicht aufgerufen',
  suspensions: 'Unterbrechungen',
  proceedings: 'Verlauf der Sitzung',
  beforeAgenda: 'Vor Eintritt in die Tagesordnung',
  suspended: 'Die Sitzung wird unterbrochen',
  resumesAt: 'Fortsetzung vorgesehen',
  resumedAt: 'fortgesetzt',
  notResumed: 'nicht fortgesetzt',
  floorKind: floorKindNames.de,
  stance: { pro: 'dafür', contra: 'dagegen' },
  independent: 'fraktionslos',
  noFaction: 'ohne Fraktion',
  addedByChair: 'vom Vorsitz auf die Rednerliste gesetzt',
  repliesTo: 'Erwiderung auf',
  duration: 'Dauer',
  speakingTime: 'Redezeit',
  allowed: 'vorgesehen',
  noLimit: 'ohne Begrenzung',
  extendedBy: 'verlängert um',
  overrun: 'überzogen um',
  stillSpeaking: 'noch am Wort',
  interjection: 'Zwischenfrage von',
  interjectionOutcome: { accepted: 'zugelassen', declined: 'nicht zugelassen' },
  pointOfOrder: 'Antrag zur Geschäftsordnung',
  pointRole: { mover: 'Begründung', against: 'Gegenrede' },
  withdrawn: 'zurückgezogen',
  decision: 'Entscheidung',
  decisions: decisionNames.de,
  undecided: 'nicht entschieden',
  by: 'durch',
  vote: 'Abstimmung',
  voteKind: {
    named: 'namentliche Abstimmung',
    pseudonymous: 'Abstimmung unter Pseudonym',
    show_of_hands: 'Abstimmung durch Handzeichen',
    secret: 'geheime Abstimmung',
  },
  majority: majorityNames.de,
  forPoint: 'auf Antrag zur Geschäftsordnung von',
  voteOpened: 'eröffnet',
  voteClosed: 'geschlossen',
  closedBy: {
    chair: 'durch den Vorsitz',
    all_voted: 'alle Stimmberechtigten haben abgestimmt',
    expired: 'Abstimmungszeit abgelaufen',
    counts_entered: 'durch Handzeichen gezählt, Zählung eingetragen vom Vorsitz',
  },
  option: 'Option',
  votes: 'Stimmen',
  faction: 'Fraktion',
  turnout: (cast, eligible, percent) => `${cast} von ${eligible} Stimmberechtigten haben abgestimmt (${percent} %).`,
  quorate: 'Das Haus war beschlussfähig.',
  notQuorate: 'Das Haus war nicht beschlussfähig.',
  outcome: outcomeNames.de,
  outcomeReason: outcomeReasons.de,
  quorumCount: (present, required, quorate) =>
    `Die Beschlussfähigkeit wird bezweifelt und festgestellt: ${present} Mitglieder anwesend, ${required} erforderlich – das Haus ist ${quorate ? 'beschlussfähig' : 'nicht beschlussfähig'}.`,
  quorumChallenged: 'Die Beschlussfähigkeit war bezweifelt: Gezählt wurden die abgegebenen Stimmen.',
  reasonCode: {
    majority_reached: 'erforderliche Mehrheit erreicht',
    majority_missed: 'erforderliche Mehrheit verfehlt',
    tie: 'Stimmengleichheit',
    no_quorum: 'Beschlussunfähigkeit',
  },
  recountMismatch: 'Achtung: Die Stimmabgaben im Sitzungsprotokoll ergeben nicht das verkündete Ergebnis.',
  namedVotes: 'Namentliche Stimmabgabe',
  notVoted: 'Nicht abgestimmt',
  pseudonymousVotes: 'Stimmabgabe unter Pseudonym',
  secretVotes: 'Geheime Stimmzettel (Anfang des Token-Hashes; die vollständige Liste ist veröffentlicht)',
  cancelled: 'Abgebrochen',
  resultInvalid: 'Ein Ergebnis wird nicht festgestellt.',
  stillOpen: (n) => `Die Abstimmung ist noch offen; ${n === 1 ? '1 Stimme' : `${n} Stimmen`} abgegeben.`,
  election: {
    title: 'Wahl',
    round: (n) => roundName('de', n),
    seats: (n) => (n === 1 ? '1 Sitz' : `${n} Sitze`),
    majority: electionMajorityNames.de,
    candidates: 'Kandidierende',
    needed: (n) => `Erforderlich: ${n === 1 ? '1 Stimme' : `${n} Stimmen`}.`,
    lot: (among, drawn) => `Stimmengleichheit zwischen ${among}: Das Los entscheidet für ${drawn}.`,
    next: (round, majority, candidates) => `Nach der Geschäftsordnung folgt der ${round} (${majority}) mit ${candidates}.`,
    noFurtherRound: 'Die Geschäftsordnung sieht keinen weiteren Wahlgang vor: Die Wahl ist gescheitert.',
  },
  ballotsBeforeCancel: (n) => (n === 1 ? '1 Stimme war abgegeben.' : `${n} Stimmen waren abgegeben.`),
  optionWords: optionNames.de,
  speakerList: { closed: 'Die Rednerliste wird geschlossen.', reopened: 'Die Rednerliste wird wieder geöffnet.' },
  orderPolicy: 'Reihenfolge der Redner',
  admission: {
    title: 'Zulassung',
    change: {
      asked: 'bittet um Einlass',
      admitted: 'zugelassen',
      declined: 'abgewiesen',
      ended: 'Zulassung endet mit dem Tagesordnungspunkt',
      removed: 'aus der Sitzung entfernt',
    },
    roles: { guest: 'Gast', press: 'Presse', substitute: 'Stellvertretung', podium_guest: 'Gast am Rednerpult' },
    as: 'als',
    substituteFor: 'für',
    forItem: 'für diesen Tagesordnungspunkt',
    by: 'durch',
  },
  rosterChange: {
    title: 'Änderung im Mitgliederverzeichnis',
    added: 'aufgenommen',
    removed: 'gestrichen',
    votingRight: 'Stimmrecht',
    roles: 'Rollen',
    username: 'Benutzername',
    yes: 'ja',
    no: 'nein',
    by: 'durch',
  },
  orderMeasure: {
    measures: {
      call_to_point: 'Sachruf',
      call_to_order: 'Ordnungsruf',
      floor_withdrawn: 'Wortentziehung',
      muted: 'Mikrofon durch die Sitzungsleitung stummgeschaltet',
      unmuted: 'Mikrofon wieder freigegeben',
      excluded: 'Ausschluss von der Sitzung',
      exclusion_carried: 'Fortdauernder Ausschluss aus früherer Sitzung',
      objection_recorded: 'Einspruch gegen den Ausschluss',
      objection_decided: 'Entscheidung über den Einspruch',
    },
    sittingDays: (n) => (n === 1 ? '1 Sitzungstag' : `${n} Sitzungstage`),
    upheld: 'stattgegeben, der Ausschluss ist aufgehoben',
    rejected: 'zurückgewiesen',
    by: 'durch',
  },
  orderPolicies: {
    first_come: 'nach Eingang der Wortmeldungen',
    alternate_factions: 'im Wechsel der Fraktionen',
    pro_contra: 'im Wechsel für und wider',
    quota: 'nach Redezeitkontingenten der Fraktionen',
  },
  agendaAmendment: {
    title: 'Änderung der Tagesordnung',
    amendedNote: 'Die Tagesordnung wurde während der Sitzung geändert (siehe Verlauf der Sitzung).',
    move: (title, from, to) => `TOP ${from} „${title}“ wird an Stelle ${to} gesetzt`,
    insert: (title, position) => `„${title}“ wird als TOP ${position} aufgenommen`,
    remove: (title, position) => `TOP ${position} „${title}“ wird abgesetzt`,
    retitle: (position, before, after) => `TOP ${position} „${before}“ lautet nun „${after}“`,
    onPoint: (category, mover, text) => `auf den angenommenen Antrag zur Geschäftsordnung (${category}) von ${mover}: „${text}“`,
    onVote: (title) => `auf den Beschluss in der Abstimmung „${title}“`,
    decidedAt: 'entschieden',
    by: 'durch',
  },
  debateTime: 'Redezeit der Aussprache',
  attendance: 'Anwesenheit',
  leftEarly: 'vorzeitig gegangen',
  speakingTimes: 'Redezeiten',
  contributions: 'Beiträge',
  total: 'gesamt',
  verification: 'Nachweis',
  derivedFrom: (n) => `Dieses Protokoll ist allein aus dem hash-verketteten Sitzungsprotokoll abgeleitet (${n} Einträge).`,
  headHash: 'Kopf-Hash (SHA-256) des letzten Eintrags',
  verifyWith: 'Prüfen mit',
  chainIntact: 'Die Hash-Kette ist unversehrt.',
  chainBroken: (seq, problem) => `WARNUNG: Die Hash-Kette ist ab Eintrag ${seq} verletzt (${problem}). Dieses Protokoll ist nicht verlässlich.`,
  page: (p, n) => `Seite ${p} von ${n}`,
  someone: 'eine nicht mehr verzeichnete Person',
  presiding: 'Vorsitz',
  presidencyTaken: (name) => `${name} übernimmt den Vorsitz.`,
  corrected: (time, by, previous) => `[berichtigt ${time} durch ${by}; zuvor: „${previous}“]`,
  corrections: 'Berichtigungen',
  correctionOf: (seq, what) => `Eintrag ${seq} (${what})`,
  correctable: { minutes_note: 'Vermerk', point_of_order: 'Geschäftsordnungsantrag', decision_note: 'Begründung der Entscheidung' },
  approved: (name, when, seq) => `Genehmigt von ${name} am ${when}, Stand Eintrag ${seq}.`,
  approvedHead: 'Genehmigter Stand (Hash des Eintrags)',
  awaitingApproval: 'Das Protokoll ist noch nicht genehmigt.',
  approvalLapsed: (name, when, lapsed) => `Die Genehmigung durch ${name} vom ${when} ist durch eine Berichtigung vom ${lapsed} entfallen.`,
};

const en: ProtocolLabels = {
  locale: 'en-GB',
  documentTitle: 'Minutes of the sitting',
  sittingNumber: (n) => `Sitting no. ${n}`,
  provisional: (phase) => (phase === 'scheduled' ? 'Provisional – the sitting has not been opened yet.' : 'Provisional – the sitting has not been closed yet.'),
  scheduledFor: 'Scheduled for',
  opened: 'Opened',
  closed: 'Closed',
  notOpened: 'The sitting was not opened.',
  clock: (t) => t,
  rulebook: 'Rules of procedure',
  statutoryMembers: 'Statutory membership',
  agenda: 'Agenda',
  item: (n) => `Item ${n}`,
  calledAt: 'called',
  notCalled: 'not called',
  suspensions: 'Suspensions',
  proceedings: 'Proceedings',
  beforeAgenda: 'Before the agenda',
  suspended: 'The sitting is suspended',
  resumesAt: 'to resume',
  resumedAt: 'resumed',
  notResumed: 'not resumed',
  floorKind: floorKindNames.en,
  stance: { pro: 'in favour', contra: 'against' },
  independent: 'independent',
  noFaction: 'no group',
  addedByChair: 'put on the list by the chair',
  repliesTo: 'in reply to',
  duration: 'Duration',
  speakingTime: 'Speaking time',
  allowed: 'allowed',
  noLimit: 'no limit',
  extendedBy: 'extended by',
  overrun: 'overrun',
  stillSpeaking: 'still speaking',
  interjection: 'Interjection question by',
  interjectionOutcome: { accepted: 'accepted', declined: 'declined' },
  pointOfOrder: 'Point of order',
  pointRole: { mover: 'moved', against: 'against' },
  withdrawn: 'withdrawn',
  decision: 'Decision',
  decisions: decisionNames.en,
  undecided: 'not decided',
  by: 'by',
  vote: 'Vote',
  voteKind: { named: 'roll-call vote', pseudonymous: 'pseudonymous vote', show_of_hands: 'vote by show of hands', secret: 'secret ballot' },
  majority: majorityNames.en,
  forPoint: 'on the point of order by',
  voteOpened: 'opened',
  voteClosed: 'closed',
  closedBy: {
    chair: 'by the chair',
    all_voted: 'everyone eligible had voted',
    expired: 'voting time expired',
    counts_entered: 'counted by show of hands, counts entered by the chair',
  },
  option: 'Option',
  votes: 'Votes',
  faction: 'Group',
  turnout: (cast, eligible, percent) => `${cast} of ${eligible} eligible members voted (${percent} %).`,
  quorate: 'The house was quorate.',
  notQuorate: 'The house was not quorate.',
  outcome: outcomeNames.en,
  outcomeReason: outcomeReasons.en,
  quorumCount: (present, required, quorate) =>
    `The quorum is doubted and counted: ${present} members present, ${required} required – the house is ${quorate ? 'quorate' : 'not quorate'}.`,
  quorumChallenged: 'The quorum had been doubted: the ballots cast were counted.',
  reasonCode: { majority_reached: 'required majority reached', majority_missed: 'required majority missed', tie: 'tie', no_quorum: 'no quorum' },
  recountMismatch: 'Warning: the ballots in the record do not add up to the announced result.',
  namedVotes: 'Votes by name',
  notVoted: 'Did not vote',
  pseudonymousVotes: 'Ballots by pseudonym',
  secretVotes: 'Secret ballots (start of the token hash; the full list is published)',
  cancelled: 'Cancelled',
  resultInvalid: 'No result is declared.',
  stillOpen: (n) => `The vote is still open; ${n === 1 ? '1 ballot' : `${n} ballots`} cast.`,
  election: {
    title: 'Election',
    round: (n) => roundName('en', n),
    seats: (n) => (n === 1 ? '1 seat' : `${n} seats`),
    majority: electionMajorityNames.en,
    candidates: 'Candidates',
    needed: (n) => `Needed: ${n === 1 ? '1 vote' : `${n} votes`}.`,
    lot: (among, drawn) => `A tie between ${among}: the lot is drawn for ${drawn}.`,
    next: (round, majority, candidates) => `By the rules of procedure the ${round} (${majority}) follows with ${candidates}.`,
    noFurtherRound: 'The rules of procedure allow no further round: the election has failed.',
  },
  ballotsBeforeCancel: (n) => (n === 1 ? '1 ballot had been cast.' : `${n} ballots had been cast.`),
  optionWords: optionNames.en,
  speakerList: { closed: 'The list of speakers is closed.', reopened: 'The list of speakers is reopened.' },
  orderPolicy: 'Order of speakers',
  admission: {
    title: 'Admission',
    change: {
      asked: 'asks to enter',
      admitted: 'admitted',
      declined: 'declined',
      ended: 'admission ends with the agenda item',
      removed: 'removed from the sitting',
    },
    roles: { guest: 'guest', press: 'press', substitute: 'substitute', podium_guest: 'podium guest' },
    as: 'as',
    substituteFor: 'for',
    forItem: 'for this agenda item',
    by: 'by',
  },
  rosterChange: {
    title: 'Roster change',
    added: 'added',
    removed: 'removed',
    votingRight: 'voting right',
    roles: 'roles',
    username: 'username',
    yes: 'yes',
    no: 'no',
    by: 'by',
  },
  orderMeasure: {
    measures: {
      call_to_point: 'Call to the point',
      call_to_order: 'Call to order',
      floor_withdrawn: 'Floor withdrawn',
      muted: 'Microphone muted by the chair',
      unmuted: 'Microphone released',
      excluded: 'Excluded from the sitting',
      exclusion_carried: 'Exclusion continued from an earlier sitting',
      objection_recorded: 'Objection to the exclusion',
      objection_decided: 'Decision on the objection',
    },
    sittingDays: (n) => (n === 1 ? '1 sitting day' : `${n} sitting days`),
    upheld: 'upheld, the exclusion is lifted',
    rejected: 'rejected',
    by: 'by',
  },
  orderPolicies: {
    first_come: 'first come, first served',
    alternate_factions: 'alternating between groups',
    pro_contra: 'alternating for and against',
    quota: 'by the groups’ speaking-time quotas',
  },
  agendaAmendment: {
    title: 'Agenda amended',
    amendedNote: 'The agenda was amended during the sitting (see the proceedings).',
    move: (title, from, to) => `item ${from} “${title}” moved to position ${to}`,
    insert: (title, position) => `“${title}” added as item ${position}`,
    remove: (title, position) => `item ${position} “${title}” removed`,
    retitle: (position, before, after) => `item ${position} “${before}” now reads “${after}”`,
    onPoint: (category, mover, text) => `on the accepted point of order (${category}) by ${mover}: “${text}”`,
    onVote: (title) => `on the decision of the vote “${title}”`,
    decidedAt: 'decided',
    by: 'by',
  },
  debateTime: 'Debate time',
  attendance: 'Attendance',
  leftEarly: 'left early',
  speakingTimes: 'Speaking times',
  contributions: 'Contributions',
  total: 'total',
  verification: 'Verification',
  derivedFrom: (n) => `These minutes are derived from the hash-chained record of the sitting alone (${n} entries).`,
  headHash: 'Head hash (SHA-256) of the last entry',
  verifyWith: 'Verify with',
  chainIntact: 'The hash chain is intact.',
  chainBroken: (seq, problem) => `WARNING: the hash chain is broken from entry ${seq} on (${problem}). These minutes are not reliable.`,
  page: (p, n) => `Page ${p} of ${n}`,
  someone: 'a person no longer on the roster',
  presiding: 'Presiding',
  presidencyTaken: (name) => `${name} takes the chair.`,
  corrected: (time, by, previous) => `[corrected ${time} by ${by}; previously: “${previous}”]`,
  corrections: 'Corrections',
  correctionOf: (seq, what) => `entry ${seq} (${what})`,
  correctable: { minutes_note: 'note', point_of_order: 'point of order', decision_note: 'note on the decision' },
  approved: (name, when, seq) => `Approved by ${name} on ${when}, as of entry ${seq}.`,
  approvedHead: 'Approved as of (hash of that entry)',
  awaitingApproval: 'These minutes have not been approved yet.',
  approvalLapsed: (name, when, lapsed) => `The approval by ${name} of ${when} lapsed with a correction of ${lapsed}.`,
};

export const protocolLabels: Readonly<Record<ProtocolLanguage, ProtocolLabels>> = { de, en };
