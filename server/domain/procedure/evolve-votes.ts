/** Points of order decided and votes in the state: opened with a frozen electorate, one ballot per voter, closed or cancelled once. */
import type { ProcedureEvent } from './events';
import type { ProcedureState, VoteState } from './state';
import { BallotIndex } from './ballot-index';
import { own } from './lookup';

type Of<K extends ProcedureEvent['kind']> = Extract<ProcedureEvent, { kind: K }>;

export function decidePoint(state: ProcedureState, e: Of<'point_of_order.decided'>, at: string): ProcedureState {
  const point = own(state.points, e.pointId);
  if (!point || point.status !== 'pending') return state;
  return {
    ...state,
    points: { ...state.points, [e.pointId]: { ...point, status: 'decided', decision: e.decision, decidedAt: at, note: e.note, voteId: e.voteId } },
  };
}

/** Demands add up per draft (each faction and member once); a demand once valid stays valid. */
export function demandNamed(state: ProcedureState, e: Of<'vote.named_demanded'>): ProcedureState {
  const prior = own(state.namedDemands, e.draftId) ?? { factionIds: [], personIds: [], valid: false };
  const by = e.demandedBy;
  const add = (list: readonly string[], ids: readonly string[]) => [...list, ...ids.filter((id, i) => !list.includes(id) && ids.indexOf(id) === i)];
  const next = {
    factionIds: by.kind === 'faction' ? add(prior.factionIds, [by.factionId]) : prior.factionIds,
    personIds: by.kind === 'members' ? add(prior.personIds, by.personIds) : prior.personIds,
    valid: prior.valid || e.valid,
  };
  return { ...state, namedDemands: { ...state.namedDemands, [e.draftId]: next } };
}

export function openVote(state: ProcedureState, e: Of<'vote.opened'>, at: string): ProcedureState {
  const voteId = e.definition.voteId;
  if (own(state.votes, voteId)) return state;
  const vote: VoteState = {
    voteId,
    definition: e.definition,
    eligible: e.eligible,
    eligibleIds: Object.fromEntries(e.eligible.map((p) => [p.personId, true as const])),
    lateJoiners: {},
    openedAt: at,
    closesAt: e.closesAt,
    quorate: e.quorate,
    quorumChallenged: state.quorumInDoubt,
    status: 'open',
    ballots: [],
    ballotIndex: new BallotIndex(),
    closedAt: null,
    closedBy: null,
    result: null,
    cancelReason: null,
  };
  return { ...state, votes: { ...state.votes, [voteId]: vote }, openVoteId: voteId, quorumInDoubt: false };
}

/** A counted doubt of the quorum applies to the open vote it names, or else to the next vote opened. */
export function countQuorum(state: ProcedureState, e: Of<'quorum.counted'>, at: string): ProcedureState {
  const counted = { ...state, quorumCount: { at, present: e.present, required: e.required, quorate: e.quorate } };
  const vote = e.voteId === null ? undefined : own(state.votes, e.voteId);
  if (vote?.status === 'open') return { ...counted, votes: { ...state.votes, [vote.voteId]: { ...vote, quorumChallenged: true } } };
  return { ...counted, quorumInDoubt: true };
}

/** The ballot key: the voter (named), the pseudonym, or the token hash (secret); the first ballot under a key stands. */
export function ballotKey(e: Pick<Of<'ballot.cast'>, 'voter' | 'pseudonym' | 'tokenHash'>): string | null {
  return e.voter?.personId ?? e.pseudonym ?? e.tokenHash ?? null;
}

export function castBallot(state: ProcedureState, e: Of<'ballot.cast'>, seq: number, at: string): ProcedureState {
  const vote = own(state.votes, e.voteId);
  if (!vote || vote.status !== 'open') return state;
  const key = ballotKey(e) ?? `#${seq}`;
  if (vote.ballotIndex.positionIn(vote.ballots, key) !== undefined) return state;
  vote.ballotIndex.appended(key, vote.ballots.length);
  const next: VoteState = {
    ...vote,
    ballots: [
      ...vote.ballots,
      { key, optionId: e.optionId, voter: e.voter, pseudonym: e.pseudonym, ...(e.tokenHash ? { tokenHash: e.tokenHash } : {}), castAt: at },
    ],
  };
  return { ...state, votes: { ...state.votes, [vote.voteId]: next } };
}

export function closeVote(state: ProcedureState, e: Of<'vote.closed'>, at: string): ProcedureState {
  const vote = own(state.votes, e.voteId);
  if (!vote || vote.status !== 'open') return state;
  const next: VoteState = { ...vote, status: 'closed', closedAt: at, closedBy: e.closedBy, result: e.result };
  return { ...state, votes: { ...state.votes, [vote.voteId]: next }, openVoteId: state.openVoteId === vote.voteId ? null : state.openVoteId };
}

export function cancelVote(state: ProcedureState, e: Of<'vote.cancelled'>, at: string): ProcedureState {
  const vote = own(state.votes, e.voteId);
  if (!vote || vote.status !== 'open') return state;
  const next: VoteState = { ...vote, status: 'cancelled', closedAt: at, cancelReason: e.reason };
  return { ...state, votes: { ...state.votes, [vote.voteId]: next }, openVoteId: state.openVoteId === vote.voteId ? null : state.openVoteId };
}
