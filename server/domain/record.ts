/**
 * The sitting's record as a hash chain. Each entry carries the SHA-256 of the previous entry and the
 * SHA-256 over that previous hash and its own canonical content, so editing, deleting, inserting or
 * reordering any entry breaks the chain from that entry on.
 *
 * What the chain alone cannot show: entries cut off at the end (the shorter chain is still a valid
 * chain), or a whole tail rewritten with fresh hashes by someone with write access. Both are caught
 * by comparing with a head hash published earlier — the protocol and the published results print it,
 * and `npm run verify-record -- <sitting> --head <hash>` checks that the record still contains it.
 *
 * Pure: hashing is computation (node:crypto), no I/O.
 */
import { createHash } from 'node:crypto';
import { InputError } from './errors';
import type { ProcedureEvent } from './procedure/events';

/** prev_hash of the first entry of every record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one entry's hash covers. `at` is an ISO instant with milliseconds (Date#toISOString). */
export interface RecordContent {
  readonly sittingId: string;
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly event: ProcedureEvent;
}

/** An entry as stored: its content and the two hashes. */
export interface StoredEntry extends RecordContent {
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainProblem = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'seq_duplicate' | 'wrong_sitting';

export type ChainVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | { readonly ok: false; readonly seq: number; readonly problem: ChainProblem; readonly message: string };

// Lone surrogates and U+0000 cannot be kept exactly by PostgreSQL's jsonb (or encoded as UTF-8):
// content that cannot come back unchanged must not be hashed in the first place.
// eslint-disable-next-line no-control-regex -- U+0000 is what this finds
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * JSON with object keys sorted (by UTF-16 code units), no whitespace, numbers as ECMAScript prints
 * them (shortest round-trip form, as in RFC 8785). Accepts only what survives a JSON round trip
 * unchanged: null, booleans, finite numbers, well-formed strings, arrays and plain objects. Throws a
 * TypeError naming the path for undefined, NaN/Infinity, functions, symbols, bigints, class instances
 * (Date included: pass ISO strings), sparse arrays and cycles.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', []);
}

function write(value: unknown, path: string, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      if (unstorable.test(value)) throw new TypeError(`canonicalJson: string with U+0000 or a lone surrogate at ${path}`);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} at ${path}`);
      return JSON.stringify(value); // -0 prints as 0
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.includes(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
      const inner = [...ancestors, value];
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new TypeError(`canonicalJson: hole in array at ${path}[${i}]`);
          parts.push(write(value[i], `${path}[${i}]`, inner));
        }
        return `[${parts.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: ${value.constructor?.name ?? 'non-plain object'} at ${path} (plain objects only)`);
      }
      if (Object.getOwnPropertySymbols(value).length) throw new TypeError(`canonicalJson: symbol key at ${path}`);
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      return `{${keys
        .map((k) => {
          if (unstorable.test(k)) throw new TypeError(`canonicalJson: key with U+0000 or a lone surrogate at ${path}`);
          return `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`, inner)}`;
        })
        .join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${typeof value} at ${path}`);
  }
}

/** Refuses events the record could not hold (what canonicalJson refuses), before they reach a batch. */
export function assertStorable(events: readonly ProcedureEvent[]): void {
  for (const event of events) {
    try {
      canonicalJson(event);
    } catch (error) {
      throw new InputError([{ path: [], message: `cannot be written to the record: ${(error as Error).message}` }]);
    }
  }
}

/** hex SHA-256 of `prevHash + "\n" + canonicalJson(content)`. */
export function entryHash(prevHash: string, content: RecordContent): string {
  const canonical = canonicalJson({
    sittingId: content.sittingId,
    seq: content.seq,
    at: content.at,
    actorId: content.actorId,
    event: content.event,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/**
 * Chains new entries onto a head: `prevHash` is the hash of the last stored entry (GENESIS_HASH for
 * an empty record) and `startSeq` the seq of the first new entry (the head's seq + 1).
 */
export function chainEntries(
  prevHash: string,
  startSeq: number,
  sittingId: string,
  items: readonly { at: string; actorId: string | null; event: ProcedureEvent }[],
): { content: RecordContent; prevHash: string; hash: string }[] {
  const out: { content: RecordContent; prevHash: string; hash: string }[] = [];
  let prev = prevHash;
  items.forEach((item, i) => {
    const content: RecordContent = { sittingId, seq: startSeq + i, at: item.at, actorId: item.actorId, event: item.event };
    const hash = entryHash(prev, content);
    out.push({ content, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}

/**
 * Recomputes a whole record from seq 1 (entries ordered by seq, as loadRecord returns them) and names
 * the first entry that does not match. With `after`, verifies a continuation of a chain already
 * verified up to that entry. An empty record is intact, with head GENESIS_HASH (or `after.hash`).
 */
export function verifyChain(entries: readonly StoredEntry[], after?: { readonly seq: number; readonly hash: string }): ChainVerification {
  const sittingId = entries[0]?.sittingId;
  let prevSeq = after?.seq ?? 0;
  let prevHash = after?.hash ?? GENESIS_HASH;
  for (const e of entries) {
    const expected = prevSeq + 1;
    if (e.sittingId !== sittingId) {
      return fail(e.seq, 'wrong_sitting', `entry ${e.seq} belongs to sitting ${e.sittingId}, not ${sittingId}`);
    }
    if (e.seq === prevSeq && expected > 1) {
      return fail(e.seq, 'seq_duplicate', `seq ${e.seq} appears twice`);
    }
    if (e.seq !== expected) {
      return fail(e.seq, 'seq_gap', `expected seq ${expected}, found ${e.seq}`);
    }
    if (e.prevHash !== prevHash) {
      const predecessor = prevSeq === 0 ? 'the chain starts at the genesis hash' : `entry ${prevSeq} hashes to ${short(prevHash)}`;
      return fail(e.seq, 'prev_hash_mismatch', `entry ${e.seq} names ${short(e.prevHash)} as its predecessor, but ${predecessor}`);
    }
    let actual: string;
    try {
      actual = entryHash(e.prevHash, e);
    } catch (error) {
      return fail(e.seq, 'hash_mismatch', `entry ${e.seq} cannot be hashed: ${(error as Error).message}`);
    }
    if (actual !== e.hash) {
      return fail(e.seq, 'hash_mismatch', `entry ${e.seq} (${kindOf(e.event)}) hashes to ${short(actual)}, stored ${short(e.hash)}: its content was changed`);
    }
    prevSeq = e.seq;
    prevHash = e.hash;
  }
  return { ok: true, entries: entries.length, head: prevHash };
}

function fail(seq: number, problem: ChainProblem, message: string): ChainVerification {
  return { ok: false, seq, problem, message };
}

function kindOf(event: unknown): string {
  const kind = event !== null && typeof event === 'object' ? (event as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : 'no kind';
}

function short(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
}
