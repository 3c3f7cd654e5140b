import { behindLiveSeconds, liveEdge, secondsBehindLive } from './live-edge';

describe('the live edge', () => {
  it('measures how far playback is behind the live position', () => {
    expect(secondsBehindLive(100, 104.5)).toBe(4.5);
    expect(secondsBehindLive(100, 100)).toBe(0);
    // Ahead of the sync position (it sits a few segments behind the edge): still live.
    expect(secondsBehindLive(101.2, 100)).toBe(0);
  });

  it('knows nothing without a live position', () => {
    expect(secondsBehindLive(10, null)).toBeNull();
    expect(secondsBehindLive(10, undefined)).toBeNull();
    expect(secondsBehindLive(Number.NaN, 20)).toBeNull();
    expect(secondsBehindLive(10, Number.POSITIVE_INFINITY)).toBeNull();
    expect(liveEdge(null)).toBe('unknown');
  });

  it('is live up to three seconds behind, and behind beyond', () => {
    expect(behindLiveSeconds).toBe(3);
    expect(liveEdge(0)).toBe('live');
    expect(liveEdge(3)).toBe('live');
    expect(liveEdge(3.1)).toBe('behind');
    expect(liveEdge(secondsBehindLive(50, 80))).toBe('behind');
  });
});
