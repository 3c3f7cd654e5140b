import { Injectable, computed, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, liveStatus, type LiveStatus } from '../shared/graphql-subscriptions';
import { factionGroups, isMember } from './faction-groups';
import { seatSegments } from './seat-segments';
import { sittingEventsSubscription, type SittingEventsResult } from './sitting-events.generated';
import { sittingOverviewQuery, type SittingOverviewResult } from './sitting-overview.generated';
import { sittingsQuery, type SittingsResult } from './sittings.generated';

export type SittingSummary = SittingsResult['sittings'][number];
export type SittingOverview = SittingOverviewResult;
export type SittingDetail = NonNullable<SittingOverviewResult['sitting']>;
export type AgendaItem = SittingDetail['agenda'][number];
export type SittingEvent = SittingEventsResult['sittingEvents'];

/** The sittings list and the one sitting being looked at, kept current by its events. */
@Injectable({ providedIn: 'root' })
export class SittingState {
  private readonly graphql = inject(GraphqlClient);
  private readonly subscriptions = inject(GraphqlSubscriptions);

  private readonly sittingsSignal = signal<readonly SittingSummary[] | null>(null);
  private readonly overviewSignal = signal<SittingOverview | null>(null);
  private readonly loadingSignal = signal(false);
  private readonly errorSignal = signal<unknown>(null);
  private readonly followedIdSignal = signal<string | null>(null);
  private readonly liveErrorSignal = signal<unknown>(null);
  private readonly lastEventSignal = signal<SittingEvent | null>(null);
  /** Only the answer to the latest overview request counts; earlier ones may arrive later. */
  private overviewRequest = 0;

  readonly sittings = this.sittingsSignal.asReadonly();
  readonly overview = this.overviewSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  readonly liveError = this.liveErrorSignal.asReadonly();
  readonly lastEvent = this.lastEventSignal.asReadonly();

  readonly sitting = computed(() => this.overviewSignal()?.sitting ?? null);
  readonly agenda = computed<readonly AgendaItem[]>(() => [...(this.sitting()?.agenda ?? [])].sort((a, b) => a.position - b.position));
  readonly memberGroups = computed(() => {
    const overview = this.overviewSignal();
    return overview === null ? [] : factionGroups(overview.factions, overview.people);
  });
  readonly seatSegments = computed(() => {
    const overview = this.overviewSignal();
    // No parliament: not set up yet (a fresh production database), so no seats to draw.
    if (overview === null || overview.parliament === null) {
      return [];
    }
    const independents = overview.people.filter((person) => isMember(person) && person.faction === null).length;
    return seatSegments(overview.parliament.statutoryMembers, overview.factions, independents);
  });
  readonly live = computed<LiveStatus>(() => liveStatus(this.followedIdSignal() !== null, this.liveErrorSignal(), this.subscriptions.connection()));

  async loadSittings(): Promise<void> {
    this.loadingSignal.set(true);
    this.errorSignal.set(null);
    try {
      const { sittings } = await this.graphql.request(sittingsQuery, {});
      this.sittingsSignal.set(sittings);
    } catch (error: unknown) {
      this.errorSignal.set(error);
    } finally {
      this.loadingSignal.set(false);
    }
  }

  /** Loads the sitting with its agenda, the factions and the people; a different id clears the old one first. */
  async loadOverview(sittingId: string): Promise<void> {
    const request = ++this.overviewRequest;
    if (this.overviewSignal()?.sitting?.id !== sittingId) {
      this.overviewSignal.set(null);
    }
    this.loadingSignal.set(true);
    this.errorSignal.set(null);
    try {
      const overview = await this.graphql.request(sittingOverviewQuery, { id: sittingId });
      if (request === this.overviewRequest) {
        this.overviewSignal.set(overview);
      }
    } catch (error: unknown) {
      if (request === this.overviewRequest) {
        this.errorSignal.set(error);
      }
    } finally {
      if (request === this.overviewRequest) {
        this.loadingSignal.set(false);
      }
    }
  }

  /** Takes the sitting as the event carries it: the agenda and state after the change. */
  applyEvent(event: SittingEvent): void {
    this.lastEventSignal.set(event);
    this.overviewSignal.update((overview) => (overview?.sitting?.id === event.sittingId ? { ...overview, sitting: event.sitting } : overview));
  }

  /**
   * Subscribes to the sitting's events until the returned function is called. After the socket
   * reconnects, the overview is loaded again: events sent while it was down are not replayed.
   */
  follow(sittingId: string): () => void {
    this.followedIdSignal.set(sittingId);
    this.liveErrorSignal.set(null);
    this.lastEventSignal.set(null);
    const subscription = this.subscriptions.subscribe(sittingEventsSubscription, { sittingId }).subscribe({
      next: ({ sittingEvents }) => this.applyEvent(sittingEvents),
      error: (error: unknown) => this.liveErrorSignal.set(error),
    });
    subscription.add(this.subscriptions.reconnected.subscribe(() => void this.loadOverview(sittingId)));
    return () => {
      subscription.unsubscribe();
      if (this.followedIdSignal() === sittingId) {
        this.followedIdSignal.set(null);
      }
    };
  }
}
