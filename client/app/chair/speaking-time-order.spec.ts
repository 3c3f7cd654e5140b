import { demoPerson } from '../../testing/demo-procedure';
import { sortSpeakingTimes, type SpeakingTimeRow } from './speaking-time-order';

describe('sortSpeakingTimes', () => {
  const rows: SpeakingTimeRow[] = [
    { person: demoPerson('j.brandt'), seconds: 300, turns: 1, lastSpokeAt: '2026-12-03T09:10:00Z' },
    { person: demoPerson('l.vogel'), seconds: 120, turns: 2, lastSpokeAt: '2026-12-03T09:40:00Z' },
    { person: demoPerson('f.kuhn'), seconds: 0, turns: 0, lastSpokeAt: null },
    { person: demoPerson('a.ernst'), seconds: 120, turns: 1, lastSpokeAt: '2026-12-03T09:20:00Z' },
  ];
  const names = (sorted: SpeakingTimeRow[]): string[] => sorted.map((row) => row.person.name);

  it('by last spoken: the most recent first, those who never spoke last', () => {
    expect(names(sortSpeakingTimes(rows, 'last'))).toEqual(['Leonie Vogel', 'Anton Ernst', 'Jonas Brandt', 'Finn Kuhn']);
  });

  it('by least and most spoken, ties by name', () => {
    expect(names(sortSpeakingTimes(rows, 'least'))).toEqual(['Finn Kuhn', 'Anton Ernst', 'Leonie Vogel', 'Jonas Brandt']);
    expect(names(sortSpeakingTimes(rows, 'most'))).toEqual(['Jonas Brandt', 'Anton Ernst', 'Leonie Vogel', 'Finn Kuhn']);
  });

  it('leaves the given list alone', () => {
    sortSpeakingTimes(rows, 'most');
    expect(rows[0]?.person.name).toBe('Jonas Brandt');
    expect(rows[2]?.person.name).toBe('Finn Kuhn');
  });
});
