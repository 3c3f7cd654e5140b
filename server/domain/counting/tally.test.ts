import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { VoteOption } from '../procedure/events';
import { tally } from './tally';

const yna: VoteOption[] = [
  { id: 'yes', label: 'Yes', meaning: 'yes' },
  { id: 'no', label: 'No', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
];

describe('tally', () => {
  it('counts per option (zeros included) and per faction, independents last', () => {
    const result = tally(yna, [
      { optionId: 'yes', factionId: 'spd' },
      { optionId: 'no', factionId: null },
      { optionId: 'yes', factionId: 'cdu' },
      { optionId: 'yes', factionId: 'spd' },
      { optionId: 'no', factionId: 'cdu' },
    ]);
    expect(result.cast).toBe(5);
    expect(result.counts).toEqual([
      { optionId: 'yes', count: 3 },
      { optionId: 'no', count: 2 },
      { optionId: 'abstain', count: 0 },
    ]);
    expect(result.perFaction).toEqual([
      {
        factionId: 'cdu',
        counts: [
          { optionId: 'yes', count: 1 },
          { optionId: 'no', count: 1 },
          { optionId: 'abstain', count: 0 },
        ],
      },
      {
        factionId: 'spd',
        counts: [
          { optionId: 'yes', count: 2 },
          { optionId: 'no', count: 0 },
          { optionId: 'abstain', count: 0 },
        ],
      },
      {
        factionId: null,
        counts: [
          { optionId: 'yes', count: 0 },
          { optionId: 'no', count: 1 },
          { optionId: 'abstain', count: 0 },
        ],
      },
    ]);
  });

  it('an empty vote has every option at 0 and no faction rows', () => {
    expect(tally(yna, [])).toEqual({ counts: yna.map((o) => ({ optionId: o.id, count: 0 })), perFaction: [], cast: 0 });
  });

  it('refuses a ballot for an unknown option and duplicate option ids', () => {
    expect(() => tally(yna, [{ optionId: 'maybe', factionId: null }])).toThrow(/ballots\.0\.optionId: unknown option maybe/);
    expect(() => tally([...yna, { id: 'yes', label: 'Again', meaning: 'yes' }], [])).toThrow(InputError);
  });
});
