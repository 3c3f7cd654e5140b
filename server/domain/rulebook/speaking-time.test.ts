import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament } from './presets';
import { allotSpeakingTime } from './speaking-time';

const seats: Rulebook['speakingTime'] = { debateSeconds: null, split: 'seats', equalShare: 0, minimumPerFaction: 0, perIndependentSeconds: null };
const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('allotSpeakingTime', () => {
  it('Bundestag (21st term): 60 minutes by group strength, one independent like the smallest group per seat', () => {
    const factions = [
      { id: 'cdu', seats: 208 },
      { id: 'afd', seats: 152 },
      { id: 'spd', seats: 120 },
      { id: 'gruene', seats: 85 },
      { id: 'linke', seats: 64 },
    ];
    // Exact: 1188.57, 868.57, 685.71, 485.71, 365.71, 5.71 — the four largest remainders (.714) get a second.
    expect(allotSpeakingTime(bundestag2025.speakingTime, 3600, factions, 1)).toEqual({ cdu: 1188, afd: 868, spd: 686, gruene: 486, linke: 366, '': 6 });
  });

  it('European Parliament: one fifth equally among the groups, the rest by members; NI like the smallest group per seat', () => {
    const groups = [
      { id: 'epp', seats: 177 },
      { id: 'sd', seats: 145 },
      { id: 'renew', seats: 101 },
      { id: 'greens', seats: 72 },
      { id: 'ecr', seats: 66 },
      { id: 'id', seats: 62 },
      { id: 'left', seats: 39 },
    ];
    // Exact: 805.64, 677.15, 500.48, 384.04, 359.94, 343.88, 251.53, NI 277.33.
    expect(allotSpeakingTime(europeanParliament.speakingTime, 3600, groups, 43)).toEqual({
      epp: 806,
      sd: 677,
      renew: 500,
      greens: 384,
      ecr: 360,
      id: 344,
      left: 252,
      '': 277,
    });
  });

  it('all-equal split gives every group the same time, whatever its size', () => {
    const rule = { ...seats, split: 'equal_plus_seats' as const, equalShare: 1 };
    expect(
      allotSpeakingTime(
        rule,
        900,
        [
          { id: 'a', seats: 100 },
          { id: 'b', seats: 3 },
          { id: 'c', seats: 40 },
        ],
        0,
      ),
    ).toEqual({ a: 300, b: 300, c: 300 });
  });

  it('raises small factions to the minimum and splits the rest among the others by seats', () => {
    const rule = { ...seats, minimumPerFaction: 250 };
    // 500 / 300 / 200 → c raised to 250, 750 left for a and b: 468.75 / 281.25.
    expect(
      allotSpeakingTime(
        rule,
        1000,
        [
          { id: 'a', seats: 50 },
          { id: 'b', seats: 30 },
          { id: 'c', seats: 20 },
        ],
        0,
      ),
    ).toEqual({ a: 469, b: 281, c: 250 });
    // Raising c pushes b below the minimum in a second round.
    expect(
      allotSpeakingTime(
        { ...seats, minimumPerFaction: 240 },
        1000,
        [
          { id: 'a', seats: 60 },
          { id: 'b', seats: 25 },
          { id: 'c', seats: 15 },
        ],
        0,
      ),
    ).toEqual({
      a: 520,
      b: 240,
      c: 240,
    });
  });

  it('independents follow the smallest faction per seat when it is raised to the minimum', () => {
    const rule = { ...seats, minimumPerFaction: 200 };
    // b (10 seats) is raised to 200 → 20 s per seat → 5 independents get 100; a gets the remaining 700.
    expect(
      allotSpeakingTime(
        rule,
        1000,
        [
          { id: 'a', seats: 90 },
          { id: 'b', seats: 10 },
        ],
        5,
      ),
    ).toEqual({ a: 700, b: 200, '': 100 });
  });

  it('gives a fixed time per independent and splits the rest', () => {
    const rule = { ...seats, perIndependentSeconds: 60 };
    expect(
      allotSpeakingTime(
        rule,
        3600,
        [
          { id: 'a', seats: 3 },
          { id: 'b', seats: 1 },
        ],
        2,
      ),
    ).toEqual({ a: 2610, b: 870, '': 120 });
  });

  it('gives more than the debate when the minima force it, and says so by the total', () => {
    const result = allotSpeakingTime(
      { ...seats, minimumPerFaction: 400 },
      1000,
      [
        { id: 'a', seats: 5 },
        { id: 'b', seats: 3 },
        { id: 'c', seats: 1 },
      ],
      0,
    );
    expect(result).toEqual({ a: 400, b: 400, c: 400 });
    expect(sum(result)).toBe(1200);
  });

  it('leaves out the pool without independents; 0-seat factions get 0; no factions → all to independents', () => {
    expect(
      allotSpeakingTime(
        seats,
        600,
        [
          { id: 'a', seats: 2 },
          { id: 'b', seats: 1 },
        ],
        0,
      ),
    ).toEqual({ a: 400, b: 200 });
    expect(
      allotSpeakingTime(
        { ...seats, minimumPerFaction: 100 },
        600,
        [
          { id: 'a', seats: 2 },
          { id: 'gone', seats: 0 },
        ],
        0,
      ),
    ).toEqual({ a: 600, gone: 0 });
    expect(allotSpeakingTime(seats, 600, [], 4)).toEqual({ '': 600 });
    expect(allotSpeakingTime(seats, 600, [], 0)).toEqual({});
  });

  it('refuses bad input with paths', () => {
    expect(() => allotSpeakingTime(seats, -1, [], 0)).toThrow(/debateSeconds/);
    expect(() =>
      allotSpeakingTime(
        seats,
        60,
        [
          { id: 'a', seats: 1 },
          { id: 'a', seats: 2 },
        ],
        0,
      ),
    ).toThrow(/duplicate faction a/);
    expect(() => allotSpeakingTime(seats, 60, [{ id: '', seats: 1 }], 0)).toThrow(InputError);
    expect(() => allotSpeakingTime(seats, 60, [{ id: 'a', seats: 1.5 }], 0)).toThrow(/factions\.0\.seats/);
    expect(() => allotSpeakingTime(seats, 60, [], -2)).toThrow(/independents/);
  });
});
