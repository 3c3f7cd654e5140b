import { describe, expect, it } from 'vitest';
import type { ProcedureCommitted } from '../services/pubsub';
import { changesOf } from '../domain/procedure/commit-changes';
import type { StoredEntry } from '../domain/record';
import { updateOf } from './procedure-fields';

const entry = (seq: number, event: StoredEntry['event']): StoredEntry => ({
  sittingId: 's',
  seq,
  at: '2026-12-07T10:00:00.000Z',
  actorId: null,
  event,
  prevHash: '',
  hash: '',
});

describe('a commit’s update to its subscribers', () => {
  it('names each kind once, in record order, and is made once for all subscribers of the commit', () => {
    const ballot = (n: number) => entry(n, { kind: 'ballot.cast', voteId: 'v', optionId: 'yes', voter: null, pseudonym: `p${n}` });
    const entries = [ballot(10), ballot(11), entry(12, { kind: 'sitting.suspended', reason: null, resumesAt: null }), ballot(13)];
    const commit: ProcedureCommitted = { sittingId: 's', entries, changes: changesOf(entries.map((e) => e.event)) };
    const update = updateOf(commit);
    expect(update).toEqual({ sittingId: 's', seq: 13, kinds: ['ballot.cast', 'sitting.suspended'] });
    expect(updateOf(commit)).toBe(update);
  });
});
