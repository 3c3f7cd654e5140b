/**
 * The state of a sitting's procedure: the fold of its record. Plain, readonly data (records keyed by id,
 * arrays in record order); `evolve` is total and deterministic, so any state is `fold(entries)`.
 */
import type { BallotIndex } from './ballot-index';
import type { Rulebook } from '../rulebook';
import type {
  AdmissionRole,
  AmendedChange,
  AmendmentAuthority,
  CorrectableKind,
  Entrant,
  PersonRef,
  RecordedEvent,
  VoteDefinition,
  VoteResult,
} from './events';
import type { FloorKind, OrderPolicy, PointOfOrderDecision, RequestKind, SittingPhase, Stance } from './vocabulary';
import { evolveEntry } from './evolve';
import { evolveMinutes } from './evolve-minutes';

/**
 * pending: waiting (for an interjection: waiting for the speaker's answer); heard: had the floor
 * (an interjection: was put); accepted: an interjection holding the floor beside the speech now;
 * lapsed: an interjection still pending when the speech it addressed ended.
 */
export type RequestStatus = 'pending' | 'withdrawn' | 'removed' | 'heard' | 'accepted' | 'declined' | 'lapsed';

export interface SpeakerRequest {
  readonly requestId: string;
  readonly agendaItemId: string;
  readonly person: PersonRef;
  readonly requestKind: RequestKind;
  readonly stance: Stance | null;
  /** As recorded: the addressed floor's request id, or its floor id when that floor served no request. */
  readonly addressesRequestId: string | null;
  readonly addedBy: string | null;
  readonly requestedAt: string;
  /** Arrival order (the record's seq). */
  readonly seq: number;
  readonly status: RequestStatus;
  /** Short intervention: the addressed speaker has answered it. */
  readonly answered: boolean;
}

export interface ItemState {
  /** When the item was first called in this sitting; null: never (it may still be removed by an amendment). */
  readonly calledAt: string | null;
  /** null: the rulebook's default policy. */
  readonly policy: OrderPolicy | null;
  readonly listClosed: boolean;
  /** The chair's order of the requests pending at the time (speaker.reordered); cleared by a new policy. */
  readonly manualOrder: readonly string[] | null;
  readonly allotment: { readonly debateSeconds: number; readonly perFaction: Readonly<Record<string, number>> } | null;
}

export interface RunningInterjection {
  readonly requestId: string;
  readonly person: PersonRef;
  readonly startedAt: string;
}

/** The speech holding the floor now. */
export interface CurrentFloor {
  readonly floorId: string;
  readonly agendaItemId: string | null;
  readonly person: PersonRef;
  readonly floorKind: FloorKind;
  readonly requestId: string | null;
  /** As granted (without extensions); null: no limit. */
  readonly limitSeconds: number | null;
  readonly extensionSeconds: number;
  readonly startedAt: string;
  /** Time interjections held the floor: not counted against the speaker. */
  readonly pausedMs: number;
  readonly interjection: RunningInterjection | null;
  /** "Mute all" with clocks that stop: since when the clock stands for it; null: not muted (or the clock runs on). */
  readonly mutedSince: string | null;
}

export interface FinishedFloor extends Omit<CurrentFloor, 'interjection' | 'mutedSince'> {
  readonly endedAt: string;
  /** Speaking time of the holder: end − start − interjections. */
  readonly ms: number;
}

export interface FinishedInterjection {
  readonly requestId: string;
  readonly floorId: string;
  readonly agendaItemId: string | null;
  readonly person: PersonRef;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly ms: number;
}

export interface PointOfOrder {
  readonly pointId: string;
  readonly agendaItemId: string | null;
  readonly person: PersonRef;
  readonly category: string;
  readonly text: string;
  readonly raisedAt: string;
  readonly seq: number;
  readonly status: 'pending' | 'withdrawn' | 'decided';
  /** The mover has had the floor for it. */
  readonly heard: boolean;
  /** A speaker against has had the floor for it (rulebook.pointsOfOrder.hearOneAgainst). */
  readonly counterHeard: boolean;
  readonly decision: PointOfOrderDecision | null;
  /** When the chair decided it. */
  readonly decidedAt: string | null;
  readonly note: string | null;
  readonly voteId: string | null;
}

export interface Ballot {
  /** named: the voter's person id; pseudonymous: the pseudonym. */
  readonly key: string;
  readonly optionId: string;
  readonly voter: PersonRef | null;
  readonly pseudonym: string | null;
  /** secret: the spent token's hash (then `key` too). */
  readonly tokenHash?: string;
  readonly castAt: string;
}

export interface VoteState {
  readonly voteId: string;
  readonly definition: VoteDefinition;
  /** Frozen at opening. */
  readonly eligible: readonly PersonRef[];
  readonly eligibleIds: Readonly<Record<string, true>>;
  /** People who joined while the vote was open and were not frozen in (eligible if the rules let late joiners vote). */
  readonly lateJoiners: Readonly<Record<string, PersonRef>>;
  readonly openedAt: string;
  readonly closesAt: string | null;
  /** Presence quorum at opening. */
  readonly quorate: boolean;
  /** The quorum was doubted for this vote and counted (quorum.counted): the vote is counted by its ballots. */
  readonly quorumChallenged: boolean;
  readonly status: 'open' | 'closed' | 'cancelled';
  readonly ballots: readonly Ballot[];
  /** ballot key → index in `ballots`, shared by every state of this vote (ballot-index.ts). */
  readonly ballotIndex: BallotIndex;
  readonly closedAt: string | null;
  readonly closedBy: 'chair' | 'all_voted' | 'expired' | 'counts_entered' | null;
  readonly result: VoteResult | null;
  readonly cancelReason: string | null;
}

/** A change of the agenda carried out in this sitting (agenda.amended), in record order. */
export interface AgendaAmendment {
  readonly seq: number;
  readonly at: string;
  /** Who carried it out (the chair's team). */
  readonly actorId: string | null;
  readonly change: AmendedChange;
  readonly order: readonly string[];
  readonly authority: AmendmentAuthority;
}

/**
 * Someone not on the roster (or removed from the sitting) and the chair's answer. waiting: in the lobby;
 * admitted: may enter; declined; removed: may not enter until admitted again; ended: admitted for an
 * agenda item that is over.
 */
export interface Admission {
  readonly entrant: Entrant;
  readonly status: 'waiting' | 'admitted' | 'declined' | 'removed' | 'ended';
  readonly role: AdmissionRole | null;
  readonly substituteFor: PersonRef | null;
  readonly agendaItemId: string | null;
  /** When they last asked (waiting), or when the last answer came. */
  readonly since: string;
  /** The reason given with a decline or removal. */
  readonly reason: string | null;
}

/** Demands for a named vote on one prepared vote (keyed by draft id); once valid, the draft opens as named. */
export interface NamedVoteDemand {
  readonly factionIds: readonly string[];
  readonly personIds: readonly string[];
  readonly valid: boolean;
}

/** A call to the point or to order, as recorded. */
export interface OrderCall {
  readonly measureId: string;
  readonly kind: 'to_point' | 'to_order';
  readonly personId: string;
  readonly person: PersonRef;
  /** The floor the person held when called; null: called from their seat. */
  readonly floorId: string | null;
  readonly at: string;
}

/** An exclusion in force in this sitting, or lifted in it by an upheld objection. */
export interface Exclusion {
  readonly exclusionId: string;
  readonly person: PersonRef;
  readonly sittingDays: number;
  /** null: imposed in this sitting; else the earlier sitting it was imposed in. */
  readonly fromSittingId: string | null;
  /** Sitting days left when this sitting began (or when it was imposed), this one included. */
  readonly remaining: number;
  readonly at: string;
  readonly reason: string | null;
  readonly objection: {
    readonly text: string | null;
    /** null: lodged before this sitting (carried). */
    readonly at: string | null;
    readonly decision: { readonly upheld: boolean; readonly note: string | null; readonly at: string } | null;
  } | null;
  /** An upheld objection ended it. */
  readonly lifted: boolean;
}

/** Order measures in this sitting: calls, individual mutes, exclusions (by id). */
export interface OrderState {
  readonly calls: readonly OrderCall[];
  /** Floors withdrawn, in record order. */
  readonly withdrawals: readonly { readonly floorId: string; readonly personId: string; readonly at: string }[];
  readonly muted: Readonly<Record<string, PersonRef>>;
  readonly exclusions: Readonly<Record<string, Exclusion>>;
}

export interface ProcedureState {
  readonly phase: SittingPhase;
  /** Frozen by sitting.opened; null before. */
  readonly rulebook: Rulebook | null;
  readonly statutoryMembers: number | null;
  readonly suspension: { readonly reason: string | null; readonly resumesAt: string | null; readonly since: string } | null;
  readonly present: Readonly<Record<string, { readonly person: PersonRef; readonly since: string }>>;
  /** The lobby and the admissions, by entrant id (a roster person appears here only once removed). */
  readonly admissions: Readonly<Record<string, Admission>>;
  readonly currentItemId: string | null;
  readonly items: Readonly<Record<string, ItemState>>;
  readonly requests: Readonly<Record<string, SpeakerRequest>>;
  readonly floor: CurrentFloor | null;
  /** The chair muted all but the chair's team and podium guests; the next grant of the floor lifts it. */
  readonly mutedAll: boolean;
  readonly floors: readonly FinishedFloor[];
  readonly interjections: readonly FinishedInterjection[];
  readonly points: Readonly<Record<string, PointOfOrder>>;
  readonly votes: Readonly<Record<string, VoteState>>;
  readonly openVoteId: string | null;
  /** The quorum was doubted and counted with no vote open: the next vote is counted by its ballots. */
  readonly quorumInDoubt: boolean;
  /** The latest count of the members present on a doubted quorum. */
  readonly quorumCount: { readonly at: string; readonly present: number; readonly required: number; readonly quorate: boolean } | null;
  /** draft id → the demands for a named vote on it. */
  readonly namedDemands: Readonly<Record<string, NamedVoteDemand>>;
  /** Changes of the agenda carried out while the sitting was open, in record order. */
  readonly amendments: readonly AgendaAmendment[];
  readonly order: OrderState;
  /** Who opened the sitting (the presiding chair until someone takes the chair). */
  readonly openedBy: string | null;
  /** Who took the chair last (presidency.taken); null: whoever opened the sitting presides. */
  readonly presiding: PersonRef | null;
  /** Entries whose text a correction may replace, by seq, with the text the protocol shows now. */
  readonly corrigible: Readonly<Record<string, { readonly kind: CorrectableKind; readonly text: string }>>;
  /** The chair's approval of the protocol; a correction after it lapses it (null again). */
  readonly approval: { readonly seq: number; readonly head: string; readonly at: string; readonly by: PersonRef } | null;
  readonly lastSeq: number;
  readonly lastAt: string | null;
}

export const initialState: ProcedureState = {
  phase: 'scheduled',
  rulebook: null,
  statutoryMembers: null,
  suspension: null,
  present: {},
  admissions: {},
  currentItemId: null,
  items: {},
  requests: {},
  floor: null,
  mutedAll: false,
  floors: [],
  interjections: [],
  points: {},
  votes: {},
  openVoteId: null,
  quorumInDoubt: false,
  quorumCount: null,
  namedDemands: {},
  amendments: [],
  order: { calls: [], withdrawals: [], muted: {}, exclusions: {} },
  openedBy: null,
  presiding: null,
  corrigible: {},
  approval: null,
  lastSeq: 0,
  lastAt: null,
};

/** One entry of the record applied to the state. Total: an entry that does not fit the state changes nothing but seq/at. */
export function evolve(state: ProcedureState, entry: RecordedEvent): ProcedureState {
  return { ...evolveMinutes(evolveEntry(state, entry), entry), lastSeq: entry.seq, lastAt: entry.at };
}

export function fold(entries: readonly RecordedEvent[]): ProcedureState {
  return entries.reduce(evolve, initialState);
}
