/**
 * When the house is quorate, as the rulebook says (`quorum.judgedAt`):
 *   opening    members present when the vote opened, or the ballots cast (those who voted were there);
 *   closing    members present when the vote closes, or the ballots cast;
 *   challenge  presumed (§ 45(1) BTGO, Rule 178 EP) until doubted before the vote.
 * A doubted quorum (the chair accepts a point of order of category quorum_check) is counted at once:
 * the members present. Found lacking, an open vote closes without a decision and, if the rules say
 * so, the sitting is suspended (§ 45(3) BTGO). Found present, the vote in question is counted by its
 * own ballots, abstentions and invalid ones included (§ 45(2) BTGO), and decides nothing below the quorum.
 */
import { notQuorateReason } from '@contract/vote-outcomes';
import type { Rulebook } from '../rulebook';
import { quorumStatus } from '../rulebook/quorum';
import type { DecideContext } from './commands';
import type { ProcedureEvent, VoteResult } from './events';
import type { PointOfOrder, ProcedureState, VoteState } from './state';
import { endCurrentFloor } from './clocks';
import { presentVotingMembers, rulesOf, statutoryOf } from './permissions';

export const quorumCheckCategory = 'quorum_check';

/** Whether a vote's result is quorate: `present` is the members present now (read when judged at closing). */
export function voteQuorate(vote: VoteState, rules: Rulebook, cast: number, present: number): boolean {
  const statutory = vote.definition.statutoryMembers;
  const byBallots = quorumStatus(rules, statutory, Math.min(cast, statutory)).quorate;
  if (vote.quorumChallenged) return byBallots;
  switch (rules.quorum.judgedAt) {
    case 'opening':
      return vote.quorate || byBallots;
    case 'closing':
      return byBallots || quorumStatus(rules, statutory, Math.min(present, statutory)).quorate;
    case 'challenge':
      return true;
  }
}

/** What follows a vote that closed without a quorum: the sitting is suspended if the rules say so. */
export function afterVoteClosed(state: ProcedureState, ctx: DecideContext, result: VoteResult): ProcedureEvent[] {
  if (result.quorate || rulesOf(state, ctx).quorum.whenNotQuorate !== 'suspend_sitting') return [];
  return suspensionForWantOfQuorum(state);
}

function suspensionForWantOfQuorum(state: ProcedureState, floorEnded = false): ProcedureEvent[] {
  return [...(floorEnded ? [] : endCurrentFloor(state)), { kind: 'sitting.suspended', reason: notQuorateReason, resumesAt: null }];
}

/**
 * The chair accepted a doubt of the quorum: count the members present. `closeOpenVote` closes the
 * open vote (votes.ts owns how) with the quorum found lacking; `floorEnded`: the decision has ended the floor already.
 */
export function quorumCountEvents(
  state: ProcedureState,
  ctx: DecideContext,
  point: PointOfOrder,
  closeOpenVote: (vote: VoteState) => ProcedureEvent,
  floorEnded: boolean,
): ProcedureEvent[] {
  const rules = rulesOf(state, ctx);
  const statutory = statutoryOf(state, ctx);
  const present = Math.min(presentVotingMembers(state, ctx.sitting).length, statutory);
  const status = quorumStatus(rules, statutory, present);
  const open = state.openVoteId === null ? undefined : state.votes[state.openVoteId];
  const counted: ProcedureEvent = {
    kind: 'quorum.counted',
    pointId: point.pointId,
    present: status.present,
    required: status.required,
    quorate: status.quorate,
    voteId: open?.status === 'open' ? open.voteId : null,
  };
  if (status.quorate) return [counted];
  const closing = open?.status === 'open' ? [closeOpenVote({ ...open, quorumChallenged: true })] : [];
  const suspension = rules.quorum.whenNotQuorate === 'suspend_sitting' ? suspensionForWantOfQuorum(state, floorEnded) : [];
  return [counted, ...closing, ...suspension];
}
