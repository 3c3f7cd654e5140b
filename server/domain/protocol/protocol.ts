/**
 * The protocol (minutes) of a sitting, derived from its record alone plus the sitting's header:
 * opening, suspensions and closing, agenda items as called, the floor with start/end/duration, points
 * of order with their decisions, votes with full results, and the record's head hash to verify it by.
 *
 * Pure: no clock, no database. Times on the floor come from the procedure's own fold (see
 * protocol-fold.ts) and are printed in whole seconds by the one rule of clocks.ts (`wholeSeconds`).
 * Pseudonymous ballots appear under their pseudonyms only: the record never links them to members,
 * and the protocol adds no time or order that could (ballots are sorted).
 */
import type { VoteOutcome } from '@contract/vote-outcomes';
import type { MinutesNoteKind } from '@contract/minutes-words';
import type {
  AdmissionRole,
  AmendedChange,
  CorrectableKind,
  ElectionRoundDefinition,
  ElectionRoundResult,
  PersonRef,
  RosterFacts,
  VoteOption,
} from '../procedure/events';
import type { FloorKind, MajorityKind, OrderPolicy, PointOfOrderDecision, SittingPhase, Stance, VoteKind } from '../procedure/vocabulary';
import { GENESIS_HASH, verifyChain, type ChainProblem, type StoredEntry } from '../record';
import { byName, ProtocolFold } from './protocol-fold';

export interface ProtocolInput {
  readonly sitting: { readonly id: string; readonly number: number; readonly title: string; readonly startsAt: string };
  readonly parliamentName: string;
  readonly agenda: readonly { readonly id: string; readonly position: number; readonly title: string }[];
  readonly entries: readonly StoredEntry[];
  /** IANA zone the PDF prints times in; the JSON keeps ISO instants. Default Europe/Berlin. */
  readonly timeZone?: string;
  /**
   * Today's roster: names the record knows only by id (who decided, who opened), and the one spelling of
   * each group (a faction's short name) the protocol prints throughout, whatever an older entry wrote.
   */
  readonly roster?: {
    readonly people: readonly { readonly personId: string; readonly name: string; readonly factionId: string | null }[];
    readonly factions: readonly { readonly id: string; readonly shortName: string }[];
  };
}

/** A text of the protocol replaced by a correction (a new record entry naming the one it corrects). */
export interface ProtocolCorrection {
  /** The correction's own entry. */
  readonly seq: number;
  readonly at: string;
  readonly by: Actor | null;
  /** The entry corrected, by seq and hash, and which of its texts. */
  readonly target: { readonly seq: number; readonly hash: string; readonly kind: CorrectableKind };
  readonly previous: string;
  readonly text: string;
}

/** A clerk's note: applause, an interjection, a call; printed in parentheses at its moment. */
export interface ProtocolMinutesNote {
  readonly kind: 'minutes_note';
  readonly seq: number;
  readonly noteId: string;
  readonly noteKind: MinutesNoteKind;
  /** As corrected, if it was. */
  readonly text: string;
  readonly moment: string;
  readonly at: string;
  readonly by: Actor | null;
  readonly corrections: readonly ProtocolCorrection[];
}

/** Who presided, from when to when (null: to the end of the record). */
export interface ProtocolPresidency {
  readonly person: Actor;
  readonly from: string;
  readonly to: string | null;
}

/** Who acted, resolved to a name where the record names that person anywhere. */
export interface Actor {
  readonly personId: string;
  readonly name: string | null;
}

export interface ProtocolInterjection {
  readonly requestId: string;
  readonly person: PersonRef;
  readonly askedAt: string;
  readonly outcome: 'accepted' | 'declined';
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
}

export interface ProtocolFloor {
  readonly kind: 'floor';
  readonly floorId: string;
  readonly floorKind: Exclude<FloorKind, 'point_of_order'>;
  readonly person: PersonRef;
  readonly stance: Stance | null;
  readonly requestId: string | null;
  /** Added to the list by the chair rather than asked for. */
  readonly addedByChair: boolean;
  /** A short intervention: the speaker of the speech it replies to. */
  readonly repliesTo: PersonRef | null;
  readonly startedAt: string;
  /** null: still holding the floor where the record ends. */
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
  /** The duration less accepted interjections (their time does not count against the speaker). */
  readonly speakingSeconds: number | null;
  /** The limit at the grant plus extensions; null: no limit. */
  readonly limitSeconds: number | null;
  readonly extendedSeconds: number;
  readonly overrunSeconds: number | null;
  readonly interjections: readonly ProtocolInterjection[];
}

export interface ProtocolPointOfOrder {
  readonly kind: 'point_of_order';
  readonly pointId: string;
  readonly person: PersonRef;
  readonly category: { readonly id: string; readonly label: { readonly de: string; readonly en: string } | null };
  /** As corrected, if it was (the decision's note too; `corrections` names each). */
  readonly text: string;
  readonly raisedAt: string;
  readonly withdrawnAt: string | null;
  readonly corrections: readonly ProtocolCorrection[];
  /** The mover, and a speaker against where the rules hear one. */
  readonly floors: readonly {
    readonly person: PersonRef;
    readonly role: 'mover' | 'against';
    readonly startedAt: string;
    readonly endedAt: string | null;
    readonly durationSeconds: number | null;
  }[];
  readonly decision: {
    readonly decision: PointOfOrderDecision;
    readonly note: string | null;
    readonly voteId: string | null;
    readonly at: string;
    readonly by: Actor | null;
  } | null;
}

export interface ProtocolOptionCount {
  readonly optionId: string;
  readonly label: string;
  readonly count: number;
}

export interface ProtocolVote {
  readonly kind: 'vote';
  readonly voteId: string;
  readonly title: string;
  readonly voteKind: VoteKind;
  readonly majority: MajorityKind;
  readonly options: readonly VoteOption[];
  readonly statutoryMembers: number;
  /** Elections only: the round this vote was (its candidates are the options meaning yes); every round is a vote of its own. */
  readonly election?: ElectionRoundDefinition;
  /** The point of order this vote was put for. */
  readonly forPointId: string | null;
  readonly openedAt: string;
  readonly openedBy: Actor | null;
  readonly closesAt: string | null;
  readonly eligibleCount: number;
  readonly quorateAtOpening: boolean;
  readonly status: 'open' | 'closed' | 'cancelled';
  readonly ballotsCast: number;
  /** by counts_entered: a vote by show of hands, whose counts `actor` (the chair's team) entered. */
  readonly closed: { readonly at: string; readonly by: 'chair' | 'all_voted' | 'expired' | 'counts_entered'; readonly actor: Actor | null } | null;
  readonly cancelled: { readonly at: string; readonly reason: string; readonly actor: Actor | null } | null;
  /** Only for a closed vote (an open vote's running count and a cancelled vote's count are not results). */
  /** The quorum was doubted and counted for this vote: it was counted by its ballots. */
  readonly quorumChallenged: boolean;
  /** What the house decided (closed or cancelled); null while open. */
  readonly outcome: VoteOutcome | null;
  readonly result: {
    readonly passed: boolean;
    readonly reason: string;
    readonly reasonCode: 'majority_reached' | 'majority_missed' | 'tie' | 'no_quorum';
    readonly counts: readonly ProtocolOptionCount[];
    readonly perFaction: readonly {
      readonly factionId: string | null;
      readonly factionShortName: string | null;
      readonly counts: readonly ProtocolOptionCount[];
    }[];
    readonly eligible: number;
    readonly cast: number;
    /** cast / eligible in percent, one decimal; null with nobody eligible. */
    readonly turnoutPercent: number | null;
    readonly quorate: boolean;
    /** Elections only: the options (candidates) elected. */
    readonly elected?: readonly string[];
    /** Elections only: votes needed, a lot drawn, the round the rules allowed next. */
    readonly election?: ElectionRoundResult;
    /** The ballots in the record add up to the announced counts (a show of hands has none: its counts are the chair's, as entered). */
    readonly recountMatches: boolean;
  } | null;
  /** Only for a closed vote: named, each voter with their option (by name); pseudonymous, pseudonyms only (sorted); secret, token hashes only (sorted); show of hands: none. */
  readonly ballots:
    | { readonly kind: 'named'; readonly votes: readonly { readonly voter: PersonRef; readonly optionId: string }[]; readonly notVoted: readonly PersonRef[] }
    | { readonly kind: 'pseudonymous'; readonly votes: readonly { readonly pseudonym: string; readonly optionId: string }[] }
    | { readonly kind: 'secret'; readonly votes: readonly { readonly tokenHash: string; readonly optionId: string }[] }
    | null;
}

/** A change of the agenda carried out in the open sitting, and the decision it carries out. */
export interface ProtocolAgendaAmendment {
  readonly kind: 'agenda_amendment';
  readonly at: string;
  readonly change: AmendedChange;
  readonly authority:
    | {
        readonly kind: 'point_of_order';
        readonly pointId: string;
        /** The point's text. */
        readonly reference: string;
        readonly mover: PersonRef;
        readonly category: { readonly id: string; readonly label: { readonly de: string; readonly en: string } | null };
        /** When the chair accepted it (null: the decision is not in this record). */
        readonly decidedAt: string | null;
      }
    | {
        readonly kind: 'vote';
        readonly voteId: string;
        /** The vote's title. */
        readonly reference: string;
        /** When it closed (null: not in this record). */
        readonly decidedAt: string | null;
      };
  /** Who carried it out. */
  readonly by: Actor | null;
}

export type OrderMeasureKind =
  'call_to_point' | 'call_to_order' | 'floor_withdrawn' | 'muted' | 'unmuted' | 'excluded' | 'exclusion_carried' | 'objection_recorded' | 'objection_decided';

export type Proceeding =
  | ProtocolFloor
  | ProtocolMinutesNote
  /** A President or Vice-President took the chair. */
  | { readonly kind: 'presidency'; readonly at: string; readonly person: Actor }
  | ProtocolAgendaAmendment
  | ProtocolPointOfOrder
  | ProtocolVote
  | {
      readonly kind: 'suspension';
      readonly at: string;
      readonly reason: string | null;
      readonly resumesAt: string | null;
      readonly resumedAt: string | null;
      readonly durationSeconds: number | null;
    }
  /** The quorum was doubted (a point of order accepted) and the members present counted. */
  | {
      readonly kind: 'quorum_count';
      readonly at: string;
      readonly present: number;
      readonly required: number;
      readonly quorate: boolean;
      /** The open vote then counted by its ballots (or closed for want of a quorum); null: the next vote. */
      readonly voteId: string | null;
    }
  | { readonly kind: 'speaker_list'; readonly at: string; readonly change: 'closed' | 'reopened' }
  | { readonly kind: 'order_policy'; readonly at: string; readonly policy: OrderPolicy }
  /** Parliament IT changed a person's roles, voting right or username while the sitting was open (before null: added; after null: removed). */
  | {
      readonly kind: 'roster_change';
      readonly at: string;
      readonly person: PersonRef;
      readonly before: RosterFacts | null;
      readonly after: RosterFacts | null;
      readonly by: Actor | null;
    }
  /** An order measure: calls, withdrawal of the floor, an individual mute, exclusion (or one carried from an earlier sitting), objection. */
  | {
      readonly kind: 'order_measure';
      readonly at: string;
      readonly measure: OrderMeasureKind;
      readonly person: PersonRef;
      /** The reason the chair gave, an objection's text, or the note on its decision. */
      readonly reason: string | null;
      /** Exclusions: the sitting days imposed; a carried one: the days left, this sitting included. */
      readonly sittingDays: number | null;
      /** A decided objection: upheld (the exclusion ends) or rejected. */
      readonly upheld: boolean | null;
      readonly by: Actor | null;
    }
  /** The lobby: someone asked to enter, was admitted (as what), declined, removed, or their admission for an item ended. */
  | {
      readonly kind: 'admission';
      readonly at: string;
      readonly change: 'asked' | 'admitted' | 'declined' | 'ended' | 'removed';
      readonly name: string;
      readonly role: AdmissionRole | null;
      readonly substituteFor: PersonRef | null;
      readonly forItem: boolean;
      readonly reason: string | null;
      readonly by: Actor | null;
    }
  | {
      readonly kind: 'speaking_time';
      readonly at: string;
      readonly debateSeconds: number;
      readonly perFaction: readonly { readonly factionId: string | null; readonly factionShortName: string | null; readonly seconds: number }[];
    };

export interface ProtocolSection {
  /** null: what happened before the first agenda item was called. */
  readonly agendaItem: { readonly id: string; readonly position: number; readonly title: string } | null;
  readonly calledAt: string | null;
  readonly proceedings: readonly Proceeding[];
}

export interface Protocol {
  readonly format: 'plenum.protocol/1';
  readonly parliament: string;
  readonly sitting: ProtocolInput['sitting'];
  readonly timeZone: string;
  /** Where the record stands: anything but closed makes this a provisional protocol. */
  readonly phase: SittingPhase;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly rulebook: { readonly preset: string; readonly name: string } | null;
  readonly statutoryMembers: number | null;
  /** The agenda as planned, with the times each item was called (none: not called). */
  readonly agenda: readonly { readonly id: string; readonly position: number; readonly title: string; readonly calledAt: readonly string[] }[];
  readonly suspensions: readonly Extract<Proceeding, { kind: 'suspension' }>[];
  readonly sections: readonly ProtocolSection[];
  /** Everyone who joined during the sitting, by name, and whoever presided (joined or not). */
  readonly attendance: readonly { readonly person: PersonRef; readonly firstJoinedAt: string; readonly presentAtEnd: boolean; readonly presiding: boolean }[];
  /** The presiding chair and every change of presidency. */
  readonly presidency: readonly ProtocolPresidency[];
  /** Every correction, in record order. */
  readonly corrections: readonly ProtocolCorrection[];
  /** The chair's approval of this protocol as the record stood at `seq`; null: not approved (or lapsed by a later correction). */
  readonly approval: { readonly seq: number; readonly head: string; readonly at: string; readonly by: Actor } | null;
  /** Approvals a later correction lapsed. */
  readonly lapsedApprovals: readonly { readonly seq: number; readonly head: string; readonly at: string; readonly by: Actor; readonly lapsedAt: string }[];
  /** Counted floor time (speeches, short interventions, grants by the chair; not points of order); each total rounded once from milliseconds. */
  readonly speakingTime: {
    readonly perFaction: readonly {
      readonly factionId: string | null;
      readonly factionShortName: string | null;
      readonly floors: number;
      readonly seconds: number;
    }[];
    readonly perPerson: readonly { readonly person: PersonRef; readonly floors: number; readonly seconds: number }[];
  };
  readonly record: {
    readonly entries: number;
    readonly firstAt: string | null;
    readonly lastAt: string | null;
    /** hash of the last entry: publish it, and `npm run verify-record -- <sitting> --head <hash>` proves nothing was cut or rewritten. */
    readonly head: string;
    readonly chain: { readonly ok: true } | { readonly ok: false; readonly seq: number; readonly problem: ChainProblem; readonly message: string };
  };
}

export function buildProtocol(input: ProtocolInput): Protocol {
  const b = new ProtocolFold(input.roster);
  for (const entry of input.entries) b.apply(entry);
  b.finish();
  const chain = verifyChain(input.entries);
  const factions = new Map((input.roster?.factions ?? []).map((f) => [f.id, f.shortName]));
  return spelled(factions, {
    format: 'plenum.protocol/1',
    parliament: input.parliamentName,
    sitting: { id: input.sitting.id, number: input.sitting.number, title: input.sitting.title, startsAt: input.sitting.startsAt },
    timeZone: input.timeZone ?? 'Europe/Berlin',
    phase: b.phase,
    openedAt: b.openedAt,
    closedAt: b.closedAt,
    rulebook: b.rulebook,
    statutoryMembers: b.statutoryMembers,
    agenda: [...input.agenda]
      .sort((x, y) => x.position - y.position)
      .map((a) => ({ id: a.id, position: a.position, title: a.title, calledAt: b.sections.filter((s) => s.agendaItem?.id === a.id).map((s) => s.calledAt!) })),
    suspensions: b.suspensions.map((s) => ({ ...s })),
    sections: b.sections
      .filter((s) => s.agendaItem !== null || s.proceedings.length > 0)
      .map((s) => ({ ...s, proceedings: s.proceedings.map((p) => b.publish(p)) })),
    attendance: b.attendanceWithPresidency().sort((x, y) => byName(x.person, y.person)),
    presidency: b.presidency.map((x) => ({ ...x })),
    corrections: [...b.corrections],
    approval: b.approval,
    lapsedApprovals: [...b.lapsedApprovals],
    speakingTime: b.speakingTime(),
    record: {
      entries: input.entries.length,
      firstAt: input.entries[0]?.at ?? null,
      lastAt: input.entries.at(-1)?.at ?? null,
      head: input.entries.at(-1)?.hash ?? GENESIS_HASH,
      chain: chain.ok ? { ok: true } : { ok: false, seq: chain.seq, problem: chain.problem, message: chain.message },
    },
  });
}

/**
 * One spelling per group: every faction short name in the protocol (people's, tables') as the roster
 * spells it today; a faction the roster no longer has keeps the record's spelling.
 */
function spelled<T>(factions: ReadonlyMap<string, string>, value: T): T {
  if (factions.size === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => spelled(factions, v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = spelled(factions, v);
  const id = out['factionId'];
  if ('factionShortName' in out && typeof id === 'string') out['factionShortName'] = factions.get(id) ?? out['factionShortName'];
  return out as T;
}

/** The protocol as JSON (2-space indented, stable key order as built), ending with a newline. */
export function protocolJson(p: Protocol): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}
