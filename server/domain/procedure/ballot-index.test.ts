import { describe, expect, it } from 'vitest';
import { Chamber, chair, draft } from './spec-support';
import { fold } from './state';

describe('the ballot index shared by the states of a vote', () => {
  it('lets a state see only its own ballots, also after a batch folded from the same state was thrown away', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-1', kind: 'named' }) });
    const [first, second, third] = Object.keys(c.state.present);
    c.run(first!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null });
    const committed = c.state;

    // A batch folds two ballots from the committed state, then its transaction fails: thrown away.
    c.run(second!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'no', pseudonym: null });
    c.run(third!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'no', pseudonym: null });
    expect(c.state.votes['vote-1']?.ballots).toHaveLength(3);

    // The committed state still has one ballot and does not see the lost ones as cast.
    c.state = committed;
    c.entries.splice(committed.lastSeq);
    expect(c.state.votes['vote-1']?.ballots).toHaveLength(1);
    // The next batch: the third member votes yes now (not "already cast"), the second in its turn.
    c.run(third!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null });
    c.run(second!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'abstain', pseudonym: null });
    const vote = c.state.votes['vote-1']!;
    expect(vote.ballots.map((b) => [b.key, b.optionId])).toEqual([
      [first, 'yes'],
      [third, 'yes'],
      [second, 'abstain'],
    ]);
    // The same ballot again is a repeat; a different one is refused, as without the lost batch.
    expect(c.decide(third!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null })).toEqual([]);
    expect(() => c.decide(second!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'no', pseudonym: null })).toThrow(/already/);
    // And the record folded from nothing agrees with the state built beside the lost batch.
    expect(fold(c.entries).votes['vote-1']?.ballots).toEqual(vote.ballots);
  });
});
