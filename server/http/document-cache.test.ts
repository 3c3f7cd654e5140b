import { describe, expect, it } from 'vitest';
import { boundedDocumentCache } from './document-cache';

describe('the bounded document cache', () => {
  it('keeps sources up to its size, dropping the least recently used first', () => {
    const cache = boundedDocumentCache<number>({ maxChars: 30, maxSourceChars: 20 });
    cache.set('a'.repeat(10), 1);
    cache.set('b'.repeat(10), 2);
    cache.set('c'.repeat(10), 3);
    expect(cache.get('a'.repeat(10))).toBe(1); // now the most recently used
    cache.set('d'.repeat(10), 4);
    expect(cache.get('b'.repeat(10))).toBeUndefined();
    expect([cache.get('a'.repeat(10)), cache.get('c'.repeat(10)), cache.get('d'.repeat(10))]).toEqual([1, 3, 4]);
  });

  it('does not keep a source larger than its per-source limit, nor count one twice', () => {
    const cache = boundedDocumentCache<number>({ maxChars: 30, maxSourceChars: 20 });
    cache.set('x'.repeat(21), 1);
    expect(cache.get('x'.repeat(21))).toBeUndefined();
    cache.set('y'.repeat(15), 2);
    cache.set('y'.repeat(15), 2);
    cache.set('z'.repeat(15), 3);
    expect([cache.get('y'.repeat(15)), cache.get('z'.repeat(15))]).toEqual([2, 3]);
  });

  it('holds at most its size in sources after a flood of distinct documents', () => {
    const cache = boundedDocumentCache<string>({ maxChars: 128 * 1024, maxSourceChars: 16 * 1024 });
    for (let i = 0; i < 5000; i++) cache.set(`{ a${i}: me { name } ${' '.repeat(i % 4000)} }`, 'ast');
    let held = 0;
    for (let i = 0; i < 5000; i++) {
      const source = `{ a${i}: me { name } ${' '.repeat(i % 4000)} }`;
      if (cache.get(source) !== undefined) held += source.length;
    }
    expect(held).toBeLessThanOrEqual(128 * 1024);
    expect(held).toBeGreaterThan(64 * 1024);
  });
});
