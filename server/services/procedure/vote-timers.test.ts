import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { VoteTimers } from './vote-timers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('vote timers', () => {
  it('close a vote at its deadline once, and again after a refusal when asked to retry', async () => {
    const closed: string[] = [];
    const timers = new VoteTimers(
      createLogger('silent'),
      () => new Date(),
      async (_s, voteId) => void closed.push(voteId),
    );
    const closesAt = new Date(Date.now() + 50).toISOString();
    timers.sync('s', [{ voteId: 'v', status: 'open', closesAt }]);
    timers.sync('s', [{ voteId: 'v', status: 'open', closesAt }]); // the same deadline again: still one timer
    await wait(120);
    expect(closed).toEqual(['v']);
    timers.sync('s', [{ voteId: 'v', status: 'open', closesAt }], { retry: true });
    await wait(150);
    expect(closed).toEqual(['v']); // not before the retry interval
    await wait(200);
    expect(closed).toEqual(['v', 'v']);
    timers.clear();
  });

  it('disarm when the vote closes or is cancelled before its deadline', async () => {
    const closed: string[] = [];
    const timers = new VoteTimers(
      createLogger('silent'),
      () => new Date(),
      async (_s, voteId) => void closed.push(voteId),
    );
    timers.sync('s', [{ voteId: 'v', status: 'open', closesAt: new Date(Date.now() + 60).toISOString() }]);
    timers.sync('s', [{ voteId: 'v', status: 'closed', closesAt: null }]);
    await wait(120);
    expect(closed).toEqual([]);
  });
});
