import { readableTextColour, relativeLuminance } from './readable-text-colour';

describe('readableTextColour', () => {
  it('puts black on light faction colours and white on dark ones', () => {
    expect(readableTextColour('#f2c14e')).toBe('#000000');
    expect(readableTextColour('#2b2d42')).toBe('#ffffff');
    expect(readableTextColour('#d7263d')).toBe('#ffffff');
    expect(readableTextColour('#fff')).toBe('#000000');
  });

  it('falls back to black for colours it cannot read', () => {
    expect(relativeLuminance('red')).toBeNull();
    expect(readableTextColour('red')).toBe('#000000');
  });

  it('computes WCAG luminance for both hex notations', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
  });
});
