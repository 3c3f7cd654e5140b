import { Injectable, computed, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, liveStatus, type LiveStatus } from '../shared/graphql-subscriptions';
import {
  procedureQuery,
  procedureUpdatesSubscription,
  type PersonRefFragment,
  type ProcedureFragment,
  type ProcedureResult,
  type ProcedureUpdatesResult,
  type SpeakerRequestFragment,
  type VoteFragment,
} from './procedure.generated';
import { ServerClock } from './server-clock';

export type Procedure = ProcedureFragment;
export type PersonRef = PersonRefFragment;
export type SpeakerRequest = SpeakerRequestFragment;
export type Vote = VoteFragment;
export type Floor = NonNullable<Procedure['floor']>;
export type PointOfOrder = Procedure['pointsOfOrder'][number];
export type ProcedureUpdate = ProcedureUpdatesResult['procedureUpdates'];
type LoadedSitting = NonNullable<ProcedureResult['sitting']>;
/** The sitting around the procedure: title, agenda and the rulebook in force. */
export type SittingFrame = Omit<LoadedSitting, 'procedure'>;
export type PointOfOrderCategory = SittingFrame['rulebook']['pointOfOrderCategories'][number];
/** An item of the agenda as the console lists it. */
export type AgendaEntry = Pick<Procedure['agenda'][number], 'id' | 'position' | 'title'>;
export type AgendaAmendment = Procedure['agendaAmendments'][number];
export type AgendaAuthority = Procedure['agendaAuthorities'][number];

/** Someone who came into the chamber, seen by comparing two procedures (the chair's event console). */
export interface JoinEntry {
  readonly person: PersonRef;
  /** The server's time of the procedure that first showed them present. */
  readonly at: string;
}

/** How current the procedure on screen is. */
export type ProcedureLive = LiveStatus;

/** Joins kept for the event console; older ones drop off. */
const keptJoins = 30;

/** People present in `next` and not in `previous`, newest first. */
export function newlyPresent(previous: Procedure, next: Procedure): JoinEntry[] {
  const before = new Set(previous.attendance.present.map((person) => person.id));
  return next.attendance.present.filter((person) => !before.has(person.id)).map((person) => ({ person, at: next.serverTime }));
}

/**
 * The procedure of one sitting, loaded once and then replaced by every update the server pushes.
 * Updates carry the record's `seq`: one that is not newer than what is shown is dropped, so a late
 * subscription message cannot undo what a command's answer already showed. After the socket comes
 * back, everything is loaded again (updates sent meanwhile are not replayed).
 */
@Injectable({ providedIn: 'root' })
export class ProcedureState {
  private readonly graphql = inject(GraphqlClient);
  private readonly subscriptions = inject(GraphqlSubscriptions);
  private readonly clock = inject(ServerClock);

  private readonly sittingIdSignal = signal<string | null>(null);
  private readonly frameSignal = signal<SittingFrame | null>(null);
  private readonly procedureSignal = signal<Procedure | null>(null);
  private readonly notFoundSignal = signal(false);
  private readonly loadingSignal = signal(false);
  private readonly errorSignal = signal<unknown>(null);
  private readonly followingSignal = signal(false);
  private readonly liveErrorSignal = signal<unknown>(null);
  private readonly joinsSignal = signal<readonly JoinEntry[]>([]);
  private readonly lastKindsSignal = signal<readonly string[]>([]);
  /** Only the answer to the latest load counts. */
  private loadRequest = 0;
  /** Only stopping the latest follow turns live updates off (pages may overlap while routing). */
  private followRequest = 0;

  readonly sittingId = this.sittingIdSignal.asReadonly();
  readonly frame = this.frameSignal.asReadonly();
  readonly procedure = this.procedureSignal.asReadonly();
  readonly notFound = this.notFoundSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  readonly liveError = this.liveErrorSignal.asReadonly();
  readonly joins = this.joinsSignal.asReadonly();
  /** What the last pushed update was about (`floor.granted`, `vote.closed`, …). */
  readonly lastKinds = this.lastKindsSignal.asReadonly();

  readonly seq = computed(() => this.procedureSignal()?.seq ?? 0);
  /** The agenda in order, as the procedure sees it (changes carried out in the sitting included); the frame's until the procedure is loaded. */
  readonly agenda = computed<readonly AgendaEntry[]>(() =>
    [...(this.procedureSignal()?.agenda ?? this.frameSignal()?.agenda ?? [])].sort((a, b) => a.position - b.position),
  );
  readonly categories = computed<readonly PointOfOrderCategory[]>(() => this.frameSignal()?.rulebook.pointOfOrderCategories ?? []);
  readonly live = computed<ProcedureLive>(() => liveStatus(this.followingSignal(), this.liveErrorSignal(), this.subscriptions.connection()));

  /** Loads the sitting's frame and procedure; a different sitting clears what was shown first. */
  async load(sittingId: string): Promise<void> {
    const request = ++this.loadRequest;
    if (this.sittingIdSignal() !== sittingId) {
      this.reset(sittingId);
    }
    this.loadingSignal.set(true);
    this.errorSignal.set(null);
    try {
      const { sitting } = await this.graphql.request(procedureQuery, { sittingId });
      if (request !== this.loadRequest) {
        return;
      }
      if (sitting === null) {
        this.notFoundSignal.set(true);
        return;
      }
      const { procedure, ...frame } = sitting;
      this.notFoundSignal.set(false);
      this.frameSignal.set(frame);
      this.apply(procedure);
    } catch (error: unknown) {
      if (request === this.loadRequest) {
        this.errorSignal.set(error);
      }
    } finally {
      if (request === this.loadRequest) {
        this.loadingSignal.set(false);
      }
    }
  }

  /**
   * Shows a procedure (from the query, a command's answer or an update) unless it is not newer than
   * the one shown. Returns whether it was taken.
   */
  apply(procedure: Procedure): boolean {
    const current = this.procedureSignal();
    if (current !== null && procedure.seq <= current.seq) {
      return false;
    }
    if (current !== null) {
      const joined = newlyPresent(current, procedure);
      if (joined.length > 0) {
        this.joinsSignal.update((joins) => [...joined, ...joins].slice(0, keptJoins));
      }
    }
    this.clock.sync(procedure.serverTime);
    this.procedureSignal.set(procedure);
    return true;
  }

  /** An update pushed by the server; updates of another sitting are ignored. */
  applyUpdate(update: ProcedureUpdate): boolean {
    if (update.sittingId !== this.sittingIdSignal()) {
      return false;
    }
    const taken = this.apply(update.procedure);
    if (taken) {
      this.lastKindsSignal.set(update.kinds);
    }
    return taken;
  }

  /** Follows the sitting's updates until the returned function is called. */
  follow(sittingId: string): () => void {
    if (this.sittingIdSignal() !== sittingId) {
      this.reset(sittingId);
    }
    const request = ++this.followRequest;
    this.followingSignal.set(true);
    this.liveErrorSignal.set(null);
    const subscription = this.subscriptions.subscribe(procedureUpdatesSubscription, { sittingId }).subscribe({
      next: ({ procedureUpdates }) => this.applyUpdate(procedureUpdates),
      error: (error: unknown) => this.liveErrorSignal.set(error),
    });
    subscription.add(this.subscriptions.reconnected.subscribe(() => void this.load(sittingId)));
    return () => {
      subscription.unsubscribe();
      if (request === this.followRequest) {
        this.followingSignal.set(false);
      }
    };
  }

  private reset(sittingId: string): void {
    this.sittingIdSignal.set(sittingId);
    this.frameSignal.set(null);
    this.procedureSignal.set(null);
    this.notFoundSignal.set(false);
    this.joinsSignal.set([]);
    this.lastKindsSignal.set([]);
  }
}
