/**
 * Points of order: raised by a member present, with a category of the rulebook and a short text. They
 * go ahead of every speech; floor.next gives the floor to the first one, and the debate goes on only
 * once the chair has decided it (accepted, rejected, put to a vote, noted).
 *
 * accepted, on a point of category quorum_check: the quorum is counted (quorum-checks.ts).
 *
 * put_to_vote: with `voteDraftId: null` the decision opens a simple-majority yes/no procedural vote
 * titled after the point, in the same command (point_of_order.decided + vote.opened). With a prepared
 * draft, decide records the decision naming the draft's id as the vote, and the service opens that
 * draft with `vote.open` in the same transaction (the domain never sees stored drafts; a vote's id is its draft's id).
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand, VoteDraft } from './commands';
import type { ProcedureEvent } from './events';
import type { PointOfOrder, ProcedureState } from './state';
import { endCurrentFloor } from './clocks';
import { own } from './lookup';
import { actingPerson, personRef, requireChair, requireNotClosed, requireNotExcluded, requireOpen, requirePresent, rulesOf } from './permissions';
import { closedForWantOfQuorum, openVoteEvents, requireNoOpenVote } from './votes';
import { quorumCheckCategory, quorumCountEvents } from './quorum-checks';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

export const maxPointTextLength = 500;
const decisions = ['accepted', 'rejected', 'put_to_vote', 'noted'] as const;

/** Points not yet decided or withdrawn, in the order they were raised. */
export function pendingPoints(state: ProcedureState): PointOfOrder[] {
  return Object.values(state.points)
    .filter((p) => p.status === 'pending')
    .sort((a, b) => a.seq - b.seq);
}

export function raise(state: ProcedureState, cmd: Of<'point_of_order.raise'>, ctx: DecideContext): ProcedureEvent[] {
  requireOpen(state, 'raising a point of order');
  const person = actingPerson(ctx, 'raising a point of order');
  if (!person.roles.includes('member')) throw new RuleViolation('forbidden.not_member', 'only members raise points of order');
  requireNotExcluded(state, person.id, 'raising a point of order');
  requirePresent(state, person.id, 'raising a point of order');
  if (!rulesOf(state, ctx).pointsOfOrder.categories.some((c) => c.id === cmd.category)) {
    throw new RuleViolation('point_of_order.unknown_category', `the rules know no point-of-order category ${cmd.category}`);
  }
  const text = cmd.text.trim();
  if (text.length === 0 || text.length > maxPointTextLength) {
    throw new InputError([{ path: ['text'], message: `a point of order says what it is about in 1 to ${maxPointTextLength} characters` }]);
  }
  if (pendingPoints(state).some((p) => p.person.personId === person.id)) {
    throw new RuleViolation('point_of_order.already_raised', 'this member has a point of order waiting already');
  }
  return [
    {
      kind: 'point_of_order.raised',
      pointId: ctx.newId(),
      agendaItemId: state.currentItemId,
      person: personRef(ctx.sitting, person),
      category: cmd.category,
      text,
    },
  ];
}

function pointOf(state: ProcedureState, pointId: string): PointOfOrder {
  const point = own(state.points, pointId);
  if (!point) throw new NotFoundError('pointOfOrder', pointId);
  if (point.status !== 'pending') throw new RuleViolation('point_of_order.not_pending', `the point of order is ${point.status}`);
  return point;
}

export function withdraw(state: ProcedureState, cmd: Of<'point_of_order.withdraw'>, ctx: DecideContext): ProcedureEvent[] {
  requireNotClosed(state, 'withdrawing a point of order');
  const point = pointOf(state, cmd.pointId);
  if (ctx.actor.personId !== point.person.personId)
    throw new RuleViolation('forbidden.not_own_point', 'only the member who raised it withdraws a point of order');
  // A point being heard yields the floor as it is withdrawn.
  const ending = state.floor?.requestId === point.pointId ? endCurrentFloor(state) : [];
  return [...ending, { kind: 'point_of_order.withdrawn', pointId: point.pointId }];
}

export function decidePoint(state: ProcedureState, cmd: Of<'point_of_order.decide'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'decide a point of order');
  requireOpen(state, 'deciding a point of order');
  const point = pointOf(state, cmd.pointId);
  if (!decisions.includes(cmd.decision)) throw new InputError([{ path: ['decision'], message: `unknown decision ${String(cmd.decision)}` }]);
  const note = cmd.note?.trim() || null;
  if (note !== null && note.length > maxPointTextLength)
    throw new InputError([{ path: ['note'], message: `a note has at most ${maxPointTextLength} characters` }]);
  // The decision ends the hearing: the floor held for the point (its mover or the speaker against) is over.
  const ending = state.floor?.requestId === point.pointId ? endCurrentFloor(state) : [];
  if (cmd.decision !== 'put_to_vote') {
    if (cmd.voteDraftId !== null) throw new InputError([{ path: ['voteDraftId'], message: 'a vote belongs to the decision put_to_vote only' }]);
    const decided: ProcedureEvent[] = [...ending, { kind: 'point_of_order.decided', pointId: point.pointId, decision: cmd.decision, note, voteId: null }];
    // A doubt of the quorum accepted is counted at once (§ 45(2) BTGO, Rule 178 EP): quorum-checks.ts.
    if (cmd.decision !== 'accepted' || point.category !== quorumCheckCategory) return decided;
    return [...decided, ...quorumCountEvents(state, ctx, point, (vote) => closedForWantOfQuorum(state, ctx, vote), ending.length > 0)];
  }
  requireNoOpenVote(state);
  if (cmd.voteDraftId !== null) {
    if (own(state.votes, cmd.voteDraftId)) throw new RuleViolation('vote.already_opened', 'this vote has been opened already');
    return [...ending, { kind: 'point_of_order.decided', pointId: point.pointId, decision: 'put_to_vote', note, voteId: cmd.voteDraftId }];
  }
  const draft = proceduralDraft(state, ctx, point, ctx.newId());
  return [
    ...ending,
    { kind: 'point_of_order.decided', pointId: point.pointId, decision: 'put_to_vote', note, voteId: draft.id },
    ...openVoteEvents(state, ctx, draft),
  ];
}

/** A yes/no vote on the point: simple majority, closed by the chair or when all have voted; named unless the rules exclude its category. */
export function proceduralDraft(state: ProcedureState, ctx: DecideContext, point: PointOfOrder, voteId: string): VoteDraft {
  const rules = rulesOf(state, ctx);
  const label = rules.pointsOfOrder.categories.find((c) => c.id === point.category)?.label.en ?? point.category;
  const excluded = rules.votes.namedVote.excludedCategories.includes(point.category);
  return {
    id: voteId,
    agendaItemId: point.agendaItemId,
    title: `Point of order (${label}): ${point.text}`,
    kind: excluded ? 'pseudonymous' : 'named',
    options: [],
    abstention: true,
    majority: 'simple',
    live: true,
    durationSeconds: null,
    autoCloseWhenAllVoted: true,
    category: point.category,
  };
}
