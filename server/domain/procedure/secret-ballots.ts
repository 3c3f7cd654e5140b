/**
 * Secret ballots (RFC 9474 blind signatures; the cryptography is the service's, the rules are here).
 * A member entitled to vote takes one blind-signed token while signed in; the ballot comes later,
 * without any sign-in, carrying the token: the record holds the token's hash and the option, never a
 * person. One ballot per token (the same ballot again changes nothing, another option is refused).
 */
import { InputError, RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState, VoteState } from './state';
import { mayEnter } from './lobby';
import { own } from './lookup';
import { requireNotExcluded, rulesOf } from './permissions';
import { closingEvents, eligibleCount, mayVoteLate, voteOf } from './votes';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

/** A token's hash as the record keeps it: hex SHA-256. */
export const tokenHashShape = /^[0-9a-f]{64}$/;

function requireSecretAndOpen(vote: VoteState, now: Date): void {
  if (vote.definition.kind !== 'secret') throw new InputError([{ path: ['voteId'], message: 'this vote is not secret' }]);
  if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
  if (vote.closesAt !== null && now.getTime() >= Date.parse(vote.closesAt)) throw new RuleViolation('vote.expired', 'the time for this vote is over');
}

/**
 * May the actor take a ballot token for this vote now? The same electorate as a ballot cast by name:
 * frozen at opening, plus late joiners where the rules let them vote. Throws the rule that forbids it.
 */
export function requireMayTakeToken(state: ProcedureState, voteId: string, ctx: DecideContext): void {
  const vote = voteOf(state, voteId);
  requireSecretAndOpen(vote, ctx.now);
  const personId = ctx.actor.personId;
  // An excluded member takes no token: their secret ballot is refused before it could be unlinkable.
  if (personId !== null) requireNotExcluded(state, personId, 'a ballot token');
  if (personId === null || !(own(vote.eligibleIds, personId) || mayVoteLate(state, vote, ctx.sitting, rulesOf(state, ctx), personId))) {
    throw new RuleViolation('vote.not_eligible', 'only members with voting rights present when the vote opened vote');
  }
  if (!mayEnter(state, personId, true)) throw new RuleViolation('lobby.removed', 'you were removed from the sitting; no ballot token');
}

/** A secret ballot the service has checked (the token's signature under the vote's pinned key): appended under its token hash. */
export function castSecret(state: ProcedureState, cmd: Of<'vote.cast_secret'>, ctx: DecideContext): ProcedureEvent[] {
  // Only the service speaks for an anonymous ballot: a person acting here would be named in the record.
  if (ctx.actor.personId !== null || ctx.actor.roles.length > 0) {
    throw new InputError([{ path: ['actor'], message: 'a secret ballot is cast anonymously, with its token' }]);
  }
  const rules = rulesOf(state, ctx);
  const vote = voteOf(state, cmd.voteId);
  requireSecretAndOpen(vote, ctx.now);
  if (!tokenHashShape.test(cmd.tokenHash)) throw new InputError([{ path: ['tokenHash'], message: 'a token hash is 64 lowercase hex digits' }]);
  if (!vote.definition.options.some((o) => o.id === cmd.optionId)) throw new RuleViolation('vote.unknown_option', `the vote has no option ${cmd.optionId}`);
  const index = vote.ballotIndex.positionIn(vote.ballots, cmd.tokenHash);
  if (index !== undefined) {
    if (vote.ballots[index]?.optionId === cmd.optionId) return []; // the same ballot again: already counted
    throw new RuleViolation('vote.token_spent', 'this ballot token has been spent already');
  }
  const ballot: ProcedureEvent = { kind: 'ballot.cast', voteId: vote.voteId, optionId: cmd.optionId, voter: null, pseudonym: null, tokenHash: cmd.tokenHash };
  if (!vote.definition.autoCloseWhenAllVoted || vote.ballots.length + 1 < eligibleCount(vote, ctx.sitting, rules)) return [ballot];
  const all = [
    ...vote.ballots,
    { key: cmd.tokenHash, optionId: cmd.optionId, voter: null, pseudonym: null, tokenHash: cmd.tokenHash, castAt: ctx.now.toISOString() },
  ];
  return [ballot, ...closingEvents(state, ctx, vote, all, 'all_voted')];
}
