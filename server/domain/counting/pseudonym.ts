/**
 * Pseudonyms and receipts for votes. Pure computation (HMAC-SHA256 from node:crypto); the per-vote
 * secret is made and kept by the service (e.g. 32 random bytes, base64url) and never leaves the server.
 *
 * Pseudonym: HMAC-SHA256(key = vote secret, message = ["plenum/pseudonym/v1", voteId, personId] as
 * JSON), first 40 bits in Crockford base32 → "P-7K3F-Q9X2". Stable for one person in one vote (so a
 * retry gets the same one), different in every vote, and without the secret nobody can tell whose
 * it is or link two votes. 40 bits: among 700 voters a collision has a chance of about 2 × 10⁻⁷;
 * the ballot store's uniqueness constraint on (vote, pseudonym) turns that into a clear error.
 *
 * Receipt: "<who>/<seq>/<optionId>/<entry>", e.g. "P-7K3F-Q9X2/57/yes/3f9a1c2b7d4e":
 *   - who: the pseudonym (pseudonymous vote) or "named" (named vote: the list shows the name);
 *   - seq: the position of the ballot's entry in the sitting's record;
 *   - optionId: what the member chose;
 *   - entry: the first 12 hex digits of that record entry's SHA-256 hash.
 * The member finds their pseudonym (or name) in the published list and checks that the option, the
 * entry number and the entry hash next to it are those on the receipt (receiptMatches). The entry
 * hash covers the ballot's content and the previous entry, so a changed ballot breaks the chain,
 * and a record rebuilt with fresh hashes no longer matches the receipts members hold. A receipt
 * cannot be forged for another option either: anyone can recompute the entry's hash from the
 * published record and see which option it holds. Nothing secret is in a receipt, and it is a
 * function of its inputs, so a retried ballot (same entry) gets the same receipt.
 * The formats are versioned ("v1" above) and must never change for existing records.
 */
import { createHmac } from 'node:crypto';
import { InputError, type InputIssue } from '../errors';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MIN_SECRET_LENGTH = 16;
const ENTRY_DIGITS = 12;

export const pseudonymPattern = /^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The first `chars` × 5 bits of `bytes` in Crockford base32. */
function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += CROCKFORD[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === chars) break;
  }
  return out;
}

function mac(secret: string, parts: readonly string[]): Buffer {
  return createHmac('sha256', secret).update(JSON.stringify(parts), 'utf8').digest();
}

function requireText(issues: InputIssue[], field: string, value: string, minLength = 1): void {
  if (typeof value !== 'string' || value.length < minLength) {
    issues.push({ path: [field], message: minLength > 1 ? `must have at least ${minLength} characters` : 'must not be empty' });
  }
}

export function pseudonymFor(voteSecret: string, voteId: string, personId: string): string {
  const issues: InputIssue[] = [];
  requireText(issues, 'voteSecret', voteSecret, MIN_SECRET_LENGTH);
  requireText(issues, 'voteId', voteId);
  requireText(issues, 'personId', personId);
  if (issues.length > 0) throw new InputError(issues);
  const code = base32(mac(voteSecret, ['plenum/pseudonym/v1', voteId, personId]), 8);
  return `P-${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface ReceiptInput {
  readonly optionId: string;
  /** The voter's pseudonym in a pseudonymous vote; null in a named vote. */
  readonly pseudonym: string | null;
  /** The ballot's entry in the sitting's record: its position and hex SHA-256 hash (≥ 12 digits). */
  readonly seq: number;
  readonly entryHash: string;
}

export interface Receipt {
  /** The pseudonym, or null for a named vote. */
  readonly pseudonym: string | null;
  readonly seq: number;
  readonly optionId: string;
  /** First 12 hex digits (lower case) of the ballot's record entry hash. */
  readonly entry: string;
}

const NAMED = 'named';
const hexHash = new RegExp(`^[0-9a-fA-F]{${ENTRY_DIGITS},}$`);

export function receiptCode(input: ReceiptInput): string {
  const issues: InputIssue[] = [];
  requireText(issues, 'optionId', input.optionId);
  if (input.pseudonym !== null && (typeof input.pseudonym !== 'string' || !pseudonymPattern.test(input.pseudonym))) {
    issues.push({ path: ['pseudonym'], message: 'must be a pseudonym like P-7K3F-Q9X2, or null for a named vote' });
  }
  if (!Number.isSafeInteger(input.seq) || input.seq < 1) issues.push({ path: ['seq'], message: 'must be a record position, 1 or more' });
  if (typeof input.entryHash !== 'string' || !hexHash.test(input.entryHash)) {
    issues.push({ path: ['entryHash'], message: `must be a hex hash of at least ${ENTRY_DIGITS} digits` });
  }
  if (issues.length > 0) throw new InputError(issues);
  return `${input.pseudonym ?? NAMED}/${input.seq}/${input.optionId}/${input.entryHash.slice(0, ENTRY_DIGITS).toLowerCase()}`;
}

const receiptShape = new RegExp(`^(P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|${NAMED})/([1-9][0-9]*)/(.+)/([0-9a-f]{${ENTRY_DIGITS}})$`, 's');

/** Splits a receipt into its parts (the option id may itself contain "/"); null if it is not one. */
export function parseReceipt(code: string): Receipt | null {
  const match = receiptShape.exec(code.trim());
  if (!match) return null;
  const [, who, seq, optionId, entry] = match;
  if (who === undefined || seq === undefined || optionId === undefined || entry === undefined) return null;
  return { pseudonym: who === NAMED ? null : who, seq: Number(seq), optionId, entry };
}

/** The member's check: does the published ballot match the receipt? */
export function receiptMatches(
  code: string,
  published: { readonly pseudonym: string | null; readonly seq: number; readonly optionId: string; readonly entryHash: string },
): boolean {
  const receipt = parseReceipt(code);
  return (
    receipt !== null &&
    receipt.pseudonym === published.pseudonym &&
    receipt.seq === published.seq &&
    receipt.optionId === published.optionId &&
    published.entryHash.toLowerCase().startsWith(receipt.entry)
  );
}
