/**
 * The admin log: every back-office change (who, when, what, before and after) as a hash chain, like
 * the sitting record (record.ts). It reuses the record's canonical JSON and genesis hash, so one
 * definition of "the same content" holds for both; only the content hashed differs.
 *
 * Pure: hashing is computation (node:crypto), no I/O.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH, type ChainProblem } from './record';

/** Who made a change: the signed-in account (and their person, if bound); `system` for seeding and scripts. */
export interface AdminActor {
  readonly username: string;
  readonly personId: string | null;
}

export const systemActor: AdminActor = { username: 'system', personId: null };

/** What one entry's hash covers. `at` is an ISO instant with milliseconds; before/after are JSON (null: none). */
export interface AdminLogContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: AdminActor;
  /** e.g. "person.update", "parliament.update". */
  readonly action: string;
  /** What was changed, e.g. "person:<id>", "parliament". */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface StoredAdminEntry extends AdminLogContent {
  readonly prevHash: string;
  readonly hash: string;
}

export type AdminLogVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | { readonly ok: false; readonly seq: number; readonly problem: Exclude<ChainProblem, 'wrong_sitting'>; readonly message: string };

/**
 * A value as JSON keeps it: Dates become ISO strings, undefined fields vanish. What the log stores
 * must hash the same after a round trip through jsonb.
 */
export function asLogged(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** hex SHA-256 of `prevHash + "\n" + canonicalJson(content)`, as record.ts hashes sitting entries. */
export function adminEntryHash(prevHash: string, content: AdminLogContent): string {
  const canonical = canonicalJson({
    seq: content.seq,
    at: content.at,
    actor: { username: content.actor.username, personId: content.actor.personId },
    action: content.action,
    subject: content.subject,
    before: content.before,
    after: content.after,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/** The next entry after a head (`null`: the log is empty). */
export function chainAdminEntry(head: { readonly seq: number; readonly hash: string } | null, item: Omit<AdminLogContent, 'seq'>): StoredAdminEntry {
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content: AdminLogContent = { ...item, seq: (head?.seq ?? 0) + 1 };
  return { ...content, prevHash, hash: adminEntryHash(prevHash, content) };
}

/** Recomputes the whole log from seq 1 (ordered by seq) and names the first entry that does not match. */
export function verifyAdminLog(entries: readonly StoredAdminEntry[]): AdminLogVerification {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  for (const e of entries) {
    if (e.seq === prevSeq && prevSeq > 0) return { ok: false, seq: e.seq, problem: 'seq_duplicate', message: `seq ${e.seq} appears twice` };
    if (e.seq !== prevSeq + 1) return { ok: false, seq: e.seq, problem: 'seq_gap', message: `expected seq ${prevSeq + 1}, found ${e.seq}` };
    if (e.prevHash !== prevHash) {
      return { ok: false, seq: e.seq, problem: 'prev_hash_mismatch', message: `entry ${e.seq} does not name entry ${prevSeq}'s hash as its predecessor` };
    }
    let actual: string;
    try {
      actual = adminEntryHash(e.prevHash, e);
    } catch (error) {
      return { ok: false, seq: e.seq, problem: 'hash_mismatch', message: `entry ${e.seq} cannot be hashed: ${(error as Error).message}` };
    }
    if (actual !== e.hash) return { ok: false, seq: e.seq, problem: 'hash_mismatch', message: `entry ${e.seq} (${e.action}) was changed` };
    prevSeq = e.seq;
    prevHash = e.hash;
  }
  return { ok: true, entries: entries.length, head: prevHash };
}
