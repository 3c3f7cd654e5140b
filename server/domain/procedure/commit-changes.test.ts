import { describe, expect, it } from 'vitest';
import { changesOf, mergeChanges, NO_CHANGES } from './commit-changes';
import type { ProcedureEvent } from './events';

const ballot: ProcedureEvent = { kind: 'ballot.cast', voteId: 'v', optionId: 'yes', voter: null, pseudonym: 'P' };
const ended: ProcedureEvent = { kind: 'floor.ended', floorId: 'f' };

describe('what a commit changed', () => {
  it('says a commit of ballots alone changed only ballots', () => {
    expect(changesOf([ballot, ballot])).toEqual({ procedure: false, ballots: true });
  });

  it('says any other entry changed the procedure, ballots beside it or not', () => {
    expect(changesOf([ended])).toEqual({ procedure: true, ballots: false });
    // A last ballot that closes the vote (all voted) commits both.
    const result = { passed: true, reason: '', reasonCode: 'majority_reached' as const, counts: [], perFaction: [], eligible: 1, cast: 1, quorate: true };
    expect(changesOf([ballot, { kind: 'vote.closed', voteId: 'v', closedBy: 'all_voted', result }])).toEqual({ procedure: true, ballots: true });
    expect(changesOf([])).toEqual(NO_CHANGES);
  });

  it('merges two commits sent as one', () => {
    expect(mergeChanges(changesOf([ballot]), changesOf([ended]))).toEqual({ procedure: true, ballots: true });
    expect(mergeChanges(changesOf([ballot]), changesOf([ballot]))).toEqual({ procedure: false, ballots: true });
  });
});
