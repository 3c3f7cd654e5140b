import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025 } from '../rulebook/presets';
import { Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';
import { requireMayTakeToken } from './secret-ballots';
import { votesView } from './views';

const smallQuorum: Rulebook = { ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: 0.05 } };
const few = ['a.keller', 'j.brandt', 'f.kuhn', 'm.jung', 'j.thiel', 'l.noack'];
const publicKey = 'M'.repeat(392);
const hash = (n: number) => n.toString(16).padStart(64, '0');

function secretVote(rulebook: Rulebook = smallQuorum, over: Parameters<typeof draft>[0] = {}): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open([...few, 'minister', 'interpreter.en1', 'clerk', 'moderator']);
  c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'secret', ...over }), publicKey });
  return c;
}
const castSecret = (c: Chamber, tokenHash: string, optionId: string) => c.run(null, { kind: 'vote.cast_secret', voteId: 'vote-1', tokenHash, optionId });
const inputError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof InputError;
  }
  return false;
};

describe('opening a secret vote', () => {
  it('pins the public key in the definition; a secret draft without a key, or another kind with one, is refused', () => {
    const c = new Chamber(sittingContext(smallQuorum)).open(few);
    expect(inputError(() => c.decide(chair, { kind: 'vote.open', draft: draft({ kind: 'secret' }) }))).toBe(true);
    expect(inputError(() => c.decide(chair, { kind: 'vote.open', draft: draft({ kind: 'secret' }), publicKey: 'not a key' }))).toBe(true);
    expect(inputError(() => c.decide(chair, { kind: 'vote.open', draft: draft({ kind: 'named' }), publicKey }))).toBe(true);
    const [opened] = c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'secret' }), publicKey });
    expect(opened).toMatchObject({ kind: 'vote.opened', definition: { kind: 'secret', publicKey } });
  });

  it('a named other kind carries no key in its definition', () => {
    const c = new Chamber(sittingContext(smallQuorum)).open(few);
    const [opened] = c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'named' }) });
    expect(opened?.kind === 'vote.opened' && opened.definition.publicKey).toBeFalsy();
  });

  it('a valid demand for a named vote does not make a secret vote named (secret beats named)', () => {
    const c = new Chamber(sittingContext(smallQuorum));
    // Before the sitting starts: the CDU faction demands a named vote on the prepared draft.
    c.run('f.kuhn', { kind: 'vote.demand_named', draftId: 'vote-1', category: null });
    expect(c.state.namedDemands['vote-1']?.valid).toBe(true);
    c.open(few);
    const [opened] = c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'secret' }), publicKey });
    expect(opened).toMatchObject({ definition: { kind: 'secret' } });
  });
});

describe('taking a token and casting a secret ballot', () => {
  it('only members frozen into the electorate take a token; guests, interpreters, clerks and absentees do not', () => {
    const c = secretVote();
    const may = (who: string | null) => rule(() => requireMayTakeToken(c.state, 'vote-1', c.ctx(who)));
    for (const who of ['minister', 'interpreter.en1', 'clerk', 'moderator', 'l.vogel']) expect(may(who)).toBe('vote.not_eligible');
    expect(() => requireMayTakeToken(c.state, 'vote-1', c.ctx('j.brandt'))).not.toThrow();
  });

  it('a member cannot cast a ballot by name in a secret vote', () => {
    const c = secretVote();
    expect(inputError(() => c.decide('j.brandt', { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null }))).toBe(true);
  });

  it('records token hash and option, never a person; the same ballot again changes nothing, another option is refused', () => {
    const c = secretVote();
    const [ballot] = castSecret(c, hash(1), 'yes');
    expect(ballot).toEqual({ kind: 'ballot.cast', voteId: 'vote-1', optionId: 'yes', voter: null, pseudonym: null, tokenHash: hash(1) });
    expect(c.entries.at(-1)!.actorId).toBeNull();
    expect(castSecret(c, hash(1), 'yes')).toEqual([]);
    expect(rule(() => castSecret(c, hash(1), 'no'))).toBe('vote.token_spent');
    expect(rule(() => castSecret(c, hash(2), 'maybe'))).toBe('vote.unknown_option');
    expect(inputError(() => castSecret(c, 'ABC', 'yes'))).toBe(true);
  });

  it('only the system actor casts a secret ballot: a person doing it would be named', () => {
    const c = secretVote();
    expect(inputError(() => c.decide('j.brandt', { kind: 'vote.cast_secret', voteId: 'vote-1', tokenHash: hash(1), optionId: 'yes' }))).toBe(true);
  });

  it('refuses ballots for a closed, expired or non-secret vote', () => {
    const timed = secretVote(smallQuorum, { durationSeconds: 60 });
    timed.advance(61);
    expect(rule(() => castSecret(timed, hash(1), 'yes'))).toBe('vote.expired');
    const c = secretVote();
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(rule(() => castSecret(c, hash(1), 'yes'))).toBe('vote.not_open');
    const named = new Chamber(sittingContext(smallQuorum)).open(few);
    named.run(chair, { kind: 'vote.open', draft: draft() });
    expect(inputError(() => castSecret(named, hash(1), 'yes'))).toBe(true);
  });

  it('publishes token hashes sorted, no names; the result counts them and has no faction breakdown', () => {
    const c = secretVote();
    castSecret(c, hash(9), 'yes');
    castSecret(c, hash(3), 'no');
    castSecret(c, hash(5), 'yes');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    const [v] = votesView(c.state, c.sitting);
    expect(v!.ballots).toEqual([
      { voter: null, pseudonym: null, tokenHash: hash(3), optionId: 'no' },
      { voter: null, pseudonym: null, tokenHash: hash(5), optionId: 'yes' },
      { voter: null, pseudonym: null, tokenHash: hash(9), optionId: 'yes' },
    ]);
    expect(v!.result).toMatchObject({ cast: 3, perFaction: [] });
    expect(v!.result!.counts).toEqual([
      { optionId: 'yes', count: 2 },
      { optionId: 'no', count: 1 },
      { optionId: 'abstain', count: 0 },
    ]);
  });

  it('closes when every eligible member has voted, if asked to', () => {
    const c = secretVote(smallQuorum, { autoCloseWhenAllVoted: true });
    const eligible = c.state.votes['vote-1']!.eligible.length;
    for (let i = 1; i < eligible; i++) castSecret(c, hash(i), 'yes');
    expect(c.state.votes['vote-1']!.status).toBe('open');
    const last = castSecret(c, hash(eligible), 'no');
    expect(last.map((e) => e.kind)).toEqual(['ballot.cast', 'vote.closed']);
  });
});
