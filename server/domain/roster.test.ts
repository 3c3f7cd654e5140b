import { describe, expect, it } from 'vitest';
import { checkSeats } from './roster';

describe('seats', () => {
  it('accepts factions within the statutory membership, vacancies allowed', () => {
    expect(() =>
      checkSeats(
        49,
        [
          { factionId: 'a', seats: 12, members: 11 },
          { factionId: 'b', seats: 36, members: 36 },
        ],
        1,
      ),
    ).not.toThrow();
  });
  it('refuses fewer seats than members', () => {
    expect(() => checkSeats(49, [{ factionId: 'a', seats: 10, members: 11 }], 0)).toThrow(/only 10 seats/);
  });
  it('refuses more seats than the statutory membership', () => {
    expect(() => checkSeats(49, [{ factionId: 'a', seats: 49, members: 3 }], 1)).toThrow(/50 seats, more than the statutory 49/);
  });
});
