import { Injectable, computed, signal } from '@angular/core';
import { acceptInterjectionMutation, declineInterjectionMutation } from '../procedure/interjections.generated';
import { ProcedureCommands } from '../procedure/procedure-commands';
import type {
  AgendaAuthorityInput,
  AgendaChangeInput,
  OrderPolicy,
  PointOfOrderDecision,
  RequestKind,
  Stance,
  VoteDraftInput,
} from '../shared/graphql-schema.generated';
import {
  addSpeakerMutation,
  allotSpeakingTimeMutation,
  amendAgendaMutation,
  callAgendaItemMutation,
  cancelVoteMutation,
  chairSetupQuery,
  closeSittingMutation,
  closeSpeakerListMutation,
  closeVoteMutation,
  decidePointOfOrderMutation,
  deleteVoteDraftMutation,
  enterVoteCountsMutation,
  endFloorMutation,
  endInterjectionMutation,
  extendFloorMutation,
  grantFloorMutation,
  liftMuteAllMutation,
  muteAllMutation,
  nextSpeakerMutation,
  openSittingMutation,
  openNextElectionRoundMutation,
  openVoteMutation,
  prepareVoteMutation,
  removeSpeakerMutation,
  reopenSpeakerListMutation,
  reorderSpeakersMutation,
  resumeSittingMutation,
  setOrderPolicyMutation,
  suspendSittingMutation,
  voteDraftsQuery,
  type ChairSetupResult,
  type VoteDraftFragment,
} from './chair.generated';

export type VoteDraft = VoteDraftFragment;
export type RosterPerson = ChairSetupResult['people'][number];

/** The parts of the console whose commands report problems beside themselves. */
export type ChairControl = 'sitting' | 'agenda' | 'amendment' | 'speakers' | 'floor' | 'interjections' | 'points' | 'draft' | 'drafts' | 'vote';

/** The order of the speaker list after moving one request `by` places (−1 up, +1 down); null when it cannot move. */
export function movedOrder(ids: readonly string[], id: string, by: number): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) {
    return null;
  }
  const order = [...ids];
  order.splice(from, 1);
  order.splice(to, 0, id);
  return order;
}

/**
 * What the chair's team operates: every chair command of the procedure, the vote drafts and the
 * people who can be put on the speaker list. The procedure itself lives in ProcedureState; each
 * command's answer is applied there at once, before the update the server pushes to everyone.
 */
@Injectable({ providedIn: 'root' })
export class ChairState extends ProcedureCommands<ChairControl> {
  private readonly draftsSignal = signal<readonly VoteDraft[]>([]);
  private readonly peopleSignal = signal<readonly RosterPerson[]>([]);
  private readonly setupErrorSignal = signal<unknown>(null);

  readonly drafts = this.draftsSignal.asReadonly();
  readonly people = this.peopleSignal.asReadonly();
  readonly setupError = this.setupErrorSignal.asReadonly();
  /** Drafts not yet opened, for opening and for a point of order put to a vote. */
  readonly openableDrafts = computed(() => this.draftsSignal().filter((draft) => !draft.opened));
  /** Members and podium guests: who may be put on the speaker list. */
  readonly speakers = computed(() => this.peopleSignal().filter((person) => person.roles.includes('MEMBER') || person.roles.includes('PODIUM_GUEST')));

  /** The drafts and the people; the procedure is loaded by ProcedureState. */
  async loadSetup(sittingId: string): Promise<void> {
    this.setupErrorSignal.set(null);
    try {
      const { sitting, people } = await this.graphql.request(chairSetupQuery, { sittingId });
      this.draftsSignal.set(sitting?.voteDrafts ?? []);
      this.peopleSignal.set(people);
    } catch (error: unknown) {
      this.setupErrorSignal.set(error);
    }
  }

  async reloadDrafts(): Promise<void> {
    const sittingId = this.procedure.sittingId();
    if (sittingId === null) {
      return;
    }
    try {
      const { sitting } = await this.graphql.request(voteDraftsQuery, { sittingId });
      this.draftsSignal.set(sitting?.voteDrafts ?? []);
    } catch (error: unknown) {
      this.setupErrorSignal.set(error);
    }
  }

  // Sitting
  openSitting = () => this.send('sitting', openSittingMutation, {});
  suspendSitting = (breakMinutes: number | null, reason: string | null) => this.send('sitting', suspendSittingMutation, { breakMinutes, reason });
  resumeSitting = () => this.send('sitting', resumeSittingMutation, {});
  closeSitting = () => this.send('sitting', closeSittingMutation, {});

  // Agenda
  callItem = (agendaItemId: string) => this.send('agenda', callAgendaItemMutation, { agendaItemId });
  setOrderPolicy = (agendaItemId: string, policy: OrderPolicy) => this.send('agenda', setOrderPolicyMutation, { agendaItemId, policy });
  allotSpeakingTime = (agendaItemId: string, debateMinutes: number) => this.send('agenda', allotSpeakingTimeMutation, { agendaItemId, debateMinutes });
  /** Carries out a change of the agenda the house decided (an accepted point of order or a vote that passed). */
  amendAgenda = (change: AgendaChangeInput, authority: AgendaAuthorityInput) => this.send('amendment', amendAgendaMutation, { change, authority });

  // Speaker list
  addSpeaker = (personId: string, kind: RequestKind, stance: Stance | null) => this.send('speakers', addSpeakerMutation, { personId, kind, stance });
  removeSpeaker = (requestId: string) => this.send('speakers', removeSpeakerMutation, { requestId });
  closeSpeakerList = () => this.send('speakers', closeSpeakerListMutation, {});
  reopenSpeakerList = () => this.send('speakers', reopenSpeakerListMutation, {});

  /** Moves a request one place up (−1) or down (+1) in the speaker list. */
  moveSpeaker(requestId: string, by: -1 | 1): Promise<boolean> {
    const ids = this.procedure.procedure()?.speakerList.requests.map((request) => request.id) ?? [];
    const order = movedOrder(ids, requestId, by);
    return order === null ? Promise.resolve(false) : this.send('speakers', reorderSpeakersMutation, { order });
  }

  // Floor
  nextSpeaker = () => this.send('floor', nextSpeakerMutation, {});
  grantFloor = (requestId: string) => this.send('speakers', grantFloorMutation, { requestId });
  extendFloor = (seconds: number) => this.send('floor', extendFloorMutation, { seconds });
  endFloor = () => this.send('floor', endFloorMutation, {});
  acceptInterjection = (requestId: string) => this.send('interjections', acceptInterjectionMutation, { requestId });
  declineInterjection = (requestId: string) => this.send('interjections', declineInterjectionMutation, { requestId });
  endInterjection = () => this.send('interjections', endInterjectionMutation, {});
  muteAll = () => this.send('floor', muteAllMutation, {});
  liftMuteAll = () => this.send('floor', liftMuteAllMutation, {});

  // Points of order
  decidePointOfOrder = (pointId: string, decision: PointOfOrderDecision, note: string | null, voteDraftId: string | null) =>
    this.send('points', decidePointOfOrderMutation, { pointId, decision, note, voteDraftId });

  // Votes
  async prepareVote(input: VoteDraftInput): Promise<boolean> {
    const outcome = await this.runner.run('draft', prepareVoteMutation, { sittingId: this.sittingId(), input });
    if (outcome.ok) {
      this.draftsSignal.update((drafts) => [...drafts.filter((draft) => draft.id !== outcome.data.id), outcome.data]);
    }
    return outcome.ok;
  }

  async deleteDraft(draftId: string): Promise<boolean> {
    const outcome = await this.runner.run('drafts', deleteVoteDraftMutation, { sittingId: this.sittingId(), draftId });
    if (outcome.ok) {
      this.draftsSignal.update((drafts) => drafts.filter((draft) => draft.id !== draftId));
    }
    return outcome.ok;
  }

  async openVote(draftId: string): Promise<boolean> {
    const opened = await this.send('drafts', openVoteMutation, { draftId });
    if (opened) {
      void this.reloadDrafts();
    }
    return opened;
  }

  closeVote = (voteId: string) => this.send('vote', closeVoteMutation, { voteId });
  /** The next round of an election, from its closed (or cancelled) round: candidates and bar as the rules allow. */
  openNextElectionRound = (voteId: string) => this.send('vote', openNextElectionRoundMutation, { voteId });
  /** The counts of a vote by show of hands; entering them closes it. */
  enterVoteCounts = (voteId: string, counts: readonly { readonly optionId: string; readonly count: number }[]) =>
    this.send('vote', enterVoteCountsMutation, { voteId, counts });
  cancelVote = (voteId: string, reason: string) => this.send('vote', cancelVoteMutation, { voteId, reason });
}
