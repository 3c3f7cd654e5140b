import { Injectable, computed, inject, signal } from '@angular/core';
import { ViewerState } from '../auth/viewer-state';
import { acceptInterjectionMutation, declineInterjectionMutation } from '../procedure/interjections.generated';
import { ProcedureCommands } from '../procedure/procedure-commands';
import type { ReceiptFragment } from '../procedure/procedure.generated';
import type { SpeakerRequest, Vote } from '../procedure/procedure-state';
import type { RequestKind, Stance } from '../shared/graphql-schema.generated';
import {
  castVoteMutation,
  demandNamedVoteMutation,
  joinSittingMutation,
  leaveSittingMutation,
  raisePointOfOrderMutation,
  requestToSpeakMutation,
  withdrawPointOfOrderMutation,
  withdrawRequestMutation,
} from './chamber.generated';

export type Receipt = ReceiptFragment;

/** The parts of the member view whose commands report problems beside themselves. */
export type ChamberControl = 'presence' | 'request' | 'point' | 'ballot' | 'demand';

/** Where the signed-in person stands in the speaker list: their request and its place (1-based). */
export interface MyPlace {
  readonly request: SpeakerRequest;
  readonly place: number;
  readonly of: number;
}

/** The first request of `personId` in the list and its place. */
export function placeInList(requests: readonly SpeakerRequest[], personId: string): MyPlace | null {
  const index = requests.findIndex((request) => request.person.id === personId);
  const request = requests[index];
  return request === undefined ? null : { request, place: index + 1, of: requests.length };
}

/**
 * The member's own view of the procedure: present or not, their requests and points of order,
 * their ballots with receipts, and the commands a member sends. A receipt from casting is kept
 * here and shown until the procedure carries it as `myBallot` (whichever arrives first counts).
 */
@Injectable({ providedIn: 'root' })
export class ChamberState extends ProcedureCommands<ChamberControl> {
  private readonly viewer = inject(ViewerState);
  private readonly receiptsSignal = signal<Readonly<Record<string, Receipt>>>({});

  /** The signed-in user's record in the parliament (null for accounts without one). */
  readonly me = computed(() => this.viewer.viewer()?.person ?? null);
  /** Members act in the chamber; everyone else who signs in watches. */
  readonly isMember = computed(() => this.viewer.viewer()?.roles.includes('MEMBER') ?? false);
  readonly present = computed(() => {
    const me = this.me();
    const procedure = this.procedure.procedure();
    return me !== null && procedure !== null && procedure.attendance.present.some((person) => person.id === me.id);
  });
  readonly myPlace = computed(() => {
    const me = this.me();
    const procedure = this.procedure.procedure();
    return me === null || procedure === null ? null : placeInList(procedure.speakerList.requests, me.id);
  });
  /** My interjection question to the current speaker, waiting for an answer or being put. */
  readonly myPendingInterjection = computed(() => {
    const me = this.me();
    return this.procedure.procedure()?.floor?.pendingInterjections.find((request) => request.person.id === me?.id) ?? null;
  });
  readonly myPointsOfOrder = computed(() => {
    const me = this.me();
    return (this.procedure.procedure()?.pointsOfOrder ?? []).filter((point) => point.person.id === me?.id);
  });
  readonly holdsFloor = computed(() => {
    const me = this.me();
    return me !== null && this.procedure.procedure()?.floor?.person.id === me.id;
  });
  /** Interjection questions asked of me while I hold the floor, not yet answered. */
  readonly questionsToMe = computed(() =>
    this.holdsFloor() ? (this.procedure.procedure()?.floor?.pendingInterjections ?? []).filter((question) => !question.accepted) : [],
  );

  /** My ballot in a vote: from the procedure, or the receipt casting returned if that came first. */
  ballotIn(vote: Vote): Receipt | null {
    return vote.myBallot ?? this.receiptsSignal()[vote.id] ?? null;
  }

  join = () => this.send('presence', joinSittingMutation, {});
  leave = () => this.send('presence', leaveSittingMutation, {});
  requestToSpeak = (kind: RequestKind, stance: Stance | null) => this.send('request', requestToSpeakMutation, { kind, stance, addressesRequestId: null });
  withdrawRequest = (requestId: string) => this.send('request', withdrawRequestMutation, { requestId });
  acceptQuestion = (requestId: string) => this.send('request', acceptInterjectionMutation, { requestId });
  declineQuestion = (requestId: string) => this.send('request', declineInterjectionMutation, { requestId });
  raisePointOfOrder = (category: string, text: string) => this.send('point', raisePointOfOrderMutation, { category, text });
  withdrawPointOfOrder = (pointId: string) => this.send('point', withdrawPointOfOrderMutation, { pointId });
  /** Demands that a prepared vote be taken by name (for my faction, or joining the members' demand). */
  demandNamedVote = (draftId: string) => this.send('demand', demandNamedVoteMutation, { draftId });

  /** Casts my ballot; the receipt is kept and shown at once. */
  async castVote(voteId: string, optionId: string): Promise<boolean> {
    const outcome = await this.runner.run('ballot', castVoteMutation, { sittingId: this.sittingId(), voteId, optionId });
    if (outcome.ok) {
      this.receiptsSignal.update((receipts) => ({ ...receipts, [outcome.data.voteId]: outcome.data }));
    }
    return outcome.ok;
  }
}
