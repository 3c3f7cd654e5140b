import { formatDuration, readFloorClock, secondsUntil, type FloorTiming } from './floor-clock';

describe('readFloorClock', () => {
  const startedAt = '2026-12-03T10:00:00.000Z';
  const at = (seconds: number): number => Date.parse(startedAt) + seconds * 1000;
  const iso = (seconds: number): string => new Date(at(seconds)).toISOString();

  function floor(change: Partial<FloorTiming> = {}): FloorTiming {
    return { startedAt, limitSeconds: 300, elapsedSeconds: 0, interjection: null, ...change };
  }

  it('runs on from the start while within the limit', () => {
    const reading = readFloorClock(floor({ elapsedSeconds: 30 }), iso(30), at(95.4));

    expect(reading.elapsedSeconds).toBe(95);
    expect(reading.remainingSeconds).toBe(205);
    expect(reading.overrun).toBeFalse();
    expect(reading.overrunSeconds).toBe(0);
  });

  it('shows the overrun past the limit', () => {
    const reading = readFloorClock(floor({ limitSeconds: 60, elapsedSeconds: 50 }), iso(50), at(83));

    expect(reading.elapsedSeconds).toBe(83);
    expect(reading.overrun).toBeTrue();
    expect(reading.overrunSeconds).toBe(23);
    expect(reading.remainingSeconds).toBe(0);
  });

  it('warns the speaker within the rulebook’s seconds before the end, and not once over time', () => {
    const warned = floor({ limitSeconds: 60, warningSeconds: 30 });

    expect(readFloorClock(warned, iso(0), at(29)).warning).toBeFalse();
    expect(readFloorClock(warned, iso(0), at(30)).warning).toBeTrue();
    expect(readFloorClock(warned, iso(0), at(61)).warning).toBeFalse();
    expect(readFloorClock(floor({ limitSeconds: 60, warningSeconds: null }), iso(0), at(45)).warning).toBeFalse();
  });

  it('stands while the server says the clock is stopped ("mute all" that stops clocks)', () => {
    const reading = readFloorClock(floor({ elapsedSeconds: 40, clockStopped: true }), iso(50), at(90));

    expect(reading.elapsedSeconds).toBe(40);
  });

  it('is exactly at the limit without overrun', () => {
    const reading = readFloorClock(floor({ limitSeconds: 60 }), iso(0), at(60));

    expect(reading.overrun).toBeFalse();
    expect(reading.remainingSeconds).toBe(0);
  });

  it('leaves out time the server did not count (an interjection question earlier)', () => {
    // 100 s since the start at serverTime, of which the server counted 70: 30 s were a question.
    const reading = readFloorClock(floor({ elapsedSeconds: 70 }), iso(100), at(110));

    expect(reading.elapsedSeconds).toBe(80);
  });

  it('stands still while an interjection question holds the floor, and times the question', () => {
    const reading = readFloorClock(floor({ elapsedSeconds: 70, interjection: { startedAt: iso(100) } }), iso(105), at(130));

    expect(reading.elapsedSeconds).toBe(70);
    expect(reading.interjectionSeconds).toBe(30);
  });

  it('has no remaining time and no overrun without a limit', () => {
    const reading = readFloorClock(floor({ limitSeconds: null }), iso(0), at(4000));

    expect(reading.remainingSeconds).toBeNull();
    expect(reading.overrun).toBeFalse();
    expect(reading.elapsedSeconds).toBe(4000);
  });

  it('never goes below what the server counted when the clocks disagree', () => {
    const reading = readFloorClock(floor({ elapsedSeconds: 40 }), iso(40), at(38));

    expect(reading.elapsedSeconds).toBe(40);
  });
});

describe('secondsUntil and formatDuration', () => {
  it('counts down whole seconds and stops at zero', () => {
    const now = Date.parse('2026-12-03T10:00:00.000Z');
    expect(secondsUntil('2026-12-03T10:15:00.000Z', now)).toBe(900);
    expect(secondsUntil('2026-12-03T10:00:00.400Z', now)).toBe(1);
    expect(secondsUntil('2026-12-03T09:59:00.000Z', now)).toBe(0);
  });

  it('writes minutes and seconds, hours when needed', () => {
    expect(formatDuration(9)).toBe('0:09');
    expect(formatDuration(247)).toBe('4:07');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });
});
