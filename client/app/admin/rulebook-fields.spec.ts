import { otherOverrides, parseOverride, valueAt, withOverride } from './rulebook-fields';

describe('rulebook fields', () => {
  it('sets and removes an override by path, pruning empty objects', () => {
    const set = withOverride({}, 'quorum.fraction', 0.4);
    expect(set).toEqual({ quorum: { fraction: 0.4 } });
    expect(valueAt(set, 'quorum.fraction')).toBe(0.4);
    expect(withOverride(set, 'quorum.fraction', undefined)).toEqual({});
  });

  it('keeps overrides the page does not offer', () => {
    const overrides = { quorum: { fraction: 0.4, onVoteWithoutQuorum: 'refuse' }, votes: { tie: 'fails' } };
    expect(otherOverrides(overrides)).toEqual({ quorum: { onVoteWithoutQuorum: 'refuse' }, votes: { tie: 'fails' } });
    expect(otherOverrides({ quorum: { fraction: 0.4 } })).toBeNull();
  });

  it('reads typed text as the override value, empty as none', () => {
    expect(parseOverride('seconds', '')).toBeUndefined();
    expect(parseOverride('seconds', '300')).toBe(300);
    expect(parseOverride('share', '0,5')).toBe(0.5);
    expect(parseOverride('flag', 'false')).toBeFalse();
    expect(parseOverride('text', ' GO ')).toBe('GO');
  });
});
