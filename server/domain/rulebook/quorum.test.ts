import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { bundestag2025, europeanParliament, municipalCouncil } from './presets';
import { quorumStatus, requiredPresent } from './quorum';

describe('quorumStatus', () => {
  it('Bundestag: more than half of 630 members is 316', () => {
    expect(quorumStatus(bundestag2025, 630, 315)).toEqual({ present: 315, required: 316, quorate: false });
    expect(quorumStatus(bundestag2025, 630, 316)).toEqual({ present: 316, required: 316, quorate: true });
  });

  it('European Parliament: one third at least — 235 of 705, 240 of 720', () => {
    expect(quorumStatus(europeanParliament, 705, 234)).toEqual({ present: 234, required: 235, quorate: false });
    expect(quorumStatus(europeanParliament, 705, 235).quorate).toBe(true);
    expect(quorumStatus(europeanParliament, 720, 240)).toEqual({ present: 240, required: 240, quorate: true });
    expect(quorumStatus(europeanParliament, 751, 250)).toEqual({ present: 250, required: 251, quorate: false });
  });

  it('NRW council: more than half of the statutory membership — 25 of 49, 26 of 50', () => {
    expect(quorumStatus(municipalCouncil, 49, 24).quorate).toBe(false);
    expect(quorumStatus(municipalCouncil, 49, 25)).toEqual({ present: 25, required: 25, quorate: true });
    expect(quorumStatus(municipalCouncil, 50, 25)).toEqual({ present: 25, required: 26, quorate: false });
  });

  it('snaps products that are integers in exact arithmetic', () => {
    // 1/3 × 705 is 234.99999999999997 in floating point.
    expect(requiredPresent(1 / 3, false, 705)).toBe(235);
    expect(requiredPresent(1 / 3, true, 705)).toBe(236);
    expect(requiredPresent(2 / 3, false, 630)).toBe(420);
    expect(requiredPresent(0.1, false, 30)).toBe(3);
  });

  it('refuses impossible counts', () => {
    expect(() => quorumStatus(bundestag2025, 630, 631)).toThrow(InputError);
    expect(() => quorumStatus(bundestag2025, 630, -1)).toThrow(/presentMembers/);
    expect(() => quorumStatus(bundestag2025, 630.5, 3)).toThrow(/statutoryMembers/);
  });
});
