/**
 * Everything that happens in a sitting, as appended to its record (a hash-chained, append-only log).
 * State is the fold of these events (evolve); the protocol is derived from them alone.
 * Names are `area.verb` in the past tense of the command. Payloads hold plain JSON only: ids,
 * numbers, strings, ISO instants. Never change the meaning of a field once written: records are kept forever.
 */
import type { AgendaItemKind, Role } from '../parliament';
import type { ElectionRoundRule, Rulebook } from '../rulebook';
import type { FloorKind, MajorityKind, OptionMeaning, OrderPolicy, PointOfOrderDecision, RequestKind, Stance, VoteKind } from './vocabulary';
import type { MinutesNoteKind } from '@contract/minutes-words';

/** Who a person was at the time, so the protocol never needs today's roster to read an old record. */
export interface PersonRef {
  readonly personId: string;
  readonly name: string;
  readonly factionId: string | null;
  readonly factionShortName: string | null;
}

/** What the roster says about a person that bears on procedure: who signs in as them, what they may do, whether they vote. */
export interface RosterFacts {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly votingRights: boolean;
}

/** Someone asking to enter a sitting: a roster person who was removed (personId set), or an account not on the roster. */
export interface Entrant {
  /** The person's id, or for an account without a person a stable id of the account (`account:…`). */
  readonly entrantId: string;
  /** As the identity provider or the roster names them. */
  readonly name: string;
  /** Set when the entrant is on the roster. */
  readonly personId: string | null;
}

/** What the chair's team admits someone as. None of them votes; a podium guest may be given the floor. */
export const admissionRoles = ['guest', 'press', 'substitute', 'podium_guest'] as const;
export type AdmissionRole = (typeof admissionRoles)[number];

export interface VoteOption {
  readonly id: string;
  readonly label: string;
  readonly meaning: OptionMeaning;
}

export interface VoteDefinition {
  readonly voteId: string;
  readonly agendaItemId: string | null;
  readonly title: string;
  readonly kind: VoteKind;
  readonly options: readonly VoteOption[];
  readonly majority: MajorityKind;
  /** Running counts per option visible while open (the number of ballots cast always is). */
  readonly live: boolean;
  /** null: closed by the chair (or when all have voted, if autoClose). */
  readonly durationSeconds: number | null;
  readonly autoCloseWhenAllVoted: boolean;
  /** Statutory membership at opening, the base of member majorities. */
  readonly statutoryMembers: number;
  /**
   * secret: the vote's RSA public key (SPKI, base64url) that signs its ballot tokens (RFC 9474
   * RSABSSA-SHA384-PSS-Randomized), pinned here so anyone can check the published ballots. Absent or
   * null for other kinds (and in records written before secret ballots).
   */
  readonly publicKey?: string | null;
  /** Elections only: the round this vote is (its options meaning yes are the candidates); absent in other votes. */
  readonly election?: ElectionRoundDefinition;
}

/** One round (ballot) of an election as opened, with its rule frozen from the rulebook. */
export interface ElectionRoundDefinition {
  /** The first round's vote id: every round of one election carries it. */
  readonly electionId: string;
  /** 1-based; a round repeated for want of a quorum keeps its number. */
  readonly round: number;
  readonly seats: number;
  readonly rule: ElectionRoundRule;
  /** The round this one follows; null in the first. */
  readonly previousVoteId: string | null;
}

/** What an election's round decided besides who was elected: the bar, a lot drawn, the round the rules allow next. */
export interface ElectionRoundResult {
  readonly round: number;
  readonly majority: ElectionRoundRule['majority'];
  /** Votes a candidate needed to be elected in this round. */
  readonly needed: number;
  /** A tie for the last seats decided by lot (drawn by Plenum, uniformly): the candidates tied, and those drawn. */
  readonly lot: { readonly among: readonly string[]; readonly drawn: readonly string[] } | null;
  /** No one elected and the rules allow a further round: its number, candidates (option ids) and rule; null: the election is over. */
  readonly next: { readonly round: number; readonly candidates: readonly string[]; readonly rule: ElectionRoundRule } | null;
}

export interface OptionCount {
  readonly optionId: string;
  readonly count: number;
}

export interface VoteResult {
  readonly passed: boolean;
  /** Human-readable reason in English, e.g. "34 yes > 12 no (simple majority)". */
  readonly reason: string;
  /** Machine-readable reason for translations. */
  readonly reasonCode: 'majority_reached' | 'majority_missed' | 'tie' | 'no_quorum';
  readonly counts: readonly OptionCount[];
  /** Per faction only in named votes: other ballots carry no faction (older records may hold a table; readers drop it). */
  readonly perFaction: readonly { readonly factionId: string | null; readonly counts: readonly OptionCount[] }[];
  readonly eligible: number;
  readonly cast: number;
  /** present/eligible counted for quorum (abstentions included). */
  readonly quorate: boolean;
  /** Elections only: the ids of the options (candidates) elected; absent in other votes. */
  readonly elected?: readonly string[];
  /** Elections only: the round's bar, lot and what may follow. */
  readonly election?: ElectionRoundResult;
}

/** What a change of the agenda did, with the titles and places of the time: the protocol reads it without today's agenda. */
export type AmendedChange =
  | { readonly kind: 'move'; readonly agendaItemId: string; readonly title: string; readonly from: number; readonly to: number }
  | {
      readonly kind: 'insert';
      /** The new item's id (the agenda_items row is created with it). */
      readonly agendaItemId: string;
      readonly title: string;
      readonly itemKind: AgendaItemKind;
      readonly description: string | null;
      readonly position: number;
    }
  | { readonly kind: 'remove'; readonly agendaItemId: string; readonly title: string; readonly position: number }
  | { readonly kind: 'retitle'; readonly agendaItemId: string; readonly position: number; readonly previousTitle: string; readonly title: string };

/** The decision a change of the agenda carries out, with a reference a reader understands without the rest of the record. */
export type AmendmentAuthority =
  | {
      readonly kind: 'point_of_order';
      readonly pointId: string;
      /** The point's text, as raised. */
      readonly reference: string;
      readonly category: string;
      readonly mover: PersonRef;
    }
  | {
      readonly kind: 'vote';
      readonly voteId: string;
      /** The vote's title. */
      readonly reference: string;
    };

export type ProcedureEvent =
  // ---- sitting ----
  | { readonly kind: 'sitting.opened'; readonly rulebook: Rulebook; readonly statutoryMembers: number }
  | { readonly kind: 'sitting.suspended'; readonly reason: string | null; /** coffee break: when the sitting is to resume */ readonly resumesAt: string | null }
  | { readonly kind: 'sitting.resumed' }
  /**
   * The quorum was doubted (a point of order of category quorum_check accepted) and the members present
   * counted. voteId: the open vote, which is then counted by its ballots; null: the next vote is.
   */
  | {
      readonly kind: 'quorum.counted';
      readonly pointId: string;
      readonly present: number;
      readonly required: number;
      readonly quorate: boolean;
      readonly voteId: string | null;
    }
  | { readonly kind: 'sitting.closed' }
  // ---- attendance ----
  | { readonly kind: 'attendance.joined'; readonly person: PersonRef }
  | { readonly kind: 'attendance.left'; readonly personId: string }
  // ---- admission (lobby) ----
  | { readonly kind: 'lobby.asked'; readonly entrant: Entrant }
  | {
      readonly kind: 'lobby.admitted';
      readonly entrant: Entrant;
      readonly role: AdmissionRole;
      readonly substituteFor: PersonRef | null;
      /** Admitted for this agenda item only: the admission ends when the chair calls another. */
      readonly agendaItemId: string | null;
    }
  | { readonly kind: 'lobby.declined'; readonly entrantId: string; readonly reason: string | null }
  /** The admission for one agenda item ended with it (the chair called another). */
  | { readonly kind: 'lobby.admission_ended'; readonly entrantId: string; readonly agendaItemId: string }
  /** Removed by the chair's team: their media closes and they enter again only when admitted again. */
  | { readonly kind: 'participant.removed'; readonly participantId: string; readonly name: string; readonly reason: string | null }
  // ---- agenda ----
  | { readonly kind: 'agenda.item_called'; readonly agendaItemId: string; readonly position: number; readonly title: string }
  | { readonly kind: 'agenda.order_policy_set'; readonly agendaItemId: string; readonly policy: OrderPolicy }
  /** The agenda of the open sitting changed by a decision of the house; `order` is the agenda's order of ids after it. */
  | { readonly kind: 'agenda.amended'; readonly change: AmendedChange; readonly order: readonly string[]; readonly authority: AmendmentAuthority }
  | {
      readonly kind: 'agenda.speaking_time_allotted';
      readonly agendaItemId: string;
      readonly debateSeconds: number;
      /** seconds per faction id; key "" is the independents' pool. */
      readonly perFaction: Readonly<Record<string, number>>;
    }
  // ---- speaker list ----
  | {
      readonly kind: 'speaker.requested';
      readonly requestId: string;
      readonly agendaItemId: string;
      readonly person: PersonRef;
      readonly requestKind: RequestKind;
      readonly stance: Stance | null;
      /** interjection: the speech (request id) it is asked of; short_intervention: the finished speech it replies to. */
      readonly addressesRequestId: string | null;
      /** Set when the chair added the person; null when they asked themselves. */
      readonly addedBy: string | null;
    }
  | { readonly kind: 'speaker.withdrawn'; readonly requestId: string }
  | { readonly kind: 'speaker.removed'; readonly requestId: string }
  | { readonly kind: 'speaker.reordered'; readonly agendaItemId: string; readonly order: readonly string[] }
  | { readonly kind: 'speaker_list.closed'; readonly agendaItemId: string }
  | { readonly kind: 'speaker_list.reopened'; readonly agendaItemId: string }
  // ---- the floor ----
  | {
      readonly kind: 'floor.granted';
      readonly floorId: string;
      readonly agendaItemId: string | null;
      readonly person: PersonRef;
      readonly floorKind: FloorKind;
      /** The request or point of order served; null for a grant by the chair without one. */
      readonly requestId: string | null;
      readonly limitSeconds: number | null;
    }
  | { readonly kind: 'floor.extended'; readonly floorId: string; readonly seconds: number }
  /** `by`: grace_expired when the system ended it past the time and grace; passed when the speaker passed the talking stick; absent: the chair (or a grant over it). */
  | { readonly kind: 'floor.ended'; readonly floorId: string; readonly by?: 'grace_expired' | 'passed' }
  /** An interjection question holds the floor beside the speech; its time does not count against the speaker. */
  | { readonly kind: 'interjection.accepted'; readonly requestId: string; readonly floorId: string }
  | { readonly kind: 'interjection.declined'; readonly requestId: string }
  | { readonly kind: 'interjection.ended'; readonly requestId: string }
  /** "Mute all": only the chair's team and podium guests stay audible, until lifted or the floor is next granted. */
  /** clocksStop: the speaking clock stands while muted (rulebook.floor.clocksDuringMuteAll); absent in older records: it ran on. */
  | { readonly kind: 'chamber.muted_all'; readonly clocksStop?: boolean }
  | { readonly kind: 'chamber.mute_all_lifted' }
  // ---- points of order ----
  | {
      readonly kind: 'point_of_order.raised';
      readonly pointId: string;
      readonly agendaItemId: string | null;
      readonly person: PersonRef;
      readonly category: string;
      readonly text: string;
    }
  | { readonly kind: 'point_of_order.withdrawn'; readonly pointId: string }
  | {
      readonly kind: 'point_of_order.decided';
      readonly pointId: string;
      readonly decision: PointOfOrderDecision;
      readonly note: string | null;
      /** With put_to_vote: the procedural vote opened for it. */
      readonly voteId: string | null;
    }
  // ---- votes ----
  | {
      readonly kind: 'vote.opened';
      readonly definition: VoteDefinition;
      /** Frozen at opening: present members with voting rights (late joiners per rulebook). */
      readonly eligible: readonly PersonRef[];
      readonly closesAt: string | null;
      readonly quorate: boolean;
    }
  | {
      /** A demand that a prepared vote (its draft id, which becomes the vote id) be taken by name. */
      readonly kind: 'vote.named_demanded';
      readonly draftId: string;
      /** A faction (through one of its members), or members joining the members' demand. */
      readonly demandedBy:
        | { readonly kind: 'faction'; readonly factionId: string; readonly personId: string }
        | { readonly kind: 'members'; readonly personIds: readonly string[] };
      /** The demand stands from this entry on: a faction's at once, members' once enough of those present demand. */
      readonly valid: boolean;
    }
  | {
      readonly kind: 'ballot.cast';
      readonly voteId: string;
      readonly optionId: string;
      /** named: the voter; pseudonymous: null (the record never links member and pseudonym). */
      readonly voter: PersonRef | null;
      /** pseudonymous: the stable per-vote pseudonym; named: null. */
      readonly pseudonym: string | null;
      /** secret: hex SHA-256 of the spent token (the voter's receipt; voter and pseudonym null); absent or null otherwise. */
      readonly tokenHash?: string | null;
    }
  | {
      readonly kind: 'vote.closed';
      readonly voteId: string;
      /** counts_entered: a vote by show of hands, closed when the chair entered the counts. */
      readonly closedBy: 'chair' | 'all_voted' | 'expired' | 'counts_entered';
      readonly result: VoteResult;
      /** With counts_entered: who of the chair's team entered the counts, as they were then. */
      readonly enteredBy?: PersonRef;
    }
  | { readonly kind: 'vote.cancelled'; readonly voteId: string; readonly reason: string }
  // ---- order measures ----
  /** A call to the point (Sachruf) or to order (Ordnungsruf); `calls`: the person's calls that count toward withdrawal, this one included. */
  | {
      readonly kind: 'order.called_to_point' | 'order.called_to_order';
      readonly measureId: string;
      readonly person: PersonRef;
      /** The floor the person held when called; null when called from their seat. */
      readonly floorId: string | null;
      readonly reason: string | null;
      readonly calls: number;
    }
  /** The chair withdrew the floor (followed by floor.ended); `calls` as counted when it was withdrawn. */
  | { readonly kind: 'order.floor_withdrawn'; readonly floorId: string; readonly person: PersonRef; readonly reason: string | null; readonly calls: number }
  /** One person's microphone held by the chair, until unmuted. */
  | { readonly kind: 'order.muted'; readonly person: PersonRef }
  | { readonly kind: 'order.unmuted'; readonly person: PersonRef }
  /** Excluded for `sittingDays` sitting days, this one the first (followed by attendance.left). */
  | { readonly kind: 'order.excluded'; readonly exclusionId: string; readonly person: PersonRef; readonly sittingDays: number; readonly reason: string | null }
  /** An exclusion of an earlier sitting that this sitting serves (`remaining` days, this one included), noted at opening. */
  | {
      readonly kind: 'order.exclusion_carried';
      readonly exclusionId: string;
      readonly person: PersonRef;
      readonly fromSittingId: string;
      readonly sittingDays: number;
      readonly remaining: number;
      readonly objection: { readonly text: string | null } | null;
    }
  | { readonly kind: 'order.objection_recorded'; readonly exclusionId: string; readonly person: PersonRef; readonly text: string | null }
  /** upheld: the exclusion ends now (and is not carried further). */
  | {
      readonly kind: 'order.objection_decided';
      readonly exclusionId: string;
      readonly person: PersonRef;
      readonly upheld: boolean;
      readonly note: string | null;
    }
  // ---- the protocol: presidency, minutes notes, corrections, approval (see minutes.ts) ----
  /** A President or Vice-President takes the chair (before the first: whoever opened the sitting presides). */
  | { readonly kind: 'presidency.taken'; readonly person: PersonRef }
  /** A clerk's note for the protocol (applause, an interjection, a call) at the moment it happened, which may lie a little before the entry. */
  | {
      readonly kind: 'minutes.noted';
      readonly noteId: string;
      readonly noteKind: MinutesNoteKind;
      readonly text: string;
      /** ISO instant the note is about. */
      readonly moment: string;
      readonly agendaItemId: string | null;
      /** The speech holding the floor at the time of the entry, if any. */
      readonly floorId: string | null;
    }
  /** A correction of the protocol: the entry (seq and hash) whose text it replaces, and the corrected text. */
  | {
      readonly kind: 'protocol.corrected';
      readonly correctionId: string;
      readonly target: { readonly seq: number; readonly hash: string; readonly kind: CorrectableKind };
      readonly text: string;
    }
  /** The chair approves the protocol as the record stands at `seq` (whose hash is `head`); a later correction lapses it. */
  | { readonly kind: 'protocol.approved'; readonly seq: number; readonly head: string; readonly by: PersonRef }
  // ---- roster ----
  | {
      /** Parliament IT changed a person's roles, voting right or username while the sitting was open or suspended; the actor is who did. */
      readonly kind: 'roster.changed';
      readonly person: PersonRef;
      /** null: the person was added. */
      readonly before: RosterFacts | null;
      /** null: the person was removed. */
      readonly after: RosterFacts | null;
    };

/** What a protocol correction may replace: a minutes note's text, a point of order's text, the note of the chair's decision on one. */
export type CorrectableKind = 'minutes_note' | 'point_of_order' | 'decision_note';

export type ProcedureEventKind = ProcedureEvent['kind'];

/** One entry of a sitting's record as the domain sees it (the hashes are the record's business). */
export interface RecordedEvent {
  readonly seq: number;
  /** ISO instant, set by the service's clock when the entry was appended. */
  readonly at: string;
  /** The person who acted; null for the system (timers) and for pseudonymous ballots. */
  readonly actorId: string | null;
  readonly event: ProcedureEvent;
}
