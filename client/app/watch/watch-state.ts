import { Injectable, computed, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, liveStatus, type LiveStatus } from '../shared/graphql-subscriptions';
import { watchSittingQuery, watchSittingUpdatesSubscription, type PublicSittingFragment } from './watch.generated';

export type PublicSitting = PublicSittingFragment;
export type PublicVoteResult = PublicSitting['closedVotes'][number];
export type PublicSpeaker = NonNullable<PublicSitting['currentSpeaker']>;

/**
 * What the public sees of one sitting (provided by the viewer page): the public fields, loaded once
 * and replaced by every update the server pushes. No sign-in: both go to fields open to everyone.
 */
@Injectable()
export class WatchState {
  private readonly graphql = inject(GraphqlClient);
  private readonly subscriptions = inject(GraphqlSubscriptions);

  private readonly sittingIdSignal = signal<string | null>(null);
  private readonly sittingSignal = signal<PublicSitting | null>(null);
  private readonly loadedSignal = signal(false);
  private readonly errorSignal = signal<unknown>(null);
  private readonly liveErrorSignal = signal<unknown>(null);
  private loadRequest = 0;

  readonly sitting = this.sittingSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  /** The server answered that there is no such sitting. */
  readonly notFound = computed(() => this.loadedSignal() && this.sittingSignal() === null);
  readonly live = computed<LiveStatus>(() => liveStatus(this.sittingIdSignal() !== null, this.liveErrorSignal(), this.subscriptions.connection()));

  async load(sittingId: string): Promise<void> {
    const request = ++this.loadRequest;
    if (this.sittingSignal()?.id !== sittingId) {
      this.sittingSignal.set(null);
      this.loadedSignal.set(false);
    }
    try {
      const { publicSitting } = await this.graphql.request(watchSittingQuery, { id: sittingId });
      if (request === this.loadRequest) {
        this.sittingSignal.set(publicSitting);
        this.loadedSignal.set(true);
        this.errorSignal.set(null);
      }
    } catch (error: unknown) {
      if (request === this.loadRequest) {
        this.errorSignal.set(error);
      }
    }
  }

  /**
   * Loads the sitting and follows its updates until the returned function is called. After the
   * socket comes back the sitting is loaded again: updates sent meanwhile are not replayed.
   */
  follow(sittingId: string): () => void {
    this.sittingIdSignal.set(sittingId);
    this.liveErrorSignal.set(null);
    void this.load(sittingId);
    const subscription = this.subscriptions.subscribe(watchSittingUpdatesSubscription, { sittingId }).subscribe({
      next: ({ publicSittingUpdates }) => this.apply(publicSittingUpdates),
      error: (error: unknown) => this.liveErrorSignal.set(error),
    });
    subscription.add(this.subscriptions.reconnected.subscribe(() => void this.load(sittingId)));
    return () => {
      subscription.unsubscribe();
      if (this.sittingIdSignal() === sittingId) {
        this.sittingIdSignal.set(null);
      }
    };
  }

  private apply(sitting: PublicSitting): void {
    if (sitting.id === this.sittingIdSignal()) {
      // An update overtakes a load still on its way.
      this.loadRequest++;
      this.sittingSignal.set(sitting);
      this.loadedSignal.set(true);
    }
  }
}
