import { randomInt, randomUUID } from 'node:crypto';
import type { AuthUser } from '../../auth';
import { decide } from '../../domain/procedure/decide';
import type { Person } from '../../domain/parliament';
import { findSittingsByIds, listActiveSittingIds } from '../../db/sittings';
import { deleteVoteDraft, findBallot, findVoteDraft, insertVoteDraft, listVoteDrafts, voteSecret } from '../../db/votes';
import { loadRecord } from '../../db/record';
import { loadProtocol } from '../protocol/protocol';
import { NotFoundError, RuleViolation } from '../../domain/errors';
import { assertCleanText } from '../../domain/text';
import type { Actor, ProcedureCommand, SittingContext, VoteDraft } from '../../domain/procedure/commands';
import type { ProcedureState } from '../../domain/procedure/state';
import { votesView } from '../../domain/procedure/views';
import { namedDemandStatus } from '../../domain/procedure/named-votes';
import { showOfHandsDraftProblem } from '../../domain/procedure/votes';
import { pseudonymFor, receiptCode } from '../../domain/counting/pseudonym';
import type { StoredEntry } from '../../domain/record';
import type { ServiceDeps } from '../context';
import { loadSittingContext, effectiveRulebook } from './context';
import { SittingEngine, type Commit, type Outcome } from './sitting-engine';
import { VoteTimers } from './vote-timers';
import { FloorTimers, type TimedFloor } from './floor-timers';
import { graceEndsAt } from '../../domain/procedure/clocks';
import { UpdateThrottle } from './update-throttle';
import { deleteVoteKey, insertVoteKey } from '../../db/secret-ballots';
import { requireMayTakeToken } from '../../domain/procedure/secret-ballots';
import { generateVoteKey } from './ballot-keys';
import { createSecretBallots } from './secret-ballots';
import { entrantOf } from './entrants';
import type { Entrant } from '../../domain/procedure/events';

const CONTEXT_CACHE_MS = 5_000;

export interface ProcedureSnapshot {
  readonly sittingId: string;
  readonly state: ProcedureState;
  readonly seq: number;
  readonly context: SittingContext;
  readonly now: Date;
}

export interface Receipt {
  readonly voteId: string;
  readonly optionId: string;
  readonly pseudonym: string | null;
  readonly seq: number;
  readonly entryHash: string;
  readonly code: string;
}

/**
 * Procedure of sittings: the only writer of their records. Resolvers hand it an actor and a command;
 * the domain decides; the engine appends and commits; subscribers and timers react to what committed.
 */
export function createProcedureService(deps: ServiceDeps, roster: { personOf(user: AuthUser): Promise<Person | undefined> }) {
  const { db, pubsub, log, now } = deps;
  const engines = new Map<string, SittingEngine>();
  /** Set by `drain()`: the process is stopping and takes no new command. */
  let closing = false;
  const timers = new VoteTimers(log.child('vote-timers'), now, async (sittingId, voteId) => {
    // A stopping process leaves the close to the next start, which re-arms the timer from the record.
    if (closing) return;
    try {
      await execute(sittingId, systemActor, { kind: 'vote.close', voteId, by: 'expired' });
    } catch (error) {
      // Refused (the clock stepped back, or the timer fired a hair early): arm again from the record.
      log.warn('vote timer | close refused; re-arming', { sitting: sittingId, vote: voteId, error: String(error) });
      const { state } = await (await engine(sittingId)).snapshot();
      timers.sync(sittingId, votesView(state), { retry: true });
    }
  });
  const floorTimers = new FloorTimers(log.child('floor-timers'), now, async (sittingId, floorId) => {
    if (closing) return;
    try {
      await execute(sittingId, systemActor, { kind: 'floor.expire', floorId });
    } catch (error) {
      log.warn('floor timer | end refused; re-arming', { sitting: sittingId, floor: floorId, error: String(error) });
      const { state } = await (await engine(sittingId)).snapshot();
      floorTimers.sync(sittingId, timedFloor(state, now()), { retry: true });
    }
  });
  const systemActor: Actor = { personId: null, roles: [] };

  const updates = new UpdateThrottle((sittingId, commit) => {
    pubsub.publish('procedure:committed', sittingId, { sittingId, ...commit });
    pubsub.publish('procedure:any', { sittingId, ...commit });
  });

  function committed(sittingId: string, commit: Commit, state: ProcedureState): void {
    timers.sync(sittingId, votesView(state));
    floorTimers.sync(sittingId, timedFloor(state, now()));
    if (commit.entries.some((e) => e.event.kind === 'agenda.amended')) {
      // The agenda changed with the record: the views read it fresh from the next snapshot on, and
      // whatever follows the sitting's agenda (its page, caches across sittings) hears it as any agenda edit.
      contexts.delete(sittingId);
      const event = { kind: 'agenda.changed' as const, sittingId, at: now() };
      pubsub.publish('sitting:events', sittingId, event);
      pubsub.publish('sittings:any', event);
    }
    updates.committed(sittingId, commit);
  }

  async function engine(sittingId: string): Promise<SittingEngine> {
    let e = engines.get(sittingId);
    if (!e) {
      if ((await findSittingsByIds(db, [sittingId])).length === 0) throw new NotFoundError('sitting', sittingId);
      e = engines.get(sittingId) ?? new SittingEngine(sittingId, db, log.child('engine'), now, (commit, state) => committed(sittingId, commit, state));
      engines.set(sittingId, e);
    }
    return e;
  }

  async function execute(sittingId: string, actor: Actor, command: ProcedureCommand): Promise<Outcome> {
    if (closing) throw new ShuttingDown();
    return (await engine(sittingId)).submit(actor, command);
  }

  // The roster and agenda a sitting's views read, kept until a roster or agenda change here says
  // otherwise, and for a few seconds at most (changes by other processes). Decisions always load
  // the context fresh inside their transaction.
  const contexts = new Map<string, { at: number; context: Promise<SittingContext> }>();
  function contextOf(sittingId: string): Promise<SittingContext> {
    const hit = contexts.get(sittingId);
    if (hit && now().getTime() - hit.at < CONTEXT_CACHE_MS) return hit.context;
    const context = loadSittingContext(db, sittingId);
    context.catch(() => contexts.delete(sittingId));
    contexts.set(sittingId, { at: now().getTime(), context });
    return context;
  }
  // Ended by stop(): a stopped service holds no listener on the pubsub.
  const rosterChanges = pubsub.subscribe('roster:events');
  const sittingChanges = pubsub.subscribe('sittings:any');
  void (async () => {
    for await (const _ of rosterChanges) contexts.clear();
  })();
  void (async () => {
    for await (const e of sittingChanges) contexts.delete(e.sittingId);
  })();

  /** One consistent read of a sitting's procedure: what every view and API field is derived from. */
  async function snapshot(sittingId: string): Promise<ProcedureSnapshot> {
    const e = await engine(sittingId);
    const { state, seq } = await e.snapshot();
    return { sittingId, state, seq, context: await contextOf(sittingId), now: now() };
  }

  async function requireEntryHash(sittingId: string, seq: number, hash: string): Promise<void> {
    await engine(sittingId); // an unknown sitting is NOT_FOUND first
    const [entry] = seq >= 1 ? await loadRecord(db, sittingId, seq - 1, seq) : [];
    if (!entry) throw new RuleViolation('protocol.not_correctable', `the record has no entry ${seq}`);
    if (entry.hash !== hash) throw new RuleViolation('protocol.hash_mismatch', `entry ${seq} has another hash: read the record again`);
  }

  function receiptOf(voteId: string, optionId: string, pseudonym: string | null, entry: StoredEntry): Receipt {
    return {
      voteId,
      optionId,
      pseudonym,
      seq: entry.seq,
      entryHash: entry.hash,
      code: receiptCode({ optionId, pseudonym, seq: entry.seq, entryHash: entry.hash }),
    };
  }

  async function receiptFor(sittingId: string, voteId: string, personId: string): Promise<Receipt | null> {
    const ballot = await findBallot(db, voteId, personId);
    if (!ballot) return null;
    const [entry] = await loadRecord(db, sittingId, ballot.seq - 1, ballot.seq);
    return entry ? receiptOf(voteId, ballot.option_id, ballot.pseudonym, entry) : null;
  }

  /** May this actor vote now? Asked of the rules themselves: a dry run of the first option. */
  async function mayVote(sittingId: string, actor: Actor, voteId: string): Promise<boolean> {
    if (!actor.personId) return false;
    const snap = await snapshot(sittingId);
    const vote = snap.state.votes[voteId];
    const first = vote?.definition.options[0];
    if (!vote || vote.status !== 'open' || !first) return false;
    if (vote.definition.kind === 'secret') {
      // A secret ballot is cast without the person: what they may do is take their token.
      try {
        requireMayTakeToken(snap.state, voteId, { now: snap.now, actor, sitting: snap.context, newId: randomUUID, randomInt: (bound) => randomInt(bound) });
        return true;
      } catch {
        return false;
      }
    }
    const pseudonym = vote.definition.kind === 'pseudonymous' ? pseudonymFor(await voteSecret(db, voteId), voteId, actor.personId) : null;
    try {
      const events = decide(
        snap.state,
        { kind: 'vote.cast', voteId, optionId: first.id, pseudonym },
        { now: snap.now, actor, sitting: snap.context, newId: randomUUID, randomInt: (bound) => randomInt(bound) },
      );
      return events.length > 0;
    } catch {
      return false;
    }
  }

  /**
   * Opens a prepared vote. A secret one gets its signing key first (made off the event loop, stored
   * under its public key, which the opening pins in the record); if the opening is refused, the key goes.
   */
  async function openDraft(sittingId: string, actor: Actor, draft: VoteDraft): Promise<Outcome> {
    if (draft.kind !== 'secret') return execute(sittingId, actor, { kind: 'vote.open', draft });
    const key = await generateVoteKey();
    await insertVoteKey(db, draft.id, key.publicKey, key.privateKey);
    try {
      return await execute(sittingId, actor, { kind: 'vote.open', draft, publicKey: key.publicKey });
    } catch (error) {
      await deleteVoteKey(db, draft.id, key.publicKey);
      throw error;
    }
  }

  return {
    execute,
    snapshot,
    receiptFor,
    mayVote,
    secretBallots: createSecretBallots(deps, { snapshot, execute }),

    /** Who the signed-in user is at the lobby's door: their person, or their account when they have none. */
    async entrantFor(user: AuthUser): Promise<Entrant> {
      return entrantOf(user, await roster.personOf(user));
    },

    /** The signed-in user asks to enter the sitting (they are not on the roster, or were removed). */
    async askToEnter(sittingId: string, user: AuthUser): Promise<Outcome> {
      const person = await roster.personOf(user);
      // Roles do not come in: whoever asks acts as nobody but themselves at the door.
      return execute(sittingId, { personId: person?.id ?? null, roles: [] }, { kind: 'lobby.ask', entrant: entrantOf(user, person) });
    },

    /** The actor behind a signed-in user: the person bound to their account (not their username) and token roles. */
    async actorFor(user: AuthUser): Promise<Actor> {
      const person = await roster.personOf(user);
      return { personId: person?.id ?? null, roles: user.roles };
    },

    /** Casts a ballot; the same ballot again answers with the same receipt, a different one is refused. */
    async castVote(sittingId: string, actor: Actor, voteId: string, optionId: string): Promise<Receipt> {
      if (!actor.personId) throw new RuleViolation('vote.not_eligible', 'only members of the parliament vote');
      const { state } = await (await engine(sittingId)).snapshot();
      const vote = votesView(state).find((v) => v.voteId === voteId);
      if (!vote) throw new NotFoundError('vote', voteId);
      const pseudonym = vote.definition.kind === 'pseudonymous' ? pseudonymFor(await voteSecret(db, voteId), voteId, actor.personId) : null;
      const { entries } = await execute(sittingId, actor, { kind: 'vote.cast', voteId, optionId, pseudonym });
      const entry = entries.find((e) => e.event.kind === 'ballot.cast');
      // The ballot just appended answers at once; a repeat (nothing appended) is looked up.
      const receipt = entry ? receiptOf(voteId, optionId, pseudonym, entry) : await receiptFor(sittingId, voteId, actor.personId);
      if (!receipt) throw new Error(`ballot of ${actor.personId} in ${voteId} was acknowledged but is not stored`);
      return receipt;
    },

    async prepareVote(sittingId: string, draft: Omit<VoteDraft, 'id'>) {
      assertCleanText(draft);
      const handsProblem = showOfHandsDraftProblem(draft);
      if (handsProblem) throw handsProblem;
      const [sitting] = await findSittingsByIds(db, [sittingId]);
      if (!sitting) throw new NotFoundError('sitting', sittingId);
      if (sitting.state === 'closed') throw new RuleViolation('vote.sitting_closed', 'the sitting is closed');
      return insertVoteDraft(db, sittingId, draft);
    },
    voteDrafts: (sittingId: string) => listVoteDrafts(db, sittingId),
    async deleteVoteDraft(sittingId: string, draftId: string): Promise<string> {
      const draft = await findVoteDraft(db, draftId);
      if (!draft || draft.sittingId !== sittingId) throw new NotFoundError('voteDraft', draftId);
      if (!(await deleteVoteDraft(db, draftId))) throw new RuleViolation('vote.draft_opened', 'an opened vote stays in the record');
      return draftId;
    },
    async openVote(sittingId: string, actor: Actor, draftId: string): Promise<Outcome> {
      const draft = await findVoteDraft(db, draftId);
      if (!draft || draft.sittingId !== sittingId) throw new NotFoundError('voteDraft', draftId);
      if (draft.openedAt) throw new RuleViolation('vote.draft_opened', 'this vote has been opened already');
      return openDraft(sittingId, actor, draft);
    },

    /** The signed-in member demands a named vote on a prepared vote of this sitting (the rulebook says who and until when). */
    async demandNamedVote(sittingId: string, actor: Actor, draftId: string): Promise<Outcome> {
      const draft = await findVoteDraft(db, draftId);
      if (!draft || draft.sittingId !== sittingId) throw new NotFoundError('voteDraft', draftId);
      return execute(sittingId, actor, { kind: 'vote.demand_named', draftId, category: draft.category });
    },

    /**
     * The prepared votes of this sitting not yet opened and not already named, each with where a demand
     * for a named vote stands for this person (the domain's `namedDemandStatus`: deadline, refusal, counts).
     */
    async namedVoteDemands(sittingId: string, actor: Actor) {
      const [drafts, snap] = await Promise.all([listVoteDrafts(db, sittingId), snapshot(sittingId)]);
      return (
        drafts
          // A secret draft is left out: the domain opens it secret whatever is demanded (secret beats named, GO NRW § 50(1)).
          .filter((d) => d.openedAt === null && d.kind !== 'named' && d.kind !== 'secret')
          .map((draft) => ({ draft, status: namedDemandStatus(snap.state, snap.context, snap.now, actor.personId, draft) }))
      );
    },

    /** The chair's team enters the counts of a vote by show of hands, which closes it. */
    enterVoteCounts: (sittingId: string, actor: Actor, voteId: string, counts: readonly { optionId: string; count: number }[]) =>
      execute(sittingId, actor, { kind: 'vote.enter_counts', voteId, counts }),

    /**
     * Records the chair's decision on a point of order. PUT_TO_VOTE without a draft opens a yes/no
     * vote in the same decision (the rules do that); with a prepared draft, the draft is opened next.
     */
    async decidePointOfOrder(
      sittingId: string,
      actor: Actor,
      d: { pointId: string; decision: 'accepted' | 'rejected' | 'put_to_vote' | 'noted'; note: string | null; voteDraftId: string | null },
    ): Promise<void> {
      const draft = d.decision === 'put_to_vote' && d.voteDraftId ? await findVoteDraft(db, d.voteDraftId) : undefined;
      if (d.voteDraftId && d.decision === 'put_to_vote' && (!draft || draft.sittingId !== sittingId)) throw new NotFoundError('voteDraft', d.voteDraftId);
      await execute(sittingId, actor, { kind: 'point_of_order.decide', ...d });
      if (draft) await openDraft(sittingId, actor, draft);
    },

    /** A roster change by parliament IT, noted in the record of every open or suspended sitting (the domain decides what to note). */
    async noteRosterChange(editor: Actor, change: Omit<Extract<ProcedureCommand, { kind: 'roster.note_change' }>, 'kind'>): Promise<void> {
      for (const sittingId of await listActiveSittingIds(db)) await execute(sittingId, editor, { kind: 'roster.note_change', ...change });
    },

    /**
     * A correction of the protocol: names the entry it corrects by seq and hash. The hash is the
     * record's business (the domain's state has none): checked here against the stored entry.
     */
    async correctProtocol(sittingId: string, actor: Actor, target: { seq: number; hash: string }, text: string): Promise<Outcome> {
      await requireEntryHash(sittingId, target.seq, target.hash);
      return execute(sittingId, actor, { kind: 'protocol.correct', seq: target.seq, hash: target.hash, text });
    },

    /** The chair approves the protocol as read: the record's head then (seq and hash), refused once it has moved on. */
    async approveProtocol(sittingId: string, actor: Actor, head: { seq: number; hash: string }): Promise<Outcome> {
      await requireEntryHash(sittingId, head.seq, head.hash);
      return execute(sittingId, actor, { kind: 'protocol.approve', seq: head.seq, head: head.hash });
    },

    rulebook: (sittingId: string) => effectiveRulebook(db, sittingId),

    /** The protocol, derived from the record alone (plus the sitting's header and planned agenda). */
    protocol: (sittingId: string) => loadProtocol(db, sittingId),
    record: (sittingId: string, afterSeq = 0, throughSeq?: number) => loadRecord(db, sittingId, afterSeq, throughSeq),

    /** After a restart: fold the records of open sittings and re-arm their vote timers. */
    async start(): Promise<void> {
      for (const id of await listActiveSittingIds(db)) {
        const { state } = await (await engine(id)).snapshot();
        timers.sync(id, votesView(state));
        floorTimers.sync(id, timedFloor(state, now()));
      }
    },
    /** Sittings open or suspended now. */
    activeSittingIds: () => listActiveSittingIds(db),
    /**
     * For a graceful stop: refuse new commands, disarm the vote timers (the next start re-arms them
     * from the record), and resolve once every command already submitted is committed or refused.
     */
    async drain(): Promise<void> {
      closing = true;
      timers.clear();
      floorTimers.clear();
      await Promise.all([...engines.values()].map((e) => e.idle()));
    },
    stop(): void {
      closing = true;
      timers.clear();
      floorTimers.clear();
      updates.clear();
      void rosterChanges.return();
      void sittingChanges.return();
    },
  };
}

/** The floor of an open sitting and when it ends by itself (rulebook.floor.graceSeconds), for the timer. */
function timedFloor(state: ProcedureState, now: Date): TimedFloor | null {
  if (state.phase !== 'open' || !state.floor) return null;
  return { floorId: state.floor.floorId, endsAt: graceEndsAt(state.floor, state.rulebook?.floor.graceSeconds ?? null, now) };
}

/** A command that arrives while the process stops: refused, never half done. */
export class ShuttingDown extends Error {
  readonly code = 'SHUTTING_DOWN';
  constructor() {
    super('this instance is stopping; try again');
    this.name = 'ShuttingDown';
  }
}

export type ProcedureService = ReturnType<typeof createProcedureService>;
