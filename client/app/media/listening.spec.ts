import { defaultDuckLevel, mixGains, playbackGain, shouldConsume } from './listening';
import type { Listening } from '@contract/media-channels';

describe('listening', () => {
  const floorOnly: Listening[] = [{ channel: 'floor', gain: 1 }];
  const english: Listening[] = [
    { channel: 'floor', gain: 0.15 },
    { channel: 'interpretation:en', gain: 1 },
  ];

  describe('shouldConsume', () => {
    it('takes producers of channels in the plan, floor producers only while they are live', () => {
      expect(shouldConsume({ channel: 'floor', live: true }, floorOnly)).toBeTrue();
      expect(shouldConsume({ channel: 'floor', live: false }, floorOnly)).toBeFalse();
      expect(shouldConsume({ channel: 'interpretation:en', live: false }, english)).toBeTrue();
    });

    it('leaves channels outside the plan alone', () => {
      expect(shouldConsume({ channel: 'interpretation:fr', live: true }, english)).toBeFalse();
      expect(shouldConsume({ channel: 'sign', live: true }, floorOnly)).toBeFalse();
      expect(shouldConsume({ channel: 'subroom:r1', live: true }, english)).toBeFalse();
    });
  });

  describe('playbackGain', () => {
    it('plays the floor at full volume without an interpretation', () => {
      expect(playbackGain(floorOnly, 'floor', defaultDuckLevel)).toBe(1);
    });

    it('ducks the floor to the listener’s level under a chosen language, the language at full volume', () => {
      expect(playbackGain(english, 'floor', defaultDuckLevel)).toBe(0.2);
      expect(playbackGain(english, 'floor', 0.45)).toBe(0.45);
      expect(playbackGain(english, 'interpretation:en', 0.45)).toBe(1);
    });

    it('keeps the slider within 0 … 100 % and knows no gain for a channel outside the plan', () => {
      expect(playbackGain(english, 'floor', 1.5)).toBe(1);
      expect(playbackGain(english, 'floor', -1)).toBe(0);
      expect(playbackGain(english, 'interpretation:fr', 0.2)).toBeNull();
    });
  });

  it('mixes every received track, silencing what the plan no longer has', () => {
    const gains = mixGains(
      [
        { consumerId: 'c-floor', channel: 'floor' },
        { consumerId: 'c-en', channel: 'interpretation:en' },
        { consumerId: 'c-fr', channel: 'interpretation:fr' },
      ],
      english,
      0.3,
    );
    expect([...gains]).toEqual([
      ['c-floor', 0.3],
      ['c-en', 1],
      ['c-fr', 0],
    ]);
  });
});
