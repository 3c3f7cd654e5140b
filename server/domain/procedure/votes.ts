/**
 * Votes: opened from a prepared draft with one action (quorum checked first), the electorate frozen at
 * opening (present members with voting rights; late joiners as the rules say), one ballot per voter
 * (the same ballot again changes nothing, a different one is refused), closed by the chair, by the
 * last eligible ballot, or on expiry; cancelled with a reason.
 *
 * Quorum of the result as the rulebook judges it (quorum-checks.ts); abstentions count for quorum,
 * not for a simple majority. A vote closed without a quorum may suspend the sitting (afterVoteClosed).
 * Per-faction counts only for named votes: no other ballot carries a faction.
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import type { Rulebook } from '../rulebook';
import { quorumStatus } from '../rulebook/quorum';
import { afterVoteClosed, voteQuorate } from './quorum-checks';
import { evaluateVote } from '../counting/majority';
import { evaluateElection } from '../counting/election';
import { ballotOptions, firstRound, majorityOfRound } from './election-ballots';
import { tally } from '../counting/tally';
import type { DecideContext, ProcedureCommand, SittingContext, VoteDraft } from './commands';
import type { OptionCount, PersonRef, ProcedureEvent, VoteOption, VoteResult } from './events';
import type { Ballot, ProcedureState, VoteState } from './state';
import { majorityKinds, voteKinds } from './vocabulary';
import { numberLimits } from '@contract/number-limits';
import { optionNames } from '@contract/procedure-words';
import { addSeconds, own } from './lookup';
import { mayEnter } from './lobby';
import { namedDemanded } from './named-votes';
import {
  actingPerson,
  isVotingMember,
  personOf,
  personRef,
  presentVotingMembers,
  requireChair,
  requireNotExcluded,
  requireOpen,
  rulesOf,
  statutoryOf,
} from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

const maxTitleLength = 500;
const maxDurationSeconds = numberLimits.voteDurationSeconds;
const meanings = ['yes', 'no', 'abstain', 'other'] as const;

export function requireNoOpenVote(state: ProcedureState): void {
  if (state.openVoteId !== null) throw new RuleViolation('vote.already_open', 'another vote is open; one vote at a time');
}

export function voteOf(state: ProcedureState, voteId: string): VoteState {
  const vote = own(state.votes, voteId);
  if (!vote) throw new NotFoundError('vote', voteId);
  return vote;
}

export function openVote(state: ProcedureState, cmd: Of<'vote.open'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'open a vote');
  requireOpen(state, 'opening a vote');
  return openVoteEvents(state, ctx, cmd.draft, cmd.publicKey ?? null);
}

/** An RSA-2048 public key as SPKI in base64url is 392 characters; a larger key (up to 4096 bits) stays below 1,000. */
const publicKeyShape = /^[A-Za-z0-9_-]{300,1000}$/;

/** Validates a draft against the rules in force and opens it; the vote's id is the draft's id. A secret draft needs its public key. */
export function openVoteEvents(state: ProcedureState, ctx: DecideContext, draft: VoteDraft, publicKey: string | null = null): ProcedureEvent[] {
  const rules = rulesOf(state, ctx);
  requireNoOpenVote(state);
  if (own(state.votes, draft.id)) throw new RuleViolation('vote.already_opened', 'this vote has been opened already');
  const title = draft.title.trim();
  if (title.length === 0 || title.length > maxTitleLength)
    throw new InputError([{ path: ['title'], message: `a vote has a title of 1 to ${maxTitleLength} characters` }]);
  if (!voteKinds.includes(draft.kind)) throw new InputError([{ path: ['kind'], message: 'a vote is named, pseudonymous, by show of hands or secret' }]);
  const handsProblem = showOfHandsDraftProblem(draft);
  if (handsProblem) throw handsProblem;
  if (draft.kind === 'secret' && (publicKey === null || !publicKeyShape.test(publicKey)))
    throw new InputError([{ path: ['publicKey'], message: 'a secret vote opens with the public key of its ballot tokens' }]);
  if (draft.kind !== 'secret' && publicKey !== null) throw new InputError([{ path: ['publicKey'], message: 'only a secret vote has a public key' }]);
  if (draft.agendaItemId !== null && !ctx.sitting.agenda.some((i) => i.id === draft.agendaItemId)) throw new NotFoundError('agendaItem', draft.agendaItemId);
  const majority = draft.majority ?? rules.votes.defaultMajority;
  if (!majorityKinds.includes(majority)) throw new InputError([{ path: ['majority'], message: `unknown majority ${String(majority)}` }]);
  const d = draft.durationSeconds;
  if (d !== null && !(Number.isInteger(d) && d > 0 && d <= maxDurationSeconds)) {
    throw new InputError([{ path: ['durationSeconds'], message: `a vote lasts a whole number of seconds, 1 to ${maxDurationSeconds}` }]);
  }
  const abstention = draft.abstention && rules.votes.abstentionAllowed;
  const election = draft.election ? firstRound(draft, rules) : null;
  const options = election ? ballotOptions(election.candidates, rules, abstention) : optionsOf(draft, abstention);
  const excluded = draft.category !== null && rules.votes.namedVote.excludedCategories.includes(draft.category);
  if (draft.kind === 'named' && excluded) throw new RuleViolation('vote.named_excluded', `the rules allow no named vote on ${draft.category}`);
  // A valid demand (§ 52 BTGO, Rule 190 EP, council on request) makes the vote named whatever was
  // prepared, except a secret one: the secret ballot goes first (GO NRW § 50(1)).
  const kind = draft.kind !== 'secret' && !excluded && namedDemanded(state, draft.id) ? 'named' : draft.kind;
  const { eligible, statutory, quorate } = electorate(state, ctx, rules);
  return [
    {
      kind: 'vote.opened',
      definition: {
        voteId: draft.id,
        agendaItemId: draft.agendaItemId,
        title,
        kind,
        options,
        majority: election ? majorityOfRound(election.round.rule) : majority,
        live: draft.live,
        durationSeconds: d,
        autoCloseWhenAllVoted: draft.autoCloseWhenAllVoted,
        statutoryMembers: statutory,
        ...(election ? { election: election.round } : {}),
        ...(kind === 'secret' ? { publicKey } : {}),
      },
      eligible,
      closesAt: d === null ? null : addSeconds(ctx.now, d),
      quorate,
    },
  ];
}

/** Who votes when a vote opens (present members with voting rights), and whether the house may vote at all. */
export function electorate(state: ProcedureState, ctx: DecideContext, rules: Rulebook): { eligible: PersonRef[]; statutory: number; quorate: boolean } {
  const eligible = presentVotingMembers(state, ctx.sitting);
  if (eligible.length === 0 && !rules.votes.lateJoinersMayVote) throw new RuleViolation('vote.no_eligible_voters', 'no member with voting rights is present');
  const statutory = statutoryOf(state, ctx);
  const quorum = quorumStatus(rules, statutory, Math.min(eligible.length, statutory));
  if (!quorum.quorate && rules.quorum.onVoteWithoutQuorum === 'refuse') {
    throw new RuleViolation('vote.no_quorum', `${quorum.present} members present, ${quorum.required} required: the house is not quorate`);
  }
  return { eligible, statutory, quorate: quorum.quorate };
}

/**
 * A vote by show of hands ends when the chair enters the counts: no timer, no closing when all have
 * voted (nobody casts a ballot), no running count. Checked when a draft is prepared and when it opens.
 */
export function showOfHandsDraftProblem(draft: Pick<VoteDraft, 'kind' | 'durationSeconds' | 'autoCloseWhenAllVoted' | 'live'>): InputError | null {
  if (draft.kind !== 'show_of_hands') return null;
  const path = draft.durationSeconds !== null ? 'durationSeconds' : draft.autoCloseWhenAllVoted ? 'autoCloseWhenAllVoted' : draft.live ? 'live' : null;
  return path === null
    ? null
    : new InputError([
        { path: [path], message: 'a vote by show of hands has no duration, no closing when all have voted and no running count: the chair enters the counts' },
      ]);
}

/** Yes / no / abstain by default (abstain left out when not allowed); a custom list is checked. */
function optionsOf(draft: VoteDraft, abstention: boolean): VoteOption[] {
  if (draft.options.length === 0) {
    const yesNo: VoteOption[] = [
      { id: 'yes', label: optionNames.en.yes, meaning: 'yes' },
      { id: 'no', label: optionNames.en.no, meaning: 'no' },
    ];
    return abstention ? [...yesNo, { id: 'abstain', label: optionNames.en.abstain, meaning: 'abstain' }] : yesNo;
  }
  const ids = new Set(draft.options.map((o) => o.id.trim()));
  if (draft.options.length < 2 || ids.size !== draft.options.length || ids.has('')) {
    throw new InputError([{ path: ['options'], message: 'a vote has at least two options with distinct, non-empty ids' }]);
  }
  draft.options.forEach((o, i) => {
    if (!o.label.trim()) throw new InputError([{ path: ['options', String(i), 'label'], message: 'an option has a label' }]);
    if (!meanings.includes(o.meaning)) throw new InputError([{ path: ['options', String(i), 'meaning'], message: `unknown meaning ${String(o.meaning)}` }]);
  });
  if (!abstention && draft.options.some((o) => o.meaning === 'abstain')) {
    throw new RuleViolation('vote.abstention_not_allowed', 'abstention is not allowed in this vote');
  }
  return draft.options.map((o) => ({ id: o.id.trim(), label: o.label.trim(), meaning: o.meaning }));
}

/** Late joiners may vote (if the rules say so) while present and entitled. */
export function mayVoteLate(state: ProcedureState, vote: VoteState, sitting: SittingContext, rules: Rulebook, personId: string): boolean {
  if (!rules.votes.lateJoinersMayVote || !own(vote.lateJoiners, personId) || !Object.hasOwn(state.present, personId)) return false;
  const person = sitting.people.get(personId);
  return person !== undefined && isVotingMember(person);
}

/** The electorate: frozen at opening, plus entitled members who joined while the vote was open (if the rules let them vote). */
export function eligibleCount(vote: VoteState, sitting: SittingContext | null, rules: Rulebook): number {
  if (!rules.votes.lateJoinersMayVote || sitting === null) return vote.eligible.length;
  let late = 0;
  for (const id of Object.keys(vote.lateJoiners)) {
    const person = sitting.people.get(id);
    if (person && isVotingMember(person)) late += 1;
  }
  return vote.eligible.length + late;
}

export function cast(state: ProcedureState, cmd: Of<'vote.cast'>, ctx: DecideContext): ProcedureEvent[] {
  const rules = rulesOf(state, ctx);
  const vote = voteOf(state, cmd.voteId);
  if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
  if (vote.closesAt !== null && ctx.now.getTime() >= Date.parse(vote.closesAt)) throw new RuleViolation('vote.expired', 'the time for this vote is over');
  if (vote.definition.kind === 'show_of_hands') throw new RuleViolation('vote.show_of_hands_no_ballots', 'this vote is by show of hands: the chair counts');
  const personId = ctx.actor.personId;
  // Frozen in before the exclusion or not: an excluded member's ballot is refused.
  if (personId !== null) requireNotExcluded(state, personId, 'a ballot');
  if (personId === null || !(own(vote.eligibleIds, personId) || mayVoteLate(state, vote, ctx.sitting, rules, personId))) {
    throw new RuleViolation('vote.not_eligible', 'only members with voting rights present when the vote opened vote');
  }
  // Removed from the sitting while the vote was open: out of the chamber, out of the vote.
  if (!mayEnter(state, personId, true)) throw new RuleViolation('lobby.removed', 'you were removed from the sitting; your ballot is refused');
  if (!vote.definition.options.some((o) => o.id === cmd.optionId)) throw new RuleViolation('vote.unknown_option', `the vote has no option ${cmd.optionId}`);
  // A member's own ballot would name them: a secret vote takes only anonymous, token-signed ballots (vote.cast_secret).
  if (vote.definition.kind === 'secret') throw new InputError([{ path: ['voteId'], message: 'a secret vote is cast with a ballot token, without signing in' }]);
  const named = vote.definition.kind === 'named';
  if (!named && !cmd.pseudonym) throw new InputError([{ path: ['pseudonym'], message: 'a pseudonymous ballot carries its pseudonym' }]);
  const key = named ? personId : cmd.pseudonym!;
  const index = vote.ballotIndex.positionIn(vote.ballots, key);
  if (index !== undefined) {
    if (vote.ballots[index]?.optionId === cmd.optionId) return []; // the same ballot again: already counted
    throw new RuleViolation('vote.already_cast', 'a ballot has been cast already; it cannot be changed');
  }
  const voter = named
    ? (vote.eligible.find((p) => p.personId === personId) ?? own(vote.lateJoiners, personId) ?? personRef(ctx.sitting, personOf(ctx.sitting, personId)))
    : null;
  const ballot: ProcedureEvent = { kind: 'ballot.cast', voteId: vote.voteId, optionId: cmd.optionId, voter, pseudonym: named ? null : cmd.pseudonym };
  if (!vote.definition.autoCloseWhenAllVoted || vote.ballots.length + 1 < eligibleCount(vote, ctx.sitting, rules)) return [ballot];
  const all = [...vote.ballots, { key, optionId: cmd.optionId, voter, pseudonym: named ? null : cmd.pseudonym, castAt: ctx.now.toISOString() }];
  return [ballot, ...closingEvents(state, ctx, vote, all, 'all_voted')];
}

/** vote.closed with its result, and what follows a vote without a quorum. */
export function closingEvents(
  state: ProcedureState,
  ctx: DecideContext,
  vote: VoteState,
  ballots: readonly Ballot[],
  closedBy: 'chair' | 'all_voted' | 'expired',
): ProcedureEvent[] {
  const result = resultOf(vote, ballots, ctx.sitting, rulesOf(state, ctx), presentVotingMembers(state, ctx.sitting).length, ctx.randomInt);
  return [{ kind: 'vote.closed', voteId: vote.voteId, closedBy, result }, ...afterVoteClosed(state, ctx, result)];
}

/** The open vote closed at once: the quorum was doubted and found lacking (quorum-checks.ts). */
export function closedForWantOfQuorum(state: ProcedureState, ctx: DecideContext, vote: VoteState): ProcedureEvent {
  const result = resultOf(vote, vote.ballots, ctx.sitting, rulesOf(state, ctx), 0, ctx.randomInt);
  return { kind: 'vote.closed', voteId: vote.voteId, closedBy: 'chair', result };
}

/** The result of ballots under the vote's definition: tally per option (and faction, if named), majority, quorum; `present`: members present now. */
export function resultOf(
  vote: VoteState,
  ballots: readonly Ballot[],
  sitting: SittingContext | null,
  rules: Rulebook,
  present: number,
  draw: (bound: number) => number,
): VoteResult {
  const { counts, perFaction } = tally(
    vote.definition.options,
    ballots.map((b) => ({ optionId: b.optionId, factionId: b.voter?.factionId ?? null })),
  );
  return countedResult(vote, counts, vote.definition.kind === 'named' ? perFaction : [], sitting, rules, present, draw);
}

/** The result of counts (from ballots, or the chair's count of hands): the same majority and quorum rules either way. */
function countedResult(
  vote: VoteState,
  counts: readonly OptionCount[],
  perFaction: VoteResult['perFaction'],
  sitting: SittingContext | null,
  rules: Rulebook,
  present: number,
  draw: (bound: number) => number,
): VoteResult {
  const castCount = counts.reduce((sum, c) => sum + c.count, 0);
  const quorate = voteQuorate(vote, rules, castCount, present);
  const input = {
    definition: vote.definition,
    counts,
    perFaction,
    eligible: eligibleCount(vote, sitting, rules),
    cast: castCount,
    quorate,
  };
  const election = vote.definition.election;
  return election ? evaluateElection({ ...input, nextRule: rules.elections.rounds[election.round] ?? null, draw }) : evaluateVote(input);
}

export function close(state: ProcedureState, cmd: Of<'vote.close'>, ctx: DecideContext): ProcedureEvent[] {
  const vote = voteOf(state, cmd.voteId);
  if (cmd.by === 'expired') {
    // The service's timer: late (already closed or cancelled) changes nothing; early is refused.
    if (vote.status !== 'open') return [];
    if (vote.closesAt === null) throw new RuleViolation('vote.no_duration', 'the vote has no duration; the chair closes it');
    if (ctx.now.getTime() < Date.parse(vote.closesAt)) throw new RuleViolation('vote.not_expired', 'the vote is still running');
  } else {
    requireChair(ctx.actor, 'close a vote');
    if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
    if (vote.definition.kind === 'show_of_hands') {
      throw new RuleViolation('vote.show_of_hands_counts_required', 'a vote by show of hands is closed by entering the counts');
    }
  }
  return closingEvents(state, ctx, vote, vote.ballots, cmd.by);
}

/**
 * The chair's team enters the counts of a vote by show of hands, which closes it with the result of the
 * majority rules. Every option once, whole numbers from 0; the total at most the members entitled to
 * vote (present with voting rights when it opened, and late joiners where they may vote): only they
 * raise a hand, one each.
 */
export function enterCounts(state: ProcedureState, cmd: Of<'vote.enter_counts'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'enter the counts of a vote');
  const vote = voteOf(state, cmd.voteId);
  if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
  if (vote.definition.kind !== 'show_of_hands')
    throw new RuleViolation('vote.not_show_of_hands', `the vote is ${vote.definition.kind}: its ballots are counted`);
  const options = vote.definition.options;
  const given = new Map<string, number>();
  const issues: { path: string[]; message: string }[] = [];
  cmd.counts.forEach((c, i) => {
    if (!options.some((o) => o.id === c.optionId)) throw new RuleViolation('vote.unknown_option', `the vote has no option ${c.optionId}`);
    if (given.has(c.optionId)) issues.push({ path: ['counts', String(i), 'optionId'], message: `option ${c.optionId} is counted twice` });
    else if (!(Number.isSafeInteger(c.count) && c.count >= 0))
      issues.push({ path: ['counts', String(i), 'count'], message: 'a count is a whole number, 0 or more' });
    given.set(c.optionId, c.count);
  });
  options.forEach((o) => {
    if (!given.has(o.id)) issues.push({ path: ['counts'], message: `no count for option ${o.id}` });
  });
  if (issues.length > 0) throw new InputError(issues);
  const rules = rulesOf(state, ctx);
  const counts = options.map((o) => ({ optionId: o.id, count: given.get(o.id)! }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const entitled = eligibleCount(vote, ctx.sitting, rules);
  if (total > entitled) throw new RuleViolation('vote.counts_exceed_eligible', `${total} counted, but only ${entitled} members may vote`);
  const enteredBy = personRef(ctx.sitting, actingPerson(ctx, 'entering the counts'));
  // No per-faction table: a show of hands is counted as a whole.
  const result = countedResult(vote, counts, [], ctx.sitting, rules, presentVotingMembers(state, ctx.sitting).length, ctx.randomInt);
  return [{ kind: 'vote.closed', voteId: vote.voteId, closedBy: 'counts_entered', result, enteredBy }, ...afterVoteClosed(state, ctx, result)];
}

export function cancel(state: ProcedureState, cmd: Of<'vote.cancel'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'cancel a vote');
  const vote = voteOf(state, cmd.voteId);
  if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
  const reason = cmd.reason.trim();
  if (reason.length === 0 || reason.length > maxTitleLength) {
    throw new InputError([{ path: ['reason'], message: `a cancelled vote says why, in 1 to ${maxTitleLength} characters` }]);
  }
  return [{ kind: 'vote.cancelled', voteId: vote.voteId, reason }];
}
