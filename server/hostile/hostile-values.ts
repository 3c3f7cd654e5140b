/**
 * Values a hostile client sends: text with NUL and other control characters, lone surrogates,
 * right-to-left overrides, huge strings, numbers at and beyond every limit, wrong types, deep JSON.
 */
import type { Rng } from './fuzz-random';

export const maxHugeString = 256 * 1024;

const fragments = [
  '\u0000',
  '\u0001\u0002\u0003\u0007\u0008\u000b\u000c\u001b\u007f',
  '\u0085\u009f',
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\ud83d',
  '\u202e\u2066evil\u2069',
  '\ufeff\ufffe\uffff',
  '\r\n\t',
  '😀👨‍👩‍👧‍👦',
  'Ω≈ç√∫',
  "'; drop table people; --",
  '"}]}{[',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '\\u0000',
  'sitting-42',
  'j.brandt',
  'NaN',
  '-0',
  'null',
  '',
  ' ',
];

/** `small`: for values inside containers, so one value stays within a few KB and one input within a few hundred. */
export function hostileString(rng: Rng, small = false): string {
  const kind = rng.weighted<'short' | 'mixed' | 'long' | 'huge' | 'plain'>([
    [20, 'plain'],
    [40, 'mixed'],
    [20, 'short'],
    [small ? 0 : 15, 'long'],
    [small ? 0 : 5, 'huge'],
  ]);
  switch (kind) {
    case 'plain':
      return rng.pick(['hostile', 'x', 'de', 'fr', 'sitting-42', 'sda', 'speech', 'SPEECH', '#112233', '2030-01-01T09:00:00Z']);
    case 'short':
      return rng.pick(fragments);
    case 'mixed': {
      let s = '';
      for (let i = rng.int(1, 8); i > 0; i--) s += rng.chance(0.5) ? rng.pick(fragments) : String.fromCharCode(rng.int(0, 0xffff));
      return s;
    }
    case 'long':
      return rng.pick(fragments).repeat(rng.int(100, 5000)) || 'a'.repeat(rng.int(1000, 10000));
    case 'huge':
      return rng.pick(['A', '\u0000', '\ud800', 'é', '😀']).repeat(Math.floor(rng.int(16 * 1024, maxHugeString) / 2));
  }
}

export function hostileNumber(rng: Rng): number {
  return rng.pick([
    0,
    -1,
    1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    1.5,
    -0.0001,
    1e-320,
    86400 * 365 * 1000,
    rng.int(-1000, 100000),
  ]);
}

/** Any JSON value, `depth` levels deep at most; sometimes very deep. Big strings only at the top. */
export function hostileJson(rng: Rng, depth = 3, nested = false): unknown {
  if (depth <= 0) return rng.pick<unknown>([null, true, 0, 'x']);
  const kind = rng.weighted<'string' | 'number' | 'bool' | 'null' | 'array' | 'object' | 'deep'>([
    [30, 'string'],
    [15, 'number'],
    [5, 'bool'],
    [5, 'null'],
    [15, 'array'],
    [25, 'object'],
    [2, 'deep'],
  ]);
  switch (kind) {
    case 'string':
      return hostileString(rng, nested);
    case 'number':
      return hostileNumber(rng);
    case 'bool':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array':
      // A long array holds scalars only: length, not volume, is what it tests.
      return rng.chance(0.05)
        ? Array.from({ length: rng.int(100, 5000) }, () => rng.int(-9, 9))
        : Array.from({ length: rng.int(0, 4) }, () => hostileJson(rng, depth - 1, true));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 5); i > 0; i--)
        o[
          rng.chance(0.7)
            ? rng.pick(['id', 'data', 'method', '__proto__', 'constructor', 'toString', 'kind', 'type', 'payload'])
            : hostileString(rng, true).slice(0, 100)
        ] = hostileJson(rng, depth - 1, true);
      return o;
    }
    case 'deep': {
      let v: unknown = 1;
      for (let i = rng.int(100, 3000); i > 0; i--) v = rng.chance(0.5) ? [v] : { a: v };
      return v;
    }
  }
}
