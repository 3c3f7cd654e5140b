import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RecordEntryRow } from './database';
import type { ProcedureEvent } from '../domain/procedure/events';
import { chainEntries, GENESIS_HASH, type StoredEntry } from '../domain/record';

/** Class id of the record's advisory locks ("RECD"): keeps them apart from any other advisory lock. */
const RECORD_LOCK_CLASS = 0x52454344;
/** Rows per insert statement: 8 parameters a row stays far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 4000;

/**
 * The stored entry of a row. The event's `kind` is taken from the kind column (the payload holds it
 * too): the query column is covered by the hash like the payload, so editing one without the other
 * shows up as a hash mismatch.
 */
export function rowToStoredEntry(r: RecordEntryRow & { at_exact?: string }): StoredEntry {
  return {
    sittingId: r.sitting_id,
    seq: r.seq,
    at: exactInstant(r.at, r.at_exact),
    actorId: r.actor_id,
    event: { ...r.payload, kind: r.kind } as ProcedureEvent,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The instant as appended (ISO, milliseconds), unless the stored value has more precision than a Date
 * (timestamptz keeps microseconds): then the exact value, so an edit below the millisecond shows.
 */
function exactInstant(at: Date, exact: string | undefined): string {
  const iso = at.toISOString();
  if (exact === undefined || exact.slice(0, 23) !== iso.slice(0, 23) || exact.slice(23, 26) === '000') return iso;
  return exact;
}

/** The sitting's record ordered by seq; with `afterSeq`, only the entries after it; with `throughSeq`, up to and including it. */
export async function loadRecord(db: Kysely<Database>, sittingId: string, afterSeq?: number, throughSeq?: number): Promise<StoredEntry[]> {
  let q = db
    .selectFrom('record_entries')
    .selectAll()
    .select(sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_exact'))
    .where('sitting_id', '=', sittingId);
  if (afterSeq !== undefined) q = q.where('seq', '>', afterSeq);
  if (throughSeq !== undefined) q = q.where('seq', '<=', throughSeq);
  return (await q.orderBy('seq').execute()).map(rowToStoredEntry);
}

/**
 * Locks the sitting's record until the transaction ends (pg_advisory_xact_lock; other writers of
 * this sitting wait), then reads the last entry: seq 0 and GENESIS_HASH when the record is empty.
 * NOTE: under READ COMMITTED (the default) the read after the lock sees every entry committed before
 * it. Under REPEATABLE READ or SERIALIZABLE the snapshot may predate the lock: then the primary key
 * (sitting_id, seq) refuses the fork with a unique violation, and the caller must retry.
 */
export async function recordHead(tx: Transaction<Database>, sittingId: string): Promise<{ seq: number; hash: string }> {
  await sql`select pg_advisory_xact_lock(${RECORD_LOCK_CLASS}::integer, hashtext(${sittingId}))`.execute(tx);
  return peekRecordHead(tx, sittingId);
}

/**
 * Appends events to the sitting's record: takes the head (locked), chains the items onto it and
 * inserts them (one statement up to 4,000 entries). Returns the entries as stored. Nothing to append:
 * returns [] without locking.
 */
export async function appendRecord(
  tx: Transaction<Database>,
  sittingId: string,
  items: readonly { at: Date; actorId: string | null; event: ProcedureEvent }[],
): Promise<StoredEntry[]> {
  if (items.length === 0) return [];
  const head = await recordHead(tx, sittingId);
  const chained = chainEntries(
    head.hash,
    head.seq + 1,
    sittingId,
    items.map((i) => ({ at: i.at.toISOString(), actorId: i.actorId, event: i.event })),
  );
  const rows = chained.map(({ content, prevHash, hash }) => ({
    sitting_id: content.sittingId,
    seq: content.seq,
    at: content.at,
    actor_id: content.actorId,
    kind: content.event.kind,
    payload: JSON.stringify(content.event),
    prev_hash: prevHash,
    hash,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx
      .insertInto('record_entries')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  return chained.map(({ content, prevHash, hash }) => ({ ...content, prevHash, hash }));
}

/** The newest entry's seq and hash, without a lock: a cheap check whether a record has changed. */
export async function peekRecordHead(db: Kysely<Database>, sittingId: string): Promise<{ seq: number; hash: string }> {
  const last = await db
    .selectFrom('record_entries')
    .select(['seq', 'hash'])
    .where('sitting_id', '=', sittingId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ?? { seq: 0, hash: GENESIS_HASH };
}
