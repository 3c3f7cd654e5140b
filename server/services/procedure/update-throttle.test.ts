import { describe, expect, it } from 'vitest';
import { changesOf } from '../../domain/procedure/commit-changes';
import type { StoredEntry } from '../../domain/record';
import type { Commit } from './sitting-engine';
import { UpdateThrottle } from './update-throttle';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;
const entry = (kind: 'ballot.cast' | 'floor.ended'): StoredEntry => ({
  sittingId: 's',
  seq: ++seq,
  at: new Date().toISOString(),
  actorId: null,
  event: kind === 'ballot.cast' ? { kind, voteId: 'v', optionId: 'yes', voter: null, pseudonym: 'P' } : { kind, floorId: 'f' },
  prevHash: '',
  hash: '',
});

/** One commit as the engine publishes it, classified the engine's way. */
const commit = (...entries: StoredEntry[]): Commit => ({ entries, changes: changesOf(entries.map((e) => e.event)) });

describe('update throttle', () => {
  it('sends the first ballot at once, coalesces the rest per window, and loses none', async () => {
    const sent: number[][] = [];
    const t = new UpdateThrottle((_s, { entries }) => sent.push(entries.map((e) => e.seq)), 40);
    const ballots = Array.from({ length: 10 }, () => entry('ballot.cast'));
    for (const b of ballots) t.committed('s', commit(b));
    expect(sent).toHaveLength(1);
    await wait(60);
    expect(sent).toHaveLength(2);
    expect(sent.flat()).toEqual(ballots.map((b) => b.seq));
    await wait(60);
    expect(sent).toHaveLength(2); // nothing more to say: the window closed
    t.clear();
  });

  it('lets anything but ballots through at once, with the ballots held back before it', () => {
    const sent: number[][] = [];
    const t = new UpdateThrottle((_s, { entries }) => sent.push(entries.map((e) => e.seq)), 1000);
    const [a, b, c] = [entry('ballot.cast'), entry('ballot.cast'), entry('floor.ended')];
    t.committed('s', commit(a));
    t.committed('s', commit(b));
    t.committed('s', commit(c));
    expect(sent).toEqual([[a.seq], [b.seq, c.seq]]);
    t.clear();
  });

  it('says what the coalesced update changed: ballots held back and the commit that released them', () => {
    const sent: Commit['changes'][] = [];
    const t = new UpdateThrottle((_s, { changes }) => sent.push(changes), 1000);
    t.committed('s', commit(entry('ballot.cast')));
    t.committed('s', commit(entry('ballot.cast')));
    t.committed('s', commit(entry('floor.ended')));
    expect(sent).toEqual([
      { procedure: false, ballots: true },
      { procedure: true, ballots: true },
    ]);
    t.clear();
  });
});
