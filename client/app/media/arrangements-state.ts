import { Injectable, computed, inject, signal } from '@angular/core';
import { ViewerState } from '../auth/viewer-state';
import { CommandRunner } from '../procedure/command-runner';
import { refusalText, ruleText } from '../procedure/rule-text';
import { TranslationState } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import type { GraphqlOperation } from '../shared/graphql-operation';
import { GraphqlSubscriptions } from '../shared/graphql-subscriptions';
import {
  acceptSubroomInvitationMutation,
  chamberArrangementsQuery,
  chamberUpdatesSubscription,
  closeSubroomMutation,
  declineSubroomInvitationMutation,
  handOverBoothMutation,
  inviteToSubroomMutation,
  leaveSubroomMutation,
  openSubroomMutation,
  setBoothSourceMutation,
  type ChamberArrangementsResult,
  type ChamberFragment,
} from './arrangements.generated';

export type Chamber = ChamberFragment;
export type BoothState = Chamber['booths'][number];
export type Subroom = Chamber['subrooms'][number];
export type RosterPerson = ChamberArrangementsResult['people'][number];

/** The parts that report a refused command beside themselves. */
export type ArrangementControl = 'booth' | 'subroom' | 'invitation';

/**
 * The chamber's arrangements of one sitting (booths on air, relays, subrooms, invitations) and
 * the roster for names: loaded once, then replaced by every update the server pushes, and by the
 * answer of each command at once. After the live socket comes back everything is loaded again.
 */
@Injectable({ providedIn: 'root' })
export class ArrangementsState {
  private readonly graphql = inject(GraphqlClient);
  private readonly subscriptions = inject(GraphqlSubscriptions);
  private readonly viewer = inject(ViewerState);
  private readonly rules = inject(TranslationState).catalogue(ruleText);
  private readonly runner = new CommandRunner<ArrangementControl>(this.graphql);

  private readonly sittingIdSignal = signal<string | null>(null);
  private readonly chamberSignal = signal<Chamber | null>(null);
  private readonly peopleSignal = signal<readonly RosterPerson[]>([]);
  private readonly errorSignal = signal<unknown>(null);
  private loadRequest = 0;
  /** The load under way, so that asking whether media are available does not fetch twice. */
  private loading: { readonly sittingId: string; readonly done: Promise<void> } | null = null;

  readonly chamber = this.chamberSignal.asReadonly();
  readonly people = this.peopleSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();

  /** Person id → name, for video tiles and lists. */
  readonly names = computed(() => new Map(this.peopleSignal().map((person) => [person.id, person.name])));
  readonly me = computed(() => this.viewer.viewer()?.person ?? null);
  /** Booths of spoken languages: the listener's language choices and an interpreter's relay sources. */
  readonly spokenBooths = computed(() => (this.chamberSignal()?.booths ?? []).filter((booth) => booth.booth.kind === 'SPOKEN'));
  readonly hasSignBooth = computed(() => (this.chamberSignal()?.booths ?? []).some((booth) => booth.booth.kind === 'SIGN'));
  /** The booth the signed-in interpreter works in. */
  readonly myBooth = computed(() => {
    const boothId = this.me()?.booth?.id;
    return this.chamberSignal()?.booths.find((booth) => booth.booth.id === boothId) ?? null;
  });
  /** Members of my faction besides me: whom I can invite to a consultation. */
  readonly invitable = computed(() => {
    const me = this.me();
    const faction = me?.faction?.id;
    return this.peopleSignal().filter(
      (person) => person.id !== me?.id && person.roles.includes('MEMBER') && (faction === undefined || person.faction?.id === faction),
    );
  });

  pending(control: ArrangementControl): boolean {
    return this.runner.pending(control);
  }

  problem(control: ArrangementControl): string | null {
    const problem = this.runner.problem(control);
    return problem === null ? null : refusalText(problem, this.rules());
  }

  /** Loads the sitting's arrangements and the roster; the latest load wins. */
  load(sittingId: string): Promise<void> {
    const done = this.fetch(sittingId);
    const loading = { sittingId, done };
    this.loading = loading;
    void done.finally(() => {
      if (this.loading === loading) {
        this.loading = null;
      }
    });
    return done;
  }

  /**
   * Whether the server carries the sitting's audio and video (`Chamber.mediaAvailable`): from the
   * arrangements already loaded, or the load under way, or a load of its own. Anything unclear (the
   * load failed) counts as available, so a server that has media is never taken for one without.
   */
  async mediaAvailable(sittingId: string): Promise<boolean> {
    const known = this.chamberSignal();
    if (known?.sittingId === sittingId) {
      return known.mediaAvailable;
    }
    await (this.loading?.sittingId === sittingId ? this.loading.done : this.load(sittingId));
    // A newer load of the same sitting (a reconnect) may have overtaken the one awaited.
    while (this.loading?.sittingId === sittingId) {
      await this.loading.done;
    }
    const chamber = this.chamberSignal();
    return chamber?.sittingId === sittingId ? chamber.mediaAvailable : true;
  }

  /** Loads the sitting's arrangements and follows their updates until the returned function is called. */
  follow(sittingId: string): () => void {
    // A load already under way (the media asking whether they are available) is as fresh.
    if (this.loading?.sittingId !== sittingId) {
      void this.load(sittingId);
    }
    const subscription = this.subscriptions.subscribe(chamberUpdatesSubscription, { sittingId }).subscribe({
      next: ({ chamberUpdates }) => this.apply(chamberUpdates),
      error: (error: unknown) => this.errorSignal.set(error),
    });
    subscription.add(this.subscriptions.reconnected.subscribe(() => void this.load(sittingId)));
    return () => subscription.unsubscribe();
  }

  handOver = () => this.send('booth', handOverBoothMutation, {});
  setBoothSource = (relayLanguage: string | null) => this.send('booth', setBoothSourceMutation, { relayLanguage });
  openSubroom = (name: string, invitees: readonly string[]) => this.send('subroom', openSubroomMutation, { name, invitees: [...invitees] });
  invite = (subroomId: string, invitees: readonly string[]) => this.send('subroom', inviteToSubroomMutation, { subroomId, invitees: [...invitees] });
  leaveSubroom = (subroomId: string) => this.send('subroom', leaveSubroomMutation, { subroomId });
  closeSubroom = (subroomId: string) => this.send('subroom', closeSubroomMutation, { subroomId });
  accept = (subroomId: string) => this.send('invitation', acceptSubroomInvitationMutation, { subroomId });
  decline = (subroomId: string) => this.send('invitation', declineSubroomInvitationMutation, { subroomId });

  private apply(chamber: Chamber): void {
    if (chamber.sittingId === this.sittingIdSignal()) {
      this.chamberSignal.set(chamber);
    }
  }

  private async send<TResult, TVariables extends { readonly sittingId: string }>(
    control: ArrangementControl,
    operation: GraphqlOperation<TResult, TVariables>,
    variables: Omit<TVariables, 'sittingId'>,
  ): Promise<boolean> {
    const sittingId = this.sittingIdSignal();
    if (sittingId === null) {
      return false;
    }
    const outcome = await this.runner.run(control, operation, { ...variables, sittingId } as TVariables);
    if (outcome.ok) {
      this.apply(outcome.data);
    }
    return outcome.ok;
  }

  private async fetch(sittingId: string): Promise<void> {
    const request = ++this.loadRequest;
    if (this.sittingIdSignal() !== sittingId) {
      this.sittingIdSignal.set(sittingId);
      this.chamberSignal.set(null);
    }
    try {
      const { sitting, people } = await this.graphql.request(chamberArrangementsQuery, { sittingId });
      if (request === this.loadRequest) {
        this.chamberSignal.set(sitting?.chamber ?? null);
        this.peopleSignal.set(people);
        this.errorSignal.set(null);
      }
    } catch (error: unknown) {
      if (request === this.loadRequest) {
        this.errorSignal.set(error);
      }
    }
  }
}
