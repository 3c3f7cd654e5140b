import type { InputFieldMap, InputShapeFromFields } from '@pothos/core';
import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { id, idList, oneOf, optionalId, optionalText, parseArgs, parseInput, text, whole } from './input';
import { SittingProcedureRef } from './procedure';
import { BallotTokenIssueRef, ReceiptRef, VoteCountInput, VoteDraftInput, VoteDraftRef, voteCountsSchema, voteDraftSchema } from './votes';
import { AgendaAuthorityInput, AgendaChangeInput, agendaAuthoritySchema, agendaChangeSchema } from './agenda-amendments';
import { OrderPolicyEnum, PointOfOrderDecisionEnum, RequestKindEnum, StanceEnum } from './scalars';
import { signedInUser, type GraphQLContext } from './context';
import { chairTeam, chairTeamAndClerks, signedIn } from './auth-scopes';
import type { ProcedureCommand } from '../domain/procedure/commands';
import type { ProcedureSnapshot } from '../services/procedure';
import { numberLimits } from '../domain/number-limits';
import { textLimits } from '../domain/text';
import { orderPolicies, pointOfOrderDecisions, requestKinds, stances } from '../domain/procedure/vocabulary';

const requestKind = oneOf(requestKinds)
  .nullish()
  .transform((k) => k ?? 'speech');
const stance = oneOf(stances)
  .nullish()
  .transform((k) => k ?? null);

/** The signed-in person as the procedure knows them (their roles from the token). */
const actorOf = (ctx: GraphQLContext) => ctx.services.procedure.actorFor(signedInUser(ctx));

/** Every procedural mutation: the signed-in actor, one command, then the procedure as it is now. */
async function run(ctx: GraphQLContext, sittingId: string, command: ProcedureCommand): Promise<ProcedureSnapshot> {
  await ctx.services.procedure.execute(sittingId, await actorOf(ctx), command);
  return ctx.services.procedure.snapshot(sittingId);
}

/** The person a member's own request is for (attendance, the speaker list). */
const self = async (ctx: GraphQLContext) => (await actorOf(ctx)).personId ?? '';

builder.mutationFields((t) => {
  const sittingArg = { sittingId: t.arg.id({ required: true }) };
  type SittingArg = typeof sittingArg;
  /**
   * One procedural mutation: `sittingId`, then its own arguments, and the command built from them.
   * `command` sees the arguments as Pothos infers them, so it reads them through `parseArgs` by name.
   */
  const op = <Args extends InputFieldMap>(
    authScopes: typeof chairTeam | typeof signedIn,
    description: string,
    args: Args,
    command: (a: InputShapeFromFields<SittingArg & Args>, ctx: GraphQLContext) => ProcedureCommand | Promise<ProcedureCommand>,
  ) => {
    const all: SittingArg & Args = { ...sittingArg, ...args };
    return t.field({
      type: SittingProcedureRef,
      description,
      authScopes,
      errors: { types: writeErrors },
      args: all,
      // sittingId first, as before: its refusal comes before the command's. (`a` is generic here, so parseInput, not parseArgs.)
      resolve: async (_r, a, ctx) => run(ctx, parseInput(z.object({ sittingId: id }), a).sittingId, await command(a, ctx)),
    });
  };

  return {
    openSitting: op(chairTeam, 'Opens the sitting; the rulebook in force is frozen into the record.', {}, () => ({ kind: 'sitting.open' })),
    suspendSitting: op(
      chairTeam,
      'Suspends the sitting, optionally for a break of some minutes (a countdown for all).',
      { reason: t.arg.string(), breakMinutes: t.arg.int() },
      (a) => {
        const v = parseArgs(a, { reason: optionalText(textLimits.reason), breakMinutes: whole(1, numberLimits.breakMinutes).nullish() });
        return { kind: 'sitting.suspend', reason: v.reason, breakMinutes: v.breakMinutes ?? null };
      },
    ),
    resumeSitting: op(chairTeam, 'Resumes a suspended sitting.', {}, () => ({ kind: 'sitting.resume' })),
    closeSitting: op(chairTeam, 'Closes the sitting for good.', {}, () => ({ kind: 'sitting.close' })),
    joinSitting: op(signedIn, 'The signed-in person is present from now on.', {}, async (_a, ctx) => ({ kind: 'attendance.join', personId: await self(ctx) })),
    leaveSitting: op(signedIn, 'The signed-in person leaves.', {}, async (_a, ctx) => ({ kind: 'attendance.leave', personId: await self(ctx) })),
    callAgendaItem: op(chairTeam, 'Makes an item the current one.', { agendaItemId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'agenda.call',
      ...parseArgs(a, { agendaItemId: id }),
    })),
    amendAgenda: op(
      chairTeam,
      'Carries out a change of the agenda of the open sitting that the house decided: an accepted point of order or a vote that passed. The record names the decision; the protocol prints it.',
      { change: t.arg({ type: AgendaChangeInput, required: true }), authority: t.arg({ type: AgendaAuthorityInput, required: true }) },
      (a) => ({ kind: 'agenda.amend', ...parseArgs(a, { change: agendaChangeSchema, authority: agendaAuthoritySchema }) }),
    ),
    setOrderPolicy: op(
      chairTeam,
      'How the next speaker is chosen on an item.',
      { agendaItemId: t.arg.id({ required: true }), policy: t.arg({ type: OrderPolicyEnum, required: true }) },
      (a) => ({
        kind: 'agenda.set_order_policy',
        ...parseArgs(a, { agendaItemId: id, policy: oneOf(orderPolicies) }),
      }),
    ),
    allotSpeakingTime: op(
      chairTeam,
      'Splits a debate length among the factions by the rulebook.',
      { agendaItemId: t.arg.id({ required: true }), debateMinutes: t.arg.int({ required: true }) },
      (a) => {
        const v = parseArgs(a, { agendaItemId: id, debateMinutes: whole(1, numberLimits.debateMinutes) });
        return { kind: 'agenda.allot_speaking_time', agendaItemId: v.agendaItemId, debateSeconds: v.debateMinutes * 60 };
      },
    ),
    requestToSpeak: op(
      signedIn,
      'The signed-in member asks for the floor on the current item.',
      { kind: t.arg({ type: RequestKindEnum, defaultValue: 'speech' }), stance: t.arg({ type: StanceEnum }), addressesRequestId: t.arg.id() },
      async (a, ctx) => {
        const v = parseArgs(a, { kind: requestKind, stance, addressesRequestId: optionalId });
        return { kind: 'speaker.request', personId: await self(ctx), requestKind: v.kind, stance: v.stance, addressesRequestId: v.addressesRequestId };
      },
    ),
    withdrawRequest: op(signedIn, 'Withdraws one’s own request.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'speaker.withdraw',
      ...parseArgs(a, { requestId: id }),
    })),
    addSpeaker: op(
      chairTeam,
      'The chair puts anyone who may speak on the list (podium guests too).',
      { personId: t.arg.id({ required: true }), kind: t.arg({ type: RequestKindEnum, defaultValue: 'speech' }), stance: t.arg({ type: StanceEnum }) },
      (a) => {
        const v = parseArgs(a, { personId: id, kind: requestKind, stance });
        return { kind: 'speaker.request', personId: v.personId, requestKind: v.kind, stance: v.stance, addressesRequestId: null };
      },
    ),
    removeSpeaker: op(chairTeam, 'Takes a request off the list.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'speaker.remove',
      ...parseArgs(a, { requestId: id }),
    })),
    reorderSpeakers: op(chairTeam, 'The full order of the pending requests, as the chair wants it.', { order: t.arg.idList({ required: true }) }, (a) => ({
      kind: 'speaker.reorder',
      ...parseArgs(a, { order: idList }),
    })),
    closeSpeakerList: op(chairTeam, 'No more requests from members (the chair can still add).', {}, () => ({ kind: 'speaker_list.close' })),
    reopenSpeakerList: op(chairTeam, 'Members may request again.', {}, () => ({ kind: 'speaker_list.reopen' })),
    nextSpeaker: op(chairTeam, 'Ends the current speech and gives the floor to the next: a pending point of order first, then the list.', {}, () => ({
      kind: 'floor.next',
    })),
    grantFloor: op(chairTeam, 'Gives the floor to a request or to anyone.', { requestId: t.arg.id(), personId: t.arg.id(), limitSeconds: t.arg.int() }, (a) => {
      const v = parseArgs(a, { requestId: optionalId, personId: optionalId, limitSeconds: whole(1, numberLimits.limitSeconds).nullish() });
      return { kind: 'floor.grant', requestId: v.requestId, personId: v.personId, limitSeconds: v.limitSeconds ?? null };
    }),
    extendFloor: op(chairTeam, 'More time for the current speech.', { seconds: t.arg.int({ required: true }) }, (a) => ({
      kind: 'floor.extend',
      ...parseArgs(a, { seconds: whole(1, numberLimits.extendSeconds) }),
    })),
    endFloor: op(chairTeam, 'Ends the current speech.', {}, () => ({ kind: 'floor.end' })),
    passFloor: op(signedIn, 'Talking stick (where the rules allow it): the speaker gives the floor to the next on the list.', {}, () => ({
      kind: 'floor.pass',
    })),
    muteAll: op(chairTeam, 'Mutes every microphone but the chair’s team and podium guests, until lifted or the floor is next granted.', {}, () => ({
      kind: 'chamber.mute_all',
    })),
    liftMuteAll: op(chairTeam, 'Lifts “mute all”: the holder of the floor is heard again.', {}, () => ({ kind: 'chamber.lift_mute_all' })),
    acceptInterjection: op(signedIn, 'The speaker (or the chair) accepts an interjection question.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'interjection.accept',
      ...parseArgs(a, { requestId: id }),
    })),
    declineInterjection: op(signedIn, 'The speaker (or the chair) declines an interjection question.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'interjection.decline',
      ...parseArgs(a, { requestId: id }),
    })),
    endInterjection: op(chairTeam, 'Ends the interjection question; the speech goes on.', {}, () => ({ kind: 'interjection.end' })),
    raisePointOfOrder: op(
      signedIn,
      'A point of order goes ahead of all speeches.',
      { category: t.arg.string({ required: true }), text: t.arg.string({ required: true }) },
      (a) => ({
        kind: 'point_of_order.raise',
        ...parseArgs(a, { category: text(textLimits.category), text: text(textLimits.pointOfOrderText) }),
      }),
    ),
    withdrawPointOfOrder: op(signedIn, 'Withdraws one’s own point of order.', { pointId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'point_of_order.withdraw',
      ...parseArgs(a, { pointId: id }),
    })),
    decidePointOfOrder: t.field({
      type: SittingProcedureRef,
      description: 'Records the chair’s decision; PUT_TO_VOTE opens a yes/no procedural vote at once, or the prepared vote named.',
      authScopes: chairTeam,
      errors: { types: writeErrors },
      args: {
        sittingId: sittingArg.sittingId,
        pointId: t.arg.id({ required: true }),
        decision: t.arg({ type: PointOfOrderDecisionEnum, required: true }),
        note: t.arg.string(),
        voteDraftId: t.arg.id(),
      },
      resolve: async (_r, a, ctx) => {
        const { sittingId: sid, ...d } = parseArgs(a, {
          sittingId: id,
          pointId: id,
          decision: oneOf(pointOfOrderDecisions),
          note: optionalText(textLimits.note),
          voteDraftId: optionalId,
        });
        await ctx.services.procedure.decidePointOfOrder(sid, await actorOf(ctx), d);
        return ctx.services.procedure.snapshot(sid);
      },
    }),
    closeVote: op(chairTeam, 'Closes the vote and publishes the result.', { voteId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'vote.close',
      ...parseArgs(a, { voteId: id }),
      by: 'chair',
    })),
    enterVoteCounts: op(
      chairTeam,
      'Enters the counts of a vote by show of hands, every option once; closes it with the result of the majority rules. The record names who entered them.',
      { voteId: t.arg.id({ required: true }), counts: t.arg({ type: [VoteCountInput], required: true }) },
      (a) => ({ kind: 'vote.enter_counts', ...parseArgs(a, { voteId: id, counts: voteCountsSchema }) }),
    ),
    cancelVote: op(
      chairTeam,
      'Cancels the vote; the reason stays in the record and no result is valid.',
      { voteId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      (a) => ({
        kind: 'vote.cancel',
        ...parseArgs(a, { voteId: id, reason: text(textLimits.reason) }),
      }),
    ),

    openNextElectionRound: op(
      chairTeam,
      'Opens the next round of an election from its closed round (candidates and majority as the rules allow); refused once someone is elected or the rules have no further round.',
      { voteId: t.arg.id({ required: true }) },
      (a) => ({ kind: 'vote.open_next_round', ...parseArgs(a, { voteId: id }) }),
    ),
    openVote: t.field({
      type: SittingProcedureRef,
      description: 'Opens a prepared vote with one action.',
      authScopes: chairTeam,
      errors: { types: writeErrors },
      args: { sittingId: sittingArg.sittingId, draftId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parseArgs(a, { sittingId: id, draftId: id });
        await ctx.services.procedure.openVote(v.sittingId, await actorOf(ctx), v.draftId);
        return ctx.services.procedure.snapshot(v.sittingId);
      },
    }),
    demandNamedVote: t.field({
      type: SittingProcedureRef,
      description:
        'The signed-in member demands that a prepared vote be taken by name: for their faction, or joining the members’ demand (the rulebook says who and until when).',
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: { sittingId: sittingArg.sittingId, draftId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parseArgs(a, { sittingId: id, draftId: id });
        await ctx.services.procedure.demandNamedVote(v.sittingId, await actorOf(ctx), v.draftId);
        return ctx.services.procedure.snapshot(v.sittingId);
      },
    }),
    castVote: t.field({
      type: ReceiptRef,
      description: 'Casts the signed-in member’s ballot; the same ballot again returns the same receipt, a different one is refused.',
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: { sittingId: sittingArg.sittingId, voteId: t.arg.id({ required: true }), optionId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parseArgs(a, { sittingId: id, voteId: id, optionId: id });
        return ctx.services.procedure.castVote(v.sittingId, await actorOf(ctx), v.voteId, v.optionId);
      },
    }),
    issueBallotToken: t.field({
      type: BallotTokenIssueRef,
      description:
        'Secret votes: the signed-in member’s one blind signature (RFC 9474) on a blinded token their browser made. The same blinded message again returns the same signature; another one is refused. The ballot itself goes to POST /api/secret-ballots without any session.',
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: { voteId: t.arg.id({ required: true }), blindedMessage: t.arg.string({ required: true, description: '256 bytes, unpadded base64url.' }) },
      resolve: async (_r, a, ctx) => {
        const v = parseArgs(a, { voteId: id, blindedMessage: z.string().max(400, 'must be at most 400 characters') });
        return ctx.services.procedure.secretBallots.issueBallotToken(await actorOf(ctx), v.voteId, v.blindedMessage);
      },
    }),
    prepareVote: t.field({
      type: VoteDraftRef,
      description: 'Prepares a vote (before or during the sitting) to be opened later with one action.',
      authScopes: chairTeamAndClerks,
      errors: { types: writeErrors },
      args: { sittingId: sittingArg.sittingId, input: t.arg({ type: VoteDraftInput, required: true }) },
      resolve: (_r, a, ctx) => {
        const v = parseArgs(a, { sittingId: id, input: voteDraftSchema });
        return ctx.services.procedure.prepareVote(v.sittingId, v.input);
      },
    }),
    deleteVoteDraft: t.id({
      authScopes: chairTeamAndClerks,
      errors: { types: writeErrors },
      args: { sittingId: sittingArg.sittingId, draftId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => {
        const v = parseArgs(a, { sittingId: id, draftId: id });
        return ctx.services.procedure.deleteVoteDraft(v.sittingId, v.draftId);
      },
    }),
  };
});
