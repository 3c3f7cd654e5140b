/**
 * What people ask of a sitting. `decide(state, command, context)` answers with events or throws a
 * RuleViolation / Forbidden naming the rule. Names are `area.verb`, the same words as the GraphQL
 * mutations and permission strings.
 */
import type { Rulebook } from '../rulebook';
import type { Role } from '@contract/roles';
import type { AgendaItemKind } from '../parliament';
import type { AdmissionRole, Entrant, PersonRef, RosterFacts } from './events';
import type { MinutesNoteKind } from '@contract/minutes-words';
import type { MajorityKind, OrderPolicy, PointOfOrderDecision, RequestKind, Stance, VoteKind, OptionMeaning } from './vocabulary';

export type ProcedureCommand =
  // sitting (chair's team)
  | { readonly kind: 'sitting.open' }
  | { readonly kind: 'sitting.suspend'; readonly reason: string | null; readonly breakMinutes: number | null }
  | { readonly kind: 'sitting.resume' }
  | { readonly kind: 'sitting.close' }
  // attendance (the person themselves; the chair's team may record anyone)
  | { readonly kind: 'attendance.join'; readonly personId: string }
  | { readonly kind: 'attendance.leave'; readonly personId: string }
  // admission: someone not on the roster (or removed) asks to enter; the chair's team admits, declines, removes
  /** `entrant` is who the service authenticated, never what a client says. */
  | { readonly kind: 'lobby.ask'; readonly entrant: Entrant }
  | {
      readonly kind: 'lobby.admit';
      readonly entrantId: string;
      readonly role: AdmissionRole;
      /** A substitute: the member they stand in for. */
      readonly substituteForId: string | null;
      /** A podium guest for the agenda item now under discussion only. */
      readonly currentItemOnly: boolean;
    }
  | { readonly kind: 'lobby.decline'; readonly entrantId: string; readonly reason: string | null }
  | { readonly kind: 'participant.remove'; readonly participantId: string; readonly reason: string | null }
  // agenda (chair's team)
  | { readonly kind: 'agenda.call'; readonly agendaItemId: string }
  | { readonly kind: 'agenda.set_order_policy'; readonly agendaItemId: string; readonly policy: OrderPolicy }
  | { readonly kind: 'agenda.allot_speaking_time'; readonly agendaItemId: string; readonly debateSeconds: number }
  /** Carries out a change of the agenda the house decided (see agenda-amendments.ts). */
  | { readonly kind: 'agenda.amend'; readonly change: AgendaChange; readonly authority: AgendaAuthority }
  // speaker list: members request/withdraw for themselves; the chair's team adds anyone, removes, reorders, closes
  | {
      readonly kind: 'speaker.request';
      readonly personId: string;
      readonly requestKind: RequestKind;
      readonly stance: Stance | null;
      readonly addressesRequestId: string | null;
    }
  | { readonly kind: 'speaker.withdraw'; readonly requestId: string }
  | { readonly kind: 'speaker.remove'; readonly requestId: string }
  | { readonly kind: 'speaker.reorder'; readonly order: readonly string[] }
  | { readonly kind: 'speaker_list.close' }
  | { readonly kind: 'speaker_list.reopen' }
  // the floor (chair's team); interjections are accepted/declined by the current speaker or the chair
  | { readonly kind: 'floor.next' }
  | { readonly kind: 'floor.grant'; readonly requestId: string | null; readonly personId: string | null; readonly limitSeconds: number | null }
  | { readonly kind: 'floor.extend'; readonly seconds: number }
  | { readonly kind: 'floor.end' }
  /** Talking stick: the speaker gives the floor to the next on the list (rulebook.floor.talkingStick). */
  | { readonly kind: 'floor.pass' }
  /** The system's timer: the floor ran past its time and the grace period (rulebook.floor.graceSeconds). */
  | { readonly kind: 'floor.expire'; readonly floorId: string }
  | { readonly kind: 'interjection.accept'; readonly requestId: string }
  | { readonly kind: 'interjection.decline'; readonly requestId: string }
  | { readonly kind: 'interjection.end' }
  // the chamber's microphones (chair's team)
  | { readonly kind: 'chamber.mute_all' }
  | { readonly kind: 'chamber.lift_mute_all' }
  // points of order
  | { readonly kind: 'point_of_order.raise'; readonly category: string; readonly text: string }
  | { readonly kind: 'point_of_order.withdraw'; readonly pointId: string }
  | {
      readonly kind: 'point_of_order.decide';
      readonly pointId: string;
      readonly decision: PointOfOrderDecision;
      readonly note: string | null;
      /** With put_to_vote: a prepared vote to open at once, or a simple yes/no vote with this title. */
      readonly voteDraftId: string | null;
    }
  // votes
  /** A secret draft comes with its public key (made by the service before deciding); any other without. */
  | { readonly kind: 'vote.open'; readonly draft: VoteDraft; readonly publicKey?: string | null }
  /** A member demands that a prepared vote be taken by name (for their faction, or joining members' demand); `category` is the draft's. */
  | { readonly kind: 'vote.demand_named'; readonly draftId: string; readonly category: string | null }
  | { readonly kind: 'vote.cast'; readonly voteId: string; readonly optionId: string; readonly pseudonym: string | null }
  /** A secret ballot whose token signature the service has checked; from the system actor only (the ballot names nobody). */
  | { readonly kind: 'vote.cast_secret'; readonly voteId: string; readonly tokenHash: string; readonly optionId: string }
  | { readonly kind: 'vote.close'; readonly voteId: string; readonly by: 'chair' | 'expired' }
  /** The chair's team enters the counts of a vote by show of hands, which closes it. */
  | { readonly kind: 'vote.enter_counts'; readonly voteId: string; readonly counts: readonly { readonly optionId: string; readonly count: number }[] }
  | { readonly kind: 'vote.cancel'; readonly voteId: string; readonly reason: string }
  /** The chair opens the round the rules allow after a closed round of an election that elected no one. */
  | { readonly kind: 'vote.open_next_round'; readonly voteId: string }
  // order measures (chair's team): calls, withdrawal of the floor, individual mute, exclusion and objection
  | { readonly kind: 'order.call_to_point'; readonly personId: string; readonly reason: string | null }
  | { readonly kind: 'order.call_to_order'; readonly personId: string; readonly reason: string | null }
  | { readonly kind: 'order.withdraw_floor'; readonly reason: string | null }
  | { readonly kind: 'order.mute'; readonly personId: string }
  | { readonly kind: 'order.unmute'; readonly personId: string }
  | { readonly kind: 'order.exclude'; readonly personId: string; readonly sittingDays: number; readonly reason: string | null }
  /** The excluded member's objection (Einspruch), lodged with the chair, who records it. */
  | { readonly kind: 'order.record_objection'; readonly exclusionId: string; readonly text: string | null }
  /** The decision on it (by the house, or the body the rules name): upheld lifts the exclusion. */
  | { readonly kind: 'order.decide_objection'; readonly exclusionId: string; readonly upheld: boolean; readonly note: string | null }
  // the protocol: the presidency (a chair), minutes notes and corrections (clerks and the chair's team), approval (a chair)
  | { readonly kind: 'presidency.take' }
  /** moment: when it happened (ISO); null: now. */
  | { readonly kind: 'minutes.note'; readonly noteKind: MinutesNoteKind; readonly text: string; readonly moment: string | null }
  /** hash: the target entry's, as the service found it stored (the service checks it against the record before deciding). */
  | { readonly kind: 'protocol.correct'; readonly seq: number; readonly hash: string; readonly text: string }
  /** The protocol as read at `seq` (hash `head`): refused once the record has moved on. */
  | { readonly kind: 'protocol.approve'; readonly seq: number; readonly head: string }
  // roster (parliament IT): a change to who someone is, noted in the record of every open sitting
  | {
      readonly kind: 'roster.note_change';
      readonly person: { readonly personId: string; readonly name: string; readonly factionId: string | null };
      readonly before: RosterFacts | null;
      readonly after: RosterFacts | null;
    };

export type ProcedureCommandKind = ProcedureCommand['kind'];

/** A change to the agenda of an open sitting; positions are 1-based places in the agenda as it stands. */
export type AgendaChange =
  | { readonly kind: 'move'; readonly agendaItemId: string; readonly position: number }
  | {
      readonly kind: 'insert';
      readonly position: number;
      readonly title: string;
      readonly itemKind: AgendaItemKind;
      readonly description: string | null;
    }
  | { readonly kind: 'remove'; readonly agendaItemId: string }
  | { readonly kind: 'retitle'; readonly agendaItemId: string; readonly title: string };

/** The decision of this sitting that allows a change of its agenda. */
export type AgendaAuthority = { readonly kind: 'point_of_order'; readonly pointId: string } | { readonly kind: 'vote'; readonly voteId: string };

/** A vote as prepared before the sitting (stored as a draft, attached to an agenda item). */
export interface VoteDraft {
  readonly id: string;
  readonly agendaItemId: string | null;
  readonly title: string;
  readonly kind: VoteKind;
  /** Empty: yes / no / abstain (abstain left out when the rulebook or `abstention` says so). */
  readonly options: readonly { readonly id: string; readonly label: string; readonly meaning: OptionMeaning }[];
  readonly abstention: boolean;
  readonly majority: MajorityKind | null;
  readonly live: boolean;
  readonly durationSeconds: number | null;
  readonly autoCloseWhenAllVoted: boolean;
  /** Category for rulebook exclusions (e.g. "adjournment", "referral"); null for substantive votes. */
  readonly category: string | null;
  /**
   * An election: the options are the candidates (meaning yes each); "no" and abstention are added as
   * the rules allow. Absent or null: not an election.
   */
  readonly election?: { readonly seats: number } | null;
}

/** Who acts: the signed-in person and the roles their token grants. */
export interface Actor {
  readonly personId: string | null;
  readonly roles: readonly Role[];
}

/** Static facts the rules read; loaded by the service, never stored in the state. */
export interface SittingContext {
  readonly sittingId: string;
  /** The rulebook that applies if the sitting is not yet open (parliament's, with the sitting's overrides). */
  readonly rulebook: Rulebook;
  readonly statutoryMembers: number;
  readonly factions: readonly { readonly id: string; readonly shortName: string; readonly seats: number }[];
  readonly people: ReadonlyMap<
    string,
    {
      readonly id: string;
      readonly name: string;
      readonly factionId: string | null;
      readonly votingRights: boolean;
      readonly roles: readonly Actor['roles'][number][];
    }
  >;
  readonly agenda: readonly {
    readonly id: string;
    readonly position: number;
    readonly title: string;
    /** Debate time planned in the back office: allotted when the item is called (else the rulebook's). */
    readonly debateMinutes?: number | null;
  }[];
  /** Cancelled in the back office: it never opens. */
  readonly cancelled?: boolean;
  /**
   * Exclusions imposed in earlier sittings that this one still serves (loaded from the exclusions table);
   * carried into the record when the sitting opens. Absent: none.
   */
  readonly exclusions?: readonly CarriedExclusion[];
  /** ISO instant the sitting is scheduled to start (the deadline `evening_before` of a named-vote demand reads it). */
  readonly startsAt?: string;
}

/** An exclusion from an earlier sitting with sitting days still to serve. */
export interface CarriedExclusion {
  readonly exclusionId: string;
  readonly person: PersonRef;
  readonly fromSittingId: string;
  readonly sittingDays: number;
  /** Sittings opened since the one it was imposed in, before this one: the sitting days served after that one. */
  readonly servedSince: number;
  /** The objection lodged and not yet decided (an upheld one lifts the exclusion, so it is not carried). */
  readonly objection: { readonly text: string | null } | null;
}

/** What a decision may use besides the state: the time, the actor, fresh ids. */
export interface DecideContext {
  readonly now: Date;
  readonly actor: Actor;
  readonly sitting: SittingContext;
  /** Returns a new unique id (uuid) for requests, floors, points and votes. */
  readonly newId: () => string;
  /** A uniformly random whole number 0 ≤ n < bound (crypto.randomInt in the service): the lot of an election; recorded with the result. */
  readonly randomInt: (bound: number) => number;
}
