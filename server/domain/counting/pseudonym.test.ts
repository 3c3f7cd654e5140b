import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { parseReceipt, pseudonymFor, pseudonymPattern, receiptCode, receiptMatches } from './pseudonym';

const secret = '0123456789abcdef0123456789abcdef';
const entryHash = 'ab'.repeat(32);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Decodes the 8 base32 characters of a pseudonym back to its 40 bits, as hex. */
function bitsOf(pseudonym: string): string {
  const chars = pseudonym.replace(/^P-|-/g, '');
  let value = 0n;
  for (const ch of chars) value = value * 32n + BigInt(CROCKFORD.indexOf(ch));
  return value.toString(16).padStart(10, '0');
}

describe('pseudonymFor', () => {
  it('is fixed forever for given inputs (records keep pseudonyms)', () => {
    expect(pseudonymFor(secret, 'vote-1', 'person-1')).toBe('P-BVK4-EF1M');
  });

  it('is the first 40 bits of HMAC-SHA256(secret, ["plenum/pseudonym/v1", vote, person]) in Crockford base32', () => {
    for (const person of ['person-1', 'person-2', 'ä/"x"', '42']) {
      const mac = createHmac('sha256', secret)
        .update(JSON.stringify(['plenum/pseudonym/v1', 'vote-9', person]))
        .digest();
      expect(bitsOf(pseudonymFor(secret, 'vote-9', person))).toBe(mac.subarray(0, 5).toString('hex'));
    }
  });

  it('is short and readable, stable per vote, and differs between people, votes and secrets', () => {
    const p = pseudonymFor(secret, 'vote-1', 'person-1');
    expect(p).toMatch(pseudonymPattern);
    expect(pseudonymFor(secret, 'vote-1', 'person-1')).toBe(p);
    expect(pseudonymFor(secret, 'vote-2', 'person-1')).not.toBe(p);
    expect(pseudonymFor(`${secret}x`, 'vote-1', 'person-1')).not.toBe(p);
    // The parts cannot be shifted into each other: ("vote-1", "0") is not ("vote-", "10").
    expect(pseudonymFor(secret, 'vote-1', '0')).not.toBe(pseudonymFor(secret, 'vote-', '10'));
  });

  it('gives 700 members 700 different pseudonyms', () => {
    const all = new Set(Array.from({ length: 700 }, (_, i) => pseudonymFor(secret, 'vote-1', `member-${i}`)));
    expect(all.size).toBe(700);
  });

  it('refuses a short secret and empty ids', () => {
    expect(() => pseudonymFor('short', 'v', 'p')).toThrow(/voteSecret: must have at least 16 characters/);
    expect(() => pseudonymFor(secret, '', 'p')).toThrow(InputError);
    expect(() => pseudonymFor(secret, 'v', '')).toThrow(/personId/);
  });
});

describe('receipts', () => {
  const pseudonym = pseudonymFor(secret, 'vote-1', 'person-1');
  const code = receiptCode({ pseudonym, seq: 57, optionId: 'yes', entryHash });
  const published = { pseudonym, seq: 57, optionId: 'yes', entryHash };

  it('reads who / entry number / option / entry hash prefix', () => {
    expect(code).toBe('P-BVK4-EF1M/57/yes/abababababab');
    expect(parseReceipt(code)).toEqual({ pseudonym, seq: 57, optionId: 'yes', entry: 'abababababab' });
    expect(receiptCode({ pseudonym, seq: 57, optionId: 'yes', entryHash: entryHash.toUpperCase() })).toBe(code);
  });

  it('works for named votes, where the list shows the name', () => {
    const named = receiptCode({ pseudonym: null, seq: 3, optionId: 'no', entryHash });
    expect(named).toBe('named/3/no/abababababab');
    expect(receiptMatches(named, { pseudonym: null, seq: 3, optionId: 'no', entryHash })).toBe(true);
    expect(receiptMatches(named, { pseudonym, seq: 3, optionId: 'no', entryHash })).toBe(false);
  });

  it('matches the published ballot, and nothing else', () => {
    expect(receiptMatches(code, published)).toBe(true);
    expect(receiptMatches(`  ${code}\n`, published)).toBe(true);
    expect(receiptMatches(code, { ...published, optionId: 'no' })).toBe(false);
    expect(receiptMatches(code, { ...published, pseudonym: 'P-0000-0000' })).toBe(false);
    expect(receiptMatches(code, { ...published, seq: 58 })).toBe(false);
    // A record rebuilt with new hashes no longer matches.
    expect(receiptMatches(code, { ...published, entryHash: `ff${entryHash.slice(2)}` })).toBe(false);
    expect(receiptMatches('not a receipt', published)).toBe(false);
  });

  it('keeps option ids that contain slashes intact', () => {
    const odd = receiptCode({ pseudonym, seq: 9, optionId: 'a/b', entryHash });
    expect(parseReceipt(odd)).toEqual({ pseudonym, seq: 9, optionId: 'a/b', entry: 'abababababab' });
  });

  it('refuses bad input', () => {
    expect(() => receiptCode({ pseudonym: 'alice', seq: 1, optionId: 'yes', entryHash })).toThrow(/pseudonym/);
    expect(() => receiptCode({ pseudonym, seq: 1, optionId: 'yes', entryHash: 'abc' })).toThrow(/entryHash/);
    expect(() => receiptCode({ pseudonym, seq: 0, optionId: 'yes', entryHash })).toThrow(/seq/);
    expect(() => receiptCode({ pseudonym, seq: 1, optionId: '', entryHash })).toThrow(/optionId/);
  });
});
