/**
 * The next round of an election, opened by the chair with one action from the round before: the
 * candidates and bar the rules allow (recorded with that round's result), the electorate as it is now.
 * Refused while the round is open, once someone is elected, when the rules have no further round, and
 * a second time from the same round. A cancelled round is held again (same number, same candidates).
 */
import { NotFoundError, RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ElectionRoundDefinition, ProcedureEvent, VoteOption } from './events';
import type { ProcedureState, VoteState } from './state';
import { ballotOptions, majorityOfRound } from './election-ballots';
import { addSeconds, own } from './lookup';
import { requireChair, requireOpen, rulesOf } from './permissions';
import { electorate, requireNoOpenVote } from './votes';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

/** The round that follows `vote` (its number, candidates by option id, rule), or why there is none. */
function nextOf(
  state: ProcedureState,
  vote: VoteState,
  election: ElectionRoundDefinition,
): { round: number; candidates: readonly string[]; rule: ElectionRoundDefinition['rule'] } {
  if (vote.status === 'open') throw new RuleViolation('election.round_open', 'this round is still open: close it first');
  if (Object.values(state.votes).some((v) => v.definition.election?.previousVoteId === vote.voteId)) {
    throw new RuleViolation('election.round_superseded', 'the next round has been opened from this round already');
  }
  if (vote.status === 'cancelled') {
    const candidates = vote.definition.options.filter((o) => o.meaning === 'yes').map((o) => o.id);
    return { round: election.round, candidates, rule: election.rule };
  }
  const result = vote.result;
  if (result?.elected !== undefined && result.elected.length > 0) throw new RuleViolation('election.decided', 'this round elected: the election is over');
  const next = result?.election?.next;
  if (!next) throw new RuleViolation('election.no_further_round', 'the rules of procedure allow no further round: the election has failed');
  return next;
}

export function openNextRound(state: ProcedureState, cmd: Of<'vote.open_next_round'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'open the next round of an election');
  requireOpen(state, 'a round of an election');
  const vote = own(state.votes, cmd.voteId);
  if (!vote) throw new NotFoundError('vote', cmd.voteId);
  const election = vote.definition.election;
  if (!election) throw new RuleViolation('election.not_an_election', 'this vote is not an election');
  const next = nextOf(state, vote, election);
  requireNoOpenVote(state);
  const rules = rulesOf(state, ctx);
  const byId = new Map(vote.definition.options.map((o) => [o.id, o]));
  const candidates = next.candidates.flatMap((id): VoteOption[] => {
    const option = byId.get(id);
    return option ? [option] : [];
  });
  // The previous round's choice of abstention stands, if the rules in force still allow it.
  const abstention = rules.votes.abstentionAllowed && vote.definition.options.some((o) => o.meaning === 'abstain');
  const { eligible, statutory, quorate } = electorate(state, ctx, rules);
  const d = vote.definition.durationSeconds;
  return [
    {
      kind: 'vote.opened',
      definition: {
        ...vote.definition,
        voteId: ctx.newId(),
        options: ballotOptions(candidates, rules, abstention),
        majority: majorityOfRound(next.rule),
        statutoryMembers: statutory,
        election: { electionId: election.electionId, round: next.round, seats: election.seats, rule: next.rule, previousVoteId: vote.voteId },
      },
      eligible,
      closesAt: d === null ? null : addSeconds(ctx.now, d),
      quorate,
    },
  ];
}

/** A round the chair may open now: from which vote, its number and candidates (options of that vote). */
export interface NextRoundView {
  readonly fromVoteId: string;
  readonly title: string;
  readonly round: number;
  readonly candidates: readonly VoteOption[];
}

/**
 * The next round the rules allow from the newest election round that elected no one (or was cancelled)
 * and has no following round yet; null when none. The same checks as opening it, without throwing.
 */
export function nextRoundView(state: ProcedureState): NextRoundView | null {
  const rounds = Object.values(state.votes)
    .filter((v) => v.definition.election !== undefined && v.status !== 'open')
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  for (const vote of rounds) {
    const election = vote.definition.election!;
    try {
      const next = nextOf(state, vote, election);
      const candidates = next.candidates.flatMap((id) => vote.definition.options.filter((o) => o.id === id));
      return { fromVoteId: vote.voteId, title: vote.definition.title, round: next.round, candidates };
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
    }
  }
  return null;
}
