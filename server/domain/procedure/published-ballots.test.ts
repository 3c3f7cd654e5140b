import { describe, expect, it } from 'vitest';
import { Chamber, chair, draft, sittingContext } from './spec-support';
import { bundestag2025 } from '../rulebook/presets';
import { votesView } from './views';

const voters = ['a.keller', 'j.brandt', 'f.kuhn', 'm.jung', 'j.thiel', 'l.noack'];
// Cast order deliberately unlike the pseudonyms' order, so cast order cannot pass for sorted.
const pseudonyms = ['p-f3', 'p-0a', 'p-c1', 'p-77', 'p-e9', 'p-12'];

describe('published ballots', () => {
  it('lists a pseudonymous vote’s ballots by pseudonym, not in the order cast', () => {
    const c = new Chamber(sittingContext(bundestag2025)).open([...voters, 'clerk', 'moderator']);
    c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'pseudonymous' }) });
    voters.forEach((v, i) => c.run(v, { kind: 'vote.cast', voteId: 'vote-1', optionId: i % 2 ? 'yes' : 'no', pseudonym: pseudonyms[i]! }));
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    const ballots = votesView(c.state)[0]!.ballots!;
    expect(ballots.map((b) => b.pseudonym)).toEqual([...pseudonyms].sort());
    // The same ballots, each with its own option: sorting moved whole ballots, not just labels.
    expect(ballots.map((b) => `${b.pseudonym}:${b.optionId}`).sort()).toEqual(pseudonyms.map((p, i) => `${p}:${i % 2 ? 'yes' : 'no'}`).sort());
  });

  it('keeps a named vote’s ballots in the order cast', () => {
    const c = new Chamber(sittingContext(bundestag2025)).open([...voters, 'clerk', 'moderator']);
    c.run(chair, { kind: 'vote.open', draft: draft() });
    const order = ['m.jung', 'a.keller', 'l.noack'];
    for (const v of order) c.run(v, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(votesView(c.state)[0]!.ballots!.map((b) => b.voter?.personId)).toEqual(order);
  });
});
