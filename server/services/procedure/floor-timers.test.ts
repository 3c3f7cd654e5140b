import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { FloorTimers } from './floor-timers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('floor timers (the grace period)', () => {
  it('end the floor once when its time and grace are over; the same instant again arms nothing new', async () => {
    const ended: string[] = [];
    const timers = new FloorTimers(
      createLogger('silent'),
      () => new Date(),
      async (_s, floorId) => void ended.push(floorId),
    );
    const endsAt = new Date(Date.now() + 50).toISOString();
    timers.sync('s', { floorId: 'f1', endsAt });
    timers.sync('s', { floorId: 'f1', endsAt });
    await wait(150);
    expect(ended).toEqual(['f1']);
    timers.clear();
  });

  it('move with the floor: a new floor, a clock that stands (no instant) or no floor disarm the old one', async () => {
    const ended: string[] = [];
    const timers = new FloorTimers(
      createLogger('silent'),
      () => new Date(),
      async (_s, floorId) => void ended.push(floorId),
    );
    timers.sync('s', { floorId: 'f1', endsAt: new Date(Date.now() + 50).toISOString() });
    timers.sync('s', { floorId: 'f1', endsAt: null }); // "mute all" stopped the clock
    timers.sync('t', { floorId: 'g1', endsAt: new Date(Date.now() + 50).toISOString() });
    timers.sync('t', null); // the chair ended it
    timers.sync('u', { floorId: 'h1', endsAt: new Date(Date.now() + 50).toISOString() });
    timers.sync('u', { floorId: 'h2', endsAt: new Date(Date.now() + 80).toISOString() });
    await wait(200);
    expect(ended).toEqual(['h2']);
    timers.clear();
  });
});
