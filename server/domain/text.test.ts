import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { assertCleanText, textLimits, textProblem, textProblems } from './text';

describe('the text rule', () => {
  it('accepts ordinary text, newlines, tabs, accents, CJK and emoji (paired surrogates)', () => {
    for (const s of ['Motion on flood relief', 'line one\nline two\tcolumn', 'Änderungsantrag – „Haushalt“', '議事日程', 'thumbs 👍🏽 up', '']) {
      expect(textProblem(s, 100), JSON.stringify(s)).toBeNull();
    }
  });

  it('refuses NUL, the other C0 controls, DEL and the C1 controls, naming the code point', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\r', '\u000b', '\u007f', '\u0085', '\u009f']) {
      const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      expect(textProblem(`a${c}b`, 100)).toBe(`must not contain control characters (${code} at 1)`);
    }
  });

  it('refuses bidirectional overrides, embeddings and isolates and the Unicode line separators, and keeps right-to-left text', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']) {
      const code = `U+${c.charCodeAt(0).toString(16).toUpperCase()}`;
      expect(textProblem(`Dr. A${c}B`, 100)).toBe(`must not contain bidirectional or line-separator controls (${code} at 5)`);
    }
    for (const s of ['مشروع قانون الميزانية', 'הצעת חוק', 'Motion \u200fعربي\u200e 12']) expect(textProblem(s, 100), s).toBeNull();
  });

  it('refuses unpaired surrogates, high or low, anywhere', () => {
    for (const s of ['\ud800', 'x\udbff', '\udc00y', 'ab\udfff', '\udc00\ud800', '👍'.slice(0, 1), '👍'.slice(1)]) {
      expect(textProblem(s, 100), JSON.stringify(s)).toMatch(/unpaired surrogate/);
    }
  });

  it('refuses text over the limit, and answers a megabyte in far less than the 100 ms a request may take', () => {
    expect(textProblem('x'.repeat(301), textLimits.agendaTitle)).toBe('must be at most 300 characters');
    const mb = 'x'.repeat(1 << 20);
    const t0 = performance.now();
    expect(textProblem(mb, textLimits.any)).toMatch(/at most/);
    expect(textProblem(mb, Infinity)).toBeNull();
    expect(textProblem(`${mb}\u0000`, Infinity)).toMatch(/control/);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('walks commands: nested objects, arrays and keys, each problem with its path', () => {
    const command = {
      kind: 'vote.open',
      draft: { title: 'ok', options: [{ label: 'fine' }, { label: 'bad\u0000' }], category: '\ud800' },
      n: 3,
      at: new Date(),
    };
    expect(textProblems(command).map((i) => i.path.join('.'))).toEqual(['draft.options.1.label', 'draft.category']);
    expect(textProblems({ ['k\u0007']: 'v' })[0]?.message).toMatch(/^name must not contain control/);
    expect(() => assertCleanText({ text: '\u001b[2J' })).toThrow(InputError);
    expect(() => assertCleanText({ text: 'clean' })).not.toThrow();
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(textProblems(deep)[0]?.message).toBe('nested too deeply');
  });
});
