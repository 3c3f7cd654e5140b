/**
 * Demanding a named vote (§ 52 BTGO, Rule 190 EP, a council's "named vote on request"): who may demand
 * it and until when is the rulebook's `votes.namedVote`. A member demands for their faction (when
 * factions may: valid at once), or joins the members' demand, valid once the distinct demanding members
 * present reach ceil(share × members present with voting rights), at least one. A valid demand makes
 * the prepared vote open as named whatever its prepared kind.
 *
 * Deadlines, all before the draft is opened and while the sitting is not closed:
 * - until_vote_opens: nothing more;
 * - sitting_start: while the sitting is still scheduled (not yet opened);
 * - evening_before: while scheduled and before the calendar day (UTC; the domain knows no time zone)
 *   of the sitting's `startsAt` begins. Without `startsAt`, as sitting_start.
 */
import { InputError, RuleViolation } from '../errors';
import type { Rulebook } from '../rulebook';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';
import { own } from './lookup';
import { actingPerson, isVotingMember, presentVotingMembers, rulesOf } from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;
type NamedVoteRules = Rulebook['votes']['namedVote'];

/** Is there a valid demand for a named vote on this draft? */
export function namedDemanded(state: ProcedureState, draftId: string): boolean {
  return own(state.namedDemands, draftId)?.valid === true;
}

export function demandNamed(state: ProcedureState, cmd: Of<'vote.demand_named'>, ctx: DecideContext): ProcedureEvent[] {
  if (cmd.draftId.trim().length === 0) throw new InputError([{ path: ['draftId'], message: 'a demand names the prepared vote' }]);
  const rules = rulesOf(state, ctx).votes.namedVote;
  const person = actingPerson(ctx, 'demanding a named vote');
  if (!isVotingMember(person)) throw new RuleViolation('forbidden.not_member', 'only members with voting rights demand a named vote');
  if (cmd.category !== null && rules.excludedCategories.includes(cmd.category)) {
    throw new RuleViolation('vote.named_excluded', `the rules allow no named vote on ${cmd.category}`);
  }
  const factionId = rules.demandedByFaction ? person.factionId : null;
  const share = rules.demandedByShareOfPresent;
  if (factionId === null && share === null) throw new RuleViolation('vote.named_demand_not_allowed', 'under these rules only a faction demands a named vote');
  const prior = own(state.namedDemands, cmd.draftId);
  // The same faction or member again: already counted.
  if (factionId !== null ? prior?.factionIds.includes(factionId) : prior?.personIds.includes(person.id)) return [];
  requireInTime(state, ctx, rules, cmd.draftId);
  if (factionId !== null) {
    return [{ kind: 'vote.named_demanded', draftId: cmd.draftId, demandedBy: { kind: 'faction', factionId, personId: person.id }, valid: true }];
  }
  const present = presentVotingMembers(state, ctx.sitting);
  const presentIds = new Set(present.map((p) => p.personId));
  const demanding = new Set([...(prior?.personIds ?? []), person.id].filter((id) => presentIds.has(id)));
  // The epsilon keeps 0.05 × 60 = 3.0000000000000004 at 3.
  const needed = Math.max(1, Math.ceil(share! * present.length - 1e-9));
  const valid = prior?.valid === true || demanding.size >= needed;
  return [{ kind: 'vote.named_demanded', draftId: cmd.draftId, demandedBy: { kind: 'members', personIds: [person.id] }, valid }];
}

function requireInTime(state: ProcedureState, ctx: DecideContext, rules: NamedVoteRules, draftId: string): void {
  const late = (why: string) => new RuleViolation('vote.named_demand_late', `too late to demand a named vote: ${why}`);
  if (own(state.votes, draftId)) throw late('the vote has been opened');
  if (state.phase === 'closed') throw late('the sitting is closed');
  switch (rules.deadline) {
    case 'until_vote_opens':
      return;
    case 'sitting_start':
      if (state.phase !== 'scheduled') throw late('the sitting has started');
      return;
    case 'evening_before': {
      if (state.phase !== 'scheduled') throw late('the sitting has started');
      const startsAt = ctx.sitting.startsAt;
      if (startsAt !== undefined && ctx.now.getTime() >= Date.parse(`${startsAt.slice(0, 10)}T00:00:00.000Z`)) throw late('the day of the sitting has begun');
      return;
    }
    default: {
      const unknown: never = rules.deadline;
      throw new RuleViolation('vote.named_demand_late', `unknown deadline ${String(unknown)}`);
    }
  }
}
