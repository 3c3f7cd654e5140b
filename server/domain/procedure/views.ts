/**
 * Read models for the API and the consoles, derived from the state alone (and the roster where the
 * view needs to know who is a member). Clocks take `now`; seconds are exact (milliseconds / 1000);
 * where whole seconds are printed (the protocol), clocks.ts `wholeSeconds` rounds them, once.
 */
import type { VoteOutcome } from '@contract/vote-outcomes';
import { outcomeOf, withoutFalseFactions } from '../counting/outcome';
import { quorumStatus, type QuorumStatus } from '../rulebook/quorum';
import type { SittingContext } from './commands';
import type { OptionCount, PersonRef, VoteDefinition, VoteResult } from './events';
import type { ProcedureState, VoteState } from './state';
import type { FloorKind, PointOfOrderDecision, RequestKind, Stance } from './vocabulary';
import { tally } from '../counting/tally';
import { everyone, graceEndsAt, quotaLines, runningMs, standingSince, type QuotaLine } from './clocks';
import { msBetween, own } from './lookup';
import { orderedRequests } from './queue';
import { pendingPoints } from './points-of-order';
import { membersOnly, presentVotingMembers } from './permissions';
import { eligibleCount } from './votes';

export function sittingView(state: ProcedureState) {
  return {
    phase: state.phase,
    currentItemId: state.currentItemId,
    suspension: state.suspension,
    rulebook: state.rulebook,
    lastSeq: state.lastSeq,
  };
}

export interface QueuedRequest {
  readonly requestId: string;
  readonly agendaItemId: string;
  /** 1-based place in the order the floor will be given. */
  readonly position: number;
  readonly person: PersonRef;
  readonly requestKind: RequestKind;
  readonly stance: Stance | null;
  readonly addressesRequestId: string | null;
  readonly addedBy: string | null;
  readonly requestedAt: string;
  /** Placed by the chair's reorder (not by the policy). */
  readonly pinned: boolean;
}

/** The speaker list of an item (default: the current one) in the order of the floor; points of order come before it (pointsOfOrderQueue). */
export function speakerQueue(state: ProcedureState, sitting: SittingContext, agendaItemId?: string, now?: Date): readonly QueuedRequest[] {
  const item = agendaItemId ?? state.currentItemId;
  if (item === null) return [];
  return orderedRequests(state, sitting, item, now ?? state.lastAt ?? new Date(0)).map(({ request: r, pinned }, i) => ({
    requestId: r.requestId,
    agendaItemId: r.agendaItemId,
    position: i + 1,
    person: r.person,
    requestKind: r.requestKind,
    stance: r.stance,
    addressesRequestId: r.addressesRequestId,
    addedBy: r.addedBy,
    requestedAt: r.requestedAt,
    pinned,
  }));
}

/** Interjection questions asked of the speech holding the floor: waiting for an answer, or being put. */
export function interjectionsView(state: ProcedureState) {
  return Object.values(state.requests)
    .filter((r) => r.requestKind === 'interjection' && (r.status === 'pending' || r.status === 'accepted'))
    .sort((a, b) => a.seq - b.seq)
    .map((r) => ({ requestId: r.requestId, person: r.person, addressesRequestId: r.addressesRequestId, requestedAt: r.requestedAt, status: r.status }));
}

export interface PendingPoint {
  readonly pointId: string;
  readonly agendaItemId: string | null;
  readonly person: PersonRef;
  readonly category: string;
  readonly text: string;
  readonly raisedAt: string;
  readonly heard: boolean;
  readonly counterHeard: boolean;
}

export function pointsOfOrderQueue(state: ProcedureState): readonly PendingPoint[] {
  return pendingPoints(state).map((p) => ({
    pointId: p.pointId,
    agendaItemId: p.agendaItemId,
    person: p.person,
    category: p.category,
    text: p.text,
    raisedAt: p.raisedAt,
    heard: p.heard,
    counterHeard: p.counterHeard,
  }));
}

/** A point of order the chair decided: what its mover is told, and what the record says. */
export interface DecidedPoint {
  readonly pointId: string;
  readonly person: PersonRef;
  readonly category: string;
  readonly text: string;
  readonly decision: PointOfOrderDecision;
  readonly note: string | null;
  readonly decidedAt: string;
  readonly voteId: string | null;
}

/** Decided points of order, newest first. */
export function decidedPoints(state: ProcedureState): readonly DecidedPoint[] {
  const out: DecidedPoint[] = [];
  for (const p of Object.values(state.points)) {
    if (p.status !== 'decided' || p.decision === null || p.decidedAt === null) continue;
    out.push({
      pointId: p.pointId,
      person: p.person,
      category: p.category,
      text: p.text,
      decision: p.decision,
      note: p.note,
      decidedAt: p.decidedAt,
      voteId: p.voteId,
    });
  }
  return out.sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
}

export interface FloorView {
  readonly floorId: string;
  readonly agendaItemId: string | null;
  readonly person: PersonRef;
  readonly kind: FloorKind;
  readonly requestId: string | null;
  /** A short intervention's answer by the addressed speaker. */
  readonly answer: boolean;
  readonly startedAt: string;
  /** Limit including extensions; null: none. */
  readonly limitSeconds: number | null;
  readonly extensionSeconds: number;
  /** The speaker's own time: interjections stop the clock. */
  readonly elapsedSeconds: number;
  readonly overrunSeconds: number;
  readonly interjection: {
    readonly requestId: string;
    readonly person: PersonRef;
    readonly startedAt: string;
    readonly elapsedSeconds: number;
    readonly limitSeconds: number | null;
    readonly overrunSeconds: number;
  } | null;
  /** The speech clock stands now: an interjection holds the floor, or "mute all" stops the clocks. */
  readonly clockStopped: boolean;
  /** The speaker is warned this many seconds before the end (rulebook.floor.warningSeconds); null: no warning. */
  readonly warningSeconds: number | null;
  /** When the floor ends by itself (the limit and the grace period), if the clock runs on; null: not by itself. */
  readonly graceEndsAt: string | null;
  /** The speaker may pass the floor to the next on the list (rulebook.floor.talkingStick). */
  readonly talkingStick: boolean;
}

const overrun = (elapsed: number, limit: number | null) => (limit === null ? 0 : Math.max(0, elapsed - limit));

export function floorView(state: ProcedureState, now: Date): FloorView | null {
  const f = state.floor;
  if (!f) return null;
  const limit = f.limitSeconds === null ? null : f.limitSeconds + f.extensionSeconds;
  const elapsed = runningMs(f, now) / 1000;
  const served = f.requestId === null ? undefined : own(state.requests, f.requestId);
  const i = f.interjection;
  const iLimit = state.rulebook?.speech.limits.interjection ?? null;
  const iElapsed = i ? msBetween(i.startedAt, now) / 1000 : 0;
  return {
    floorId: f.floorId,
    agendaItemId: f.agendaItemId,
    person: f.person,
    kind: f.floorKind,
    requestId: f.requestId,
    answer: f.floorKind === 'short_intervention' && served !== undefined && served.person.personId !== f.person.personId,
    startedAt: f.startedAt,
    limitSeconds: limit,
    extensionSeconds: f.extensionSeconds,
    elapsedSeconds: elapsed,
    overrunSeconds: overrun(elapsed, limit),
    interjection: i
      ? {
          requestId: i.requestId,
          person: i.person,
          startedAt: i.startedAt,
          elapsedSeconds: iElapsed,
          limitSeconds: iLimit,
          overrunSeconds: overrun(iElapsed, iLimit),
        }
      : null,
    clockStopped: standingSince(f) !== null,
    warningSeconds: state.rulebook?.floor.warningSeconds ?? null,
    graceEndsAt: graceEndsAt(f, state.rulebook?.floor.graceSeconds ?? null, now),
    talkingStick: state.rulebook?.floor.talkingStick ?? false,
  };
}

export interface PersonTotal {
  readonly person: PersonRef;
  readonly seconds: number;
  /** Floors held and interjection questions put. */
  readonly turns: number;
  /** When they last finished speaking (null: speaking now or never finished). */
  readonly lastSpokeAt: string | null;
}

/**
 * Speaking time per person and per faction from the record: each floor's own time (interjections
 * stop the speaker's clock and count for whoever asked), the running floor up to `now`.
 */
export interface SpeakingTimeTotals {
  readonly perPerson: readonly PersonTotal[];
  readonly perFaction: readonly { readonly factionId: string | null; readonly seconds: number }[];
}

export function speakingTimeTotals(state: ProcedureState, now: Date, agendaItemId?: string): SpeakingTimeTotals {
  const people = new Map<string, { person: PersonRef; ms: number; turns: number; last: string | null }>();
  const add = (person: PersonRef, ms: number, endedAt: string | null) => {
    const t = people.get(person.personId) ?? { person, ms: 0, turns: 0, last: null };
    people.set(person.personId, { person: t.person, ms: t.ms + ms, turns: t.turns + 1, last: endedAt ?? t.last });
  };
  const mine = (item: string | null) => agendaItemId === undefined || item === agendaItemId;
  for (const f of state.floors) if (mine(f.agendaItemId)) add(f.person, f.ms, f.endedAt);
  for (const i of state.interjections) if (mine(i.agendaItemId)) add(i.person, i.ms, i.endedAt);
  const live = state.floor;
  if (live && mine(live.agendaItemId)) {
    add(live.person, runningMs(live, now), null);
    if (live.interjection) add(live.interjection.person, msBetween(live.interjection.startedAt, now), null);
  }
  const factions = new Map<string | null, number>();
  for (const t of people.values()) factions.set(t.person.factionId, (factions.get(t.person.factionId) ?? 0) + t.ms);
  const perPerson: PersonTotal[] = [...people.values()].map((t) => ({ person: t.person, seconds: t.ms / 1000, turns: t.turns, lastSpokeAt: t.last }));
  const perFaction = [...factions.entries()].map(([factionId, ms]) => ({ factionId, seconds: ms / 1000 }));
  return { perPerson, perFaction };
}

/** The chair's sort of speakers: who spoke last, least or most. */
export function rankSpeakers(totals: readonly PersonTotal[], by: 'last' | 'least' | 'most'): PersonTotal[] {
  const name = (a: PersonTotal, b: PersonTotal) => a.person.name.localeCompare(b.person.name);
  const sorted = [...totals];
  if (by === 'least') return sorted.sort((a, b) => a.seconds - b.seconds || name(a, b));
  if (by === 'most') return sorted.sort((a, b) => b.seconds - a.seconds || name(a, b));
  // Speaking now first, then by the end of their last turn, latest first.
  const key = (t: PersonTotal) => (t.lastSpokeAt === null ? Number.POSITIVE_INFINITY : Date.parse(t.lastSpokeAt));
  return sorted.sort((a, b) => key(b) - key(a) || name(a, b));
}

/**
 * Faction time on an item: allotted, used (speeches and chair grants, up to now), remaining; null
 * without an allotment. Pass the roster so podium guests are not charged to the independents' pool.
 */
export function quotaView(state: ProcedureState, agendaItemId: string, now: Date, sitting?: SittingContext): readonly QuotaLine[] | null {
  return quotaLines(state, agendaItemId, now, sitting ? membersOnly(sitting) : everyone);
}

export interface AttendanceView {
  /** Everyone who has joined (members, guests, interpreters, clerks), by name. */
  readonly present: readonly PersonRef[];
  /** Each faction, then independents (factionId null): members present, of them with voting rights. */
  readonly perFaction: readonly {
    readonly factionId: string | null;
    readonly shortName: string | null;
    readonly seats: number | null;
    readonly present: number;
    readonly votingPresent: number;
  }[];
  readonly quorum: QuorumStatus;
}

export function attendanceView(state: ProcedureState, sitting: SittingContext): AttendanceView {
  const present = Object.values(state.present)
    .map((p) => p.person)
    .sort((a, b) => a.name.localeCompare(b.name));
  const voting = presentVotingMembers(state, sitting);
  const factionIds: (string | null)[] = [...sitting.factions.map((f) => f.id), null];
  const perFaction = factionIds.map((factionId) => {
    const faction = sitting.factions.find((f) => f.id === factionId);
    return {
      factionId,
      shortName: faction?.shortName ?? null,
      seats: faction?.seats ?? null,
      present: present.filter((p) => p.factionId === factionId && isMember(sitting, p)).length,
      votingPresent: voting.filter((p) => p.factionId === factionId).length,
    };
  });
  const rules = state.rulebook ?? sitting.rulebook;
  const statutory = state.statutoryMembers ?? sitting.statutoryMembers;
  const quorum: QuorumStatus = quorumStatus(rules, statutory, Math.min(voting.length, statutory));
  return { present, perFaction, quorum };
}

function isMember(sitting: SittingContext, p: PersonRef): boolean {
  const person = sitting.people.get(p.personId);
  return person !== undefined && person.roles.includes('member');
}

export interface VoteView {
  readonly voteId: string;
  readonly definition: VoteDefinition;
  readonly status: VoteState['status'];
  readonly openedAt: string;
  readonly closesAt: string | null;
  readonly closedAt: string | null;
  readonly closedBy: VoteState['closedBy'];
  /** Entitled to vote: frozen at opening (plus late joiners where allowed, if the roster is given). */
  readonly eligible: number;
  /** Ballots cast: always visible. */
  readonly cast: number;
  /** Presence quorum at opening. */
  readonly quorate: boolean;
  /** Running count per option: while open only for live votes; after closing always. */
  readonly counts: readonly OptionCount[] | null;
  readonly result: VoteResult | null;
  /** What the house decided, once the vote is closed or cancelled. */
  readonly outcome: VoteOutcome | null;
  /** The quorum was doubted and counted for this vote: it was counted by its ballots. */
  readonly quorumChallenged: boolean;
  readonly cancelReason: string | null;
  /** Published when the vote closes: names (named), pseudonyms (pseudonymous) or token hashes (secret); a show of hands has none (null). */
  readonly ballots:
    readonly { readonly voter: PersonRef | null; readonly pseudonym: string | null; readonly tokenHash?: string | null; readonly optionId: string }[] | null;
}

/**
 * The ballots as published at close. Pseudonymous ones in the order of their pseudonyms, never in
 * cast order: the order (and a position in it) must not let anyone match a pseudonym to the moment
 * a member was seen voting. Named ones stay in cast order: the name is public anyway.
 */
function publishedBallots(v: VoteState): NonNullable<VoteView['ballots']> {
  if (v.definition.kind === 'secret') {
    // Sorted by token hash, for the same reason as pseudonyms: no position tells when a ballot came in.
    const secret = v.ballots.map((b) => ({ voter: null, pseudonym: null, tokenHash: b.tokenHash ?? null, optionId: b.optionId }));
    return secret.sort((a, b) => ((a.tokenHash ?? '') < (b.tokenHash ?? '') ? -1 : (a.tokenHash ?? '') > (b.tokenHash ?? '') ? 1 : 0));
  }
  const published = v.ballots.map((b) => ({ voter: b.voter, pseudonym: b.pseudonym, optionId: b.optionId }));
  if (v.definition.kind !== 'pseudonymous') return published;
  return published.sort((a, b) => ((a.pseudonym ?? '') < (b.pseudonym ?? '') ? -1 : (a.pseudonym ?? '') > (b.pseudonym ?? '') ? 1 : 0));
}

/**
 * Views already derived, by the state and context objects they came from. Both are immutable (evolve
 * returns a new state; a context is replaced, never changed), so a view stays right for as long as its
 * keys live. A commit wakes every subscriber of a sitting: 700 of them then share one derivation (the
 * tally, the eligible count, a closed secret vote's 700 token hashes sorted) instead of one each.
 */
const derived = new WeakMap<ProcedureState, WeakMap<SittingContext | typeof noContext, readonly VoteView[]>>();
const noContext = {};

/** Every vote of the sitting, in the order opened. */
export function votesView(state: ProcedureState, sitting?: SittingContext): readonly VoteView[] {
  let bySitting = derived.get(state);
  if (!bySitting) derived.set(state, (bySitting = new WeakMap()));
  const hit = bySitting.get(sitting ?? noContext);
  if (hit) return hit;
  const views = Object.freeze(deriveVotes(state, sitting));
  bySitting.set(sitting ?? noContext, views);
  return views;
}

function deriveVotes(state: ProcedureState, sitting?: SittingContext): readonly VoteView[] {
  const rules = state.rulebook ?? sitting?.rulebook ?? null;
  return Object.values(state.votes)
    .sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt))
    .map((v) => {
      const closed = v.status === 'closed';
      const counts =
        closed || (v.status === 'open' && v.definition.live)
          ? (v.result?.counts ??
            tally(
              v.definition.options,
              v.ballots.map((b) => ({ optionId: b.optionId, factionId: null })),
            ).counts)
          : null;
      return {
        voteId: v.voteId,
        definition: v.definition,
        status: v.status,
        openedAt: v.openedAt,
        closesAt: v.closesAt,
        closedAt: v.closedAt,
        closedBy: v.closedBy,
        eligible: v.result?.eligible ?? (rules ? eligibleCount(v, sitting ?? null, rules) : v.eligible.length),
        // A show of hands has no ballots: once counted, the hands the chair entered.
        cast: v.result?.cast ?? v.ballots.length,
        quorate: v.quorate,
        counts,
        result: v.result && withoutFalseFactions(v.definition.kind, v.result),
        outcome: outcomeOf(v.status, v.result),
        quorumChallenged: v.quorumChallenged,
        cancelReason: v.cancelReason,
        ballots: closed && v.definition.kind !== 'show_of_hands' ? publishedBallots(v) : null,
      };
    });
}
