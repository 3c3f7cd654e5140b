/**
 * Yoga's cache of parsed documents (and of parse errors), bounded by the size of what it holds
 * rather than only by count. Yoga's default keeps 1,024 entries whatever their size: a visitor's
 * thousand distinct 60 KB documents (7 MB of syntax tree each) would stay in memory for an hour. The
 * client's own operations are a few dozen of under 10 KB each, and fit many times over.
 */
export interface DocumentCache<T> {
  get(source: string): T | undefined;
  set(source: string, value: T): void;
}

/** Least recently used first out, once the sources held exceed `maxChars`; larger sources are not kept. */
export function boundedDocumentCache<T>(opts: { maxChars: number; maxSourceChars: number }): DocumentCache<T> {
  const entries = new Map<string, T>();
  let chars = 0;
  return {
    get(source) {
      const value = entries.get(source);
      if (value === undefined) return undefined;
      // Map keeps insertion order: move it to the end, the most recently used.
      entries.delete(source);
      entries.set(source, value);
      return value;
    },
    set(source, value) {
      if (source.length > opts.maxSourceChars || entries.has(source)) return;
      entries.set(source, value);
      chars += source.length;
      for (const oldest of entries.keys()) {
        if (chars <= opts.maxChars) break;
        entries.delete(oldest);
        chars -= oldest.length;
      }
    },
  };
}
