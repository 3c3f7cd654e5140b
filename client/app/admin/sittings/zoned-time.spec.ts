import { formatInZone, instantOf, wallClockOf } from './zoned-time';

describe('sitting times in the parliament’s zone', () => {
  it('turns a wall-clock time of the zone into an instant and back, in winter and summer', () => {
    expect(instantOf('2026-12-03T09:00', 'Europe/Berlin')).toBe('2026-12-03T08:00:00.000Z');
    expect(instantOf('2027-06-10T09:00', 'Europe/Berlin')).toBe('2027-06-10T07:00:00.000Z');
    expect(instantOf('2027-06-10T09:00', 'Pacific/Auckland')).toBe('2027-06-09T21:00:00.000Z');
    expect(wallClockOf('2026-12-03T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-12-03T09:00');
    expect(wallClockOf('2027-06-09T21:00:00.000Z', 'Pacific/Auckland')).toBe('2027-06-10T09:00');
  });

  it('keeps the hours next to a change of the clocks right', () => {
    // Berlin, 28 March 2027: 02:00 CET becomes 03:00 CEST.
    expect(instantOf('2027-03-28T01:30', 'Europe/Berlin')).toBe('2027-03-28T00:30:00.000Z');
    expect(instantOf('2027-03-28T03:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
    expect(instantOf('2027-03-28T02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes nothing but a whole date and time', () => {
    for (const typed of ['', '2026-12-03', '2026-02-30T09:00', '2026-12-03T25:00', 'tomorrow at nine'])
      expect(instantOf(typed, 'Europe/Berlin')).withContext(typed).toBeNull();
    expect(wallClockOf('not a date', 'Europe/Berlin')).toBe('');
  });

  it('shows a start in the zone, in the reader’s language', () => {
    expect(formatInZone('2026-12-03T08:00:00.000Z', 'Europe/Berlin', 'de-DE')).toContain('09:00');
    expect(formatInZone('2026-12-03T08:00:00.000Z', 'America/New_York', 'en-GB')).toContain('03:00');
  });
});
