import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { appendRecord, loadRecord, recordHead } from '../../db/record';
import { insertBallots, markDraftOpened } from '../../db/votes';
import { lockSitting, setSittingState } from '../../db/sittings';
import { applyAgendaAmendment } from '../../db/agenda-amendments';
import { deleteVoteKeys, insertSecretBallots } from '../../db/secret-ballots';
import { insertExclusion, liftExclusion, recordExclusionObjection } from '../../db/order-exclusions';
import { contextAfter } from '../../domain/procedure/agenda-amendments';
import { decide } from '../../domain/procedure/decide';
import { changesOf, type CommitChanges } from '../../domain/procedure/commit-changes';
import { evolve, initialState, type ProcedureState } from '../../domain/procedure/state';
import type { Actor, ProcedureCommand } from '../../domain/procedure/commands';
import type { ProcedureEvent, RecordedEvent } from '../../domain/procedure/events';
import { assertStorable, type StoredEntry } from '../../domain/record';
import { outsideRequest, type Logger } from '../../log';
import { loadSittingContext } from './context';
import { blamesACommand, unwritable } from './write-failure';

export interface Submission {
  readonly actor: Actor;
  readonly command: ProcedureCommand;
}

/** What one accepted command appended (possibly nothing: an idempotent repeat). */
export interface Outcome {
  readonly entries: readonly StoredEntry[];
}

interface Pending extends Submission {
  resolve(o: Outcome): void;
  reject(e: unknown): void;
}

/** What one batch committed, as published: the entries appended and what they changed (classified here, once). */
export interface Commit {
  readonly entries: readonly StoredEntry[];
  readonly changes: CommitChanges;
}

/** How stale a read may be with respect to commits made by other processes. */
const CATCH_UP_INTERVAL_MS = 250;

/** Commands are decided in batches of at most this many, in one transaction. */
const MAX_BATCH = 500;

type Result = { ok: true; from: number; to: number } | { ok: false; error: unknown };
interface Committed {
  readonly stored: StoredEntry[];
  readonly state: ProcedureState;
  readonly results: readonly Result[];
}
type Attempt = ({ ok: true } & Committed) | { ok: false; error: unknown };

function toRecorded(e: StoredEntry): RecordedEvent {
  return { seq: e.seq, at: e.at, actorId: e.actorId, event: e.event };
}

/**
 * The one writer of a sitting's record in this process. Commands queue up; each batch runs in one
 * transaction: take the record head (an advisory lock, so other processes wait), catch up with
 * entries written elsewhere, decide each command against the state so far (a refusal rejects only
 * that command), append all events, update the side tables, commit, then answer and publish.
 * Group commit keeps a burst of 700 ballots to a handful of transactions.
 */
export class SittingEngine {
  private state: ProcedureState = initialState;
  private seq = 0;
  private loaded = false;
  private loading: Promise<void> | undefined;
  private queue: Pending[] = [];
  private draining = false;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly sittingId: string,
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly committed: (commit: Commit, state: ProcedureState) => void,
  ) {}

  /** The state as of the last commit seen by this process (reads may lag other processes by one commit). */
  async snapshot(): Promise<{ state: ProcedureState; seq: number }> {
    // Never the empty state of an engine that has not read its record yet, even while a batch runs.
    await this.ensureLoaded();
    // While a batch runs it refreshes the state itself; reading the record beside it could fold twice.
    // Otherwise look for entries other processes appended, at most once per interval: a commit
    // here wakes hundreds of subscribers at once, and each asks for a snapshot.
    if (!this.draining && this.now().getTime() - this.checkedAt >= CATCH_UP_INTERVAL_MS) {
      this.checking ??= this.catchUp(this.db).finally(() => {
        this.checkedAt = this.now().getTime();
        this.checking = undefined;
      });
      await this.checking;
    }
    return { state: this.state, seq: this.seq };
  }

  submit(actor: Actor, command: ProcedureCommand): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ actor, command, resolve, reject });
      // The batch serves many requests: its log lines and the timers it arms belong to none of them.
      if (!this.draining) outsideRequest(() => void this.drain());
    });
  }

  /** Resolves once no command is queued or being committed (for a graceful stop). */
  idle(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The first read of the record, shared by every caller; tried again after a failure. */
  private ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.catchUp(this.db).then(
      () => {
        this.loaded = true;
        this.checkedAt = this.now().getTime();
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async catchUp(db: Kysely<Database>): Promise<void> {
    const newer = await loadRecord(db, this.sittingId, this.seq);
    // Another catch-up may have folded some of these while this one waited for the database.
    for (const e of newer) {
      if (e.seq <= this.seq) continue;
      this.state = evolve(this.state, toRecorded(e));
      this.seq = e.seq;
    }
  }

  /**
   * After a batch that committed nothing: fold the record again from the start, beside the state
   * served now, and swap when done. Until then (and if the database does not answer) readers keep
   * the last committed state; the next batch compares it with the record head under the lock.
   */
  private async reload(): Promise<void> {
    try {
      const entries = await loadRecord(this.db, this.sittingId);
      let state = initialState;
      for (const e of entries) state = evolve(state, toRecorded(e));
      this.state = state;
      this.seq = entries.at(-1)?.seq ?? 0;
      this.checkedAt = this.now().getTime();
    } catch (error) {
      this.log.warn('reload() | record unreadable; keeping the last committed state', { sitting: this.sittingId, error: String(error) });
    }
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.run(batch);
      }
    } finally {
      this.draining = false;
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /**
   * One batch, one transaction. If the database refuses it for something a command carries (a data
   * or integrity error: see blamesACommand), the batch is halved and each half tried again, down to
   * the one culprit, so one member's command cannot fail the others'. Any other failure (connection,
   * lock, timeout) fails the whole batch: retrying command by command would only multiply the load.
   */
  private async run(batch: Pending[]): Promise<void> {
    try {
      await this.ensureLoaded();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    const attempt = await this.attempt(batch);
    if (attempt.ok) {
      this.settle(batch, attempt);
      return;
    }
    const { error } = attempt;
    if (blamesACommand(error) && batch.length > 1) {
      this.log.warn('run() | batch refused by the database; retrying in halves', { sitting: this.sittingId, commands: batch.length, error: String(error) });
      const half = Math.ceil(batch.length / 2);
      await this.run(batch.slice(0, half));
      await this.run(batch.slice(half));
      return;
    }
    // Nothing of this batch was committed: every command in it fails, none is acknowledged.
    this.log.error('run() | batch failed', { sitting: this.sittingId, commands: batch.length, error: String(error) });
    await this.reload();
    const refusal = batch.length === 1 && blamesACommand(error) ? unwritable(error) : error;
    for (const p of batch) p.reject(refusal);
  }

  private async attempt(batch: readonly Pending[]): Promise<Attempt> {
    const results: Result[] = [];
    let state = this.state;
    try {
      const stored = await this.db.transaction().execute(async (tx) => {
        const head = await recordHead(tx, this.sittingId);
        if (head.seq !== this.seq) {
          await this.catchUp(tx);
          if (this.seq !== head.seq) throw new Error(`record of ${this.sittingId} changed under the lock (${this.seq} ≠ ${head.seq})`);
        }
        state = this.state;
        // A change of the agenda rewrites the sitting's agenda_items: take the sitting's row lock, as
        // the back office does for its edits, before reading the agenda the decisions see.
        if (batch.some((p) => p.command.kind === 'agenda.amend')) await lockSitting(tx, this.sittingId);
        // Opening reads the exclusions of earlier sittings it must carry (a query other batches need not make).
        let context = await loadSittingContext(tx, this.sittingId, { exclusions: batch.some((p) => p.command.kind === 'sitting.open') });
        const items: { at: Date; actorId: string | null; event: ProcedureEvent }[] = [];
        const voters: (string | null)[] = [];
        let seq = this.seq;
        for (const p of batch) {
          const at = this.now();
          try {
            const events = decide(state, p.command, {
              now: at,
              actor: p.actor,
              sitting: context,
              newId: randomUUID,
              // The lot of an election: drawn here, recorded in the result, never drawn again on a replay.
              randomInt: (bound) => randomInt(bound),
            });
            // What the record cannot hold is refused here, for this command alone, not by the insert for all.
            assertStorable(events);
            const from = seq + 1;
            let next = state;
            for (const event of events) {
              seq += 1;
              // A pseudonymous ballot names nobody in the record.
              const actorId = event.kind === 'ballot.cast' && event.pseudonym !== null ? null : p.actor.personId;
              next = evolve(next, { seq, at: at.toISOString(), actorId, event });
              items.push({ at, actorId, event });
              voters.push(event.kind === 'ballot.cast' ? p.actor.personId : null);
            }
            state = next;
            // The next command of the batch sees the agenda as this one left it (the table follows below).
            context = contextAfter(context, events);
            results.push({ ok: true, from, to: seq });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
        const appended = await appendRecord(tx, this.sittingId, items);
        await this.applySideTables(tx, appended, voters);
        return appended;
      });
      return { ok: true, stored, state, results };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private settle(batch: readonly Pending[], { stored, state, results }: Committed): void {
    this.state = state;
    if (stored.length) this.seq = stored.at(-1)!.seq;
    this.checkedAt = this.now().getTime();
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve({ entries: stored.filter((e) => e.seq >= r.from && e.seq <= r.to) });
      else p.reject(r.error);
    });
    if (stored.length) this.committed({ entries: stored, changes: changesOf(stored.map((e) => e.event)) }, state);
  }

  /**
   * Tables kept beside the record: one ballot row per member, or per spent token of a secret vote
   * (the database's own guard), the sitting's state, opened drafts, the agenda; a secret vote's
   * signing key goes with its close or cancellation.
   */
  private async applySideTables(tx: Transaction<Database>, entries: readonly StoredEntry[], voters: readonly (string | null)[]): Promise<void> {
    const ballots = [];
    const secretBallots = [];
    for (const [i, e] of entries.entries()) {
      const ev = e.event;
      switch (ev.kind) {
        case 'ballot.cast':
          if (ev.tokenHash) {
            secretBallots.push({ voteId: ev.voteId, tokenHash: ev.tokenHash, optionId: ev.optionId });
            break;
          }
          ballots.push({
            voteId: ev.voteId,
            personId: voters[i]!,
            sittingId: this.sittingId,
            optionId: ev.optionId,
            pseudonym: ev.pseudonym,
            seq: e.seq,
            castAt: new Date(e.at),
          });
          break;
        case 'sitting.opened':
        case 'sitting.resumed':
          await setSittingState(tx, this.sittingId, 'open');
          break;
        case 'sitting.suspended':
          await setSittingState(tx, this.sittingId, 'suspended');
          break;
        case 'sitting.closed':
          await setSittingState(tx, this.sittingId, 'closed');
          break;
        case 'vote.opened':
          await markDraftOpened(tx, ev.definition.voteId, new Date(e.at));
          break;
        case 'agenda.amended':
          await applyAgendaAmendment(tx, this.sittingId, ev.change, ev.order);
          break;
        case 'vote.closed':
        case 'vote.cancelled':
          await deleteVoteKeys(tx, ev.voteId);
          break;
        case 'order.excluded':
          await insertExclusion(tx, {
            exclusionId: ev.exclusionId,
            personId: ev.person.personId,
            sittingId: this.sittingId,
            sittingDays: ev.sittingDays,
            excludedAt: new Date(e.at),
          });
          break;
        case 'order.objection_recorded':
          await recordExclusionObjection(tx, ev.exclusionId, ev.text);
          break;
        case 'order.objection_decided':
          if (ev.upheld) await liftExclusion(tx, ev.exclusionId, new Date(e.at));
          break;
        default:
          break;
      }
    }
    await insertBallots(tx, ballots);
    await insertSecretBallots(tx, secretBallots);
  }
}
