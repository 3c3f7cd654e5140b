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
import type { DecideContext, ProcedureCommand, SittingContext } from './commands';
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
  const presentIds = new Set(presentVotingMembers(state, ctx.sitting).map((p) => p.personId));
  const demanding = new Set([...(prior?.personIds ?? []), person.id].filter((id) => presentIds.has(id)));
  const valid = prior?.valid === true || demanding.size >= membersNeeded(state, ctx.sitting, share!);
  return [{ kind: 'vote.named_demanded', draftId: cmd.draftId, demandedBy: { kind: 'members', personIds: [person.id] }, valid }];
}

/** Where a draft stands against the deadline: `late` says why it is too late (null: still in time), `until` the instant it ends (null: none on the clock). */
export interface DemandDeadline {
  readonly rule: NamedVoteRules['deadline'];
  readonly until: string | null;
  readonly late: string | null;
}

/** The deadline of the rules for one draft, now: the one place that says whether a demand is in time. */
export function demandDeadline(state: ProcedureState, sitting: SittingContext, now: Date, rules: NamedVoteRules, draftId: string): DemandDeadline {
  const startsAt = sitting.startsAt ?? null;
  const rule = rules.deadline;
  const at = (until: string | null, late: string | null): DemandDeadline => ({ rule, until, late });
  const opened = own(state.votes, draftId) ? 'the vote has been opened' : state.phase === 'closed' ? 'the sitting is closed' : null;
  switch (rule) {
    case 'until_vote_opens':
      return at(null, opened);
    case 'sitting_start':
      return at(startsAt, opened ?? (state.phase !== 'scheduled' ? 'the sitting has started' : null));
    case 'evening_before': {
      // The calendar day (UTC) of the sitting's start begins: the evening before is over.
      const until = startsAt === null ? null : `${startsAt.slice(0, 10)}T00:00:00.000Z`;
      const dayBegun = until !== null && now.getTime() >= Date.parse(until) ? 'the day of the sitting has begun' : null;
      return at(until, opened ?? (state.phase !== 'scheduled' ? 'the sitting has started' : dayBegun));
    }
    default: {
      const unknown: never = rule;
      return at(null, `unknown deadline ${String(unknown)}`);
    }
  }
}

function requireInTime(state: ProcedureState, ctx: DecideContext, rules: NamedVoteRules, draftId: string): void {
  const { late } = demandDeadline(state, ctx.sitting, ctx.now, rules, draftId);
  if (late !== null) throw new RuleViolation('vote.named_demand_late', `too late to demand a named vote: ${late}`);
}

/** A prepared vote as the demand status reads it. */
export interface DemandableDraft {
  readonly id: string;
  readonly category: string | null;
}

/** What a member sees of a prepared vote they might demand be taken by name. */
export interface NamedDemandStatus {
  readonly draftId: string;
  readonly deadline: DemandDeadline;
  /** How this person demands: for their faction, or joining the members' demand; null: they cannot under these rules. */
  readonly demandBy: 'faction' | 'members' | null;
  /** Why this person cannot demand now (the rule code `demandNamed` would answer); null: they can. */
  readonly refusal: 'forbidden.not_member' | 'vote.named_excluded' | 'vote.named_demand_not_allowed' | 'vote.named_demand_late' | null;
  /** Their faction (faction demands) or they themselves (members' demand) have demanded already. */
  readonly demandedByMine: boolean;
  readonly factionsDemanding: number;
  /** Members demanding who are present (only they count). */
  readonly membersDemanding: number;
  /** Members' demand: the distinct demanding members present needed now; null for faction demands. */
  readonly membersNeeded: number | null;
  /** The demand stands: the vote opens as named. */
  readonly valid: boolean;
}

/** The members a members' demand needs now: ceil(share × members present with voting rights), at least one. */
function membersNeeded(state: ProcedureState, sitting: SittingContext, share: number): number {
  // The epsilon keeps 0.05 × 60 = 3.0000000000000004 at 3.
  return Math.max(1, Math.ceil(share * presentVotingMembers(state, sitting).length - 1e-9));
}

/**
 * The status of a demand for a named vote on a draft, for one person: the same rules `demandNamed`
 * applies, without deciding anything (the member view lists drafts with it).
 */
export function namedDemandStatus(
  state: ProcedureState,
  sitting: SittingContext,
  now: Date,
  personId: string | null,
  draft: DemandableDraft,
): NamedDemandStatus {
  const rules = (state.rulebook ?? sitting.rulebook).votes.namedVote;
  const person = personId === null ? undefined : sitting.people.get(personId);
  const prior = own(state.namedDemands, draft.id);
  // As in `demandNamed`: a member of a faction demands for it when factions may; everyone else joins the members' demand.
  const factionId = person && rules.demandedByFaction ? person.factionId : null;
  const demandBy = factionId !== null ? 'faction' : rules.demandedByShareOfPresent !== null ? 'members' : null;
  const presentIds = new Set(presentVotingMembers(state, sitting).map((p) => p.personId));
  const demandedByMine =
    person !== undefined && (factionId !== null ? (prior?.factionIds.includes(factionId) ?? false) : (prior?.personIds.includes(person.id) ?? false));
  const deadline = demandDeadline(state, sitting, now, rules, draft.id);
  const refusal =
    person === undefined || !isVotingMember(person)
      ? 'forbidden.not_member'
      : draft.category !== null && rules.excludedCategories.includes(draft.category)
        ? 'vote.named_excluded'
        : factionId === null && rules.demandedByShareOfPresent === null
          ? 'vote.named_demand_not_allowed'
          : deadline.late !== null && !demandedByMine
            ? 'vote.named_demand_late'
            : null;
  return {
    draftId: draft.id,
    deadline,
    demandBy,
    refusal,
    demandedByMine,
    factionsDemanding: prior?.factionIds.length ?? 0,
    membersDemanding: (prior?.personIds ?? []).filter((id) => presentIds.has(id)).length,
    membersNeeded: demandBy === 'members' && rules.demandedByShareOfPresent !== null ? membersNeeded(state, sitting, rules.demandedByShareOfPresent) : null,
    valid: prior?.valid === true,
  };
}
