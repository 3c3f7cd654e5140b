/**
 * The rules of procedure as data. One rulebook per parliament, overridable per sitting; frozen into
 * the record when a sitting opens, so the protocol and every later decision use the rules in force.
 * Presets and validation live in server/domain/rulebook/ (presets.ts, schema.ts).
 */
import type { ElectionField, ElectionMajority, ElectionTieRule } from '@contract/elections';
import type { MajorityKind, OrderPolicy, RequestKind } from './procedure/vocabulary';

export const quorumJudgements = ['opening', 'closing', 'challenge'] as const;
export type QuorumJudgedAt = (typeof quorumJudgements)[number];

/** One round (ballot) of an election: what a candidate needs, who may stand, what a tie for the last seat does. */
export interface ElectionRoundRule {
  readonly majority: ElectionMajority;
  /** Who may stand, of the candidates of the round before (the first round: every candidate). */
  readonly candidates: ElectionField;
  readonly tie: ElectionTieRule;
}

export interface Rulebook {
  /** e.g. "bundestag-2025", "european-parliament", "municipal-council-nrw", or "custom". */
  readonly preset: string;
  readonly name: string;
  readonly speech: {
    /** Default time limit per request kind, seconds; null = no limit (the chair ends it). */
    readonly limits: Readonly<Record<Exclude<RequestKind, 'interjection'>, number | null>> & { readonly interjection: number | null };
    /** How often one member may speak (kind speech) on one item; null = unlimited. */
    readonly maxSpeechesPerItem: number | null;
    readonly interjectionsEnabled: boolean;
    readonly shortInterventionsEnabled: boolean;
    /** The addressed speaker may answer a short intervention, with this limit in seconds. */
    readonly shortInterventionAnswerSeconds: number | null;
  };
  readonly pointsOfOrder: {
    readonly limitSeconds: number;
    /** One speaker against is heard before the decision (council style). */
    readonly hearOneAgainst: boolean;
    /** The chair decides without a vote (EP style) unless put to a vote explicitly. */
    readonly categories: readonly { readonly id: string; readonly label: { readonly de: string; readonly en: string } }[];
  };
  readonly speakingTime: {
    /** Default debate length per item, seconds; null = no faction quotas unless the chair allots them. */
    readonly debateSeconds: number | null;
    /** "seats": all by seat share (Bundestag 2025 fallback); "equal_plus_seats": an equal part + a part by seats (EP). */
    readonly split: 'seats' | 'equal_plus_seats';
    /** With equal_plus_seats: share of the debate split equally, 0..1. */
    readonly equalShare: number;
    /** Lower bound per faction, seconds. */
    readonly minimumPerFaction: number;
    /** Independents' time: oriented at the smallest faction's share (Bundestag) — seconds per independent, null = like the smallest faction per capita. */
    readonly perIndependentSeconds: number | null;
  };
  readonly order: {
    readonly defaultPolicy: OrderPolicy;
  };
  /** Discipline of the floor: the warning before the end, the end after a grace period, the talking stick, the clock under "mute all". */
  readonly floor: {
    /** The speaker is warned this many seconds before the end of their time; null: no warning. */
    readonly warningSeconds: number | null;
    /** The floor ends by itself this long past the end of the time (once); null: only the chair ends it. */
    readonly graceSeconds: number | null;
    /** The speaker passes the floor to the next on the list without the chair. */
    readonly talkingStick: boolean;
    /** While the chair has muted all: the speaking clock stops (the interruption is not the speaker's) or runs on. */
    readonly clocksDuringMuteAll: 'stop' | 'run';
  };
  readonly quorum: {
    /** Fraction of the base that must be present, and whether "more than" or "at least". */
    readonly fraction: number;
    readonly strictlyMore: boolean;
    /** What the fraction is of: members present counted against the statutory membership. */
    readonly base: 'statutory_members';
    /** Before a vote: warn the chair, or refuse to open it. */
    readonly onVoteWithoutQuorum: 'warn' | 'refuse';
    /**
     * When a vote's quorum is judged: by the members present when it opens (or the ballots cast),
     * by those present when it closes (or the ballots cast), or presumed until challenged
     * ("doubting the quorum": the members present are counted, and the vote is counted by its ballots).
     */
    readonly judgedAt: QuorumJudgedAt;
    /** Once the house is found not quorate: the sitting is suspended, or it goes on (the vote decided nothing). */
    readonly whenNotQuorate: 'suspend_sitting' | 'continue';
  };
  readonly votes: {
    readonly defaultMajority: MajorityKind;
    /** Abstentions never count for a simple majority; they always count for quorum. */
    readonly abstentionAllowed: boolean;
    /** A tie fails (all three presets); kept as data for completeness. */
    readonly tie: 'fails';
    readonly namedVote: {
      /** Who may demand a named vote: a faction, or this share of members present. */
      readonly demandedByFaction: boolean;
      readonly demandedByShareOfPresent: number | null;
      /** Until when: until the vote opens, or by the start of the sitting (BT 2025). */
      readonly deadline: 'until_vote_opens' | 'sitting_start' | 'evening_before';
      /** Item kinds or motion categories on which a named vote is not allowed (§ 53 GO-BT). */
      readonly excludedCategories: readonly string[];
    };
    /** Late joiners may vote once a vote is open. */
    readonly lateJoinersMayVote: boolean;
  };
  /**
   * Elections (a vote whose options are candidates): the rounds in order. A round that elects no one
   * leads to the next; after the last, the election has failed (a new one is prepared).
   */
  readonly elections: {
    readonly rounds: readonly ElectionRoundRule[];
    /** Ballots offer "no" against all candidates (a ballot on a single candidate always offers no). */
    readonly noToAll: boolean;
  };
  /** Order measures (calls to the point and to order, withdrawal of the floor, exclusion): what the chair may do, and when. */
  readonly orderMeasures: OrderMeasureRules;
}

/** The chair's disciplinary powers as the rules of procedure give them. */
export interface OrderMeasureRules {
  /** The chair may call a speaker to the point (Sachruf); false where the rules know only calls to order. */
  readonly callToPoint: boolean;
  /**
   * The floor may be withdrawn only after this many calls (to the point or to order) of the speaker, counted
   * as `callsCountedPer` says; null: the chair may withdraw it at any time.
   */
  readonly withdrawAfterCalls: number | null;
  /** Whether the calls that lead to withdrawal count within one speech, or within the whole sitting. */
  readonly callsCountedPer: 'speech' | 'sitting';
  /** The most sitting days an exclusion may last (the sitting in which it is imposed counts as the first). */
  readonly maxExclusionSittingDays: number;
  /** The excluded member may object (Einspruch), and the house (or body the rules name) decides on it. */
  readonly objection: boolean;
}
