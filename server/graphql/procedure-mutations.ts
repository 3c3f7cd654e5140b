import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { id, idList, oneOf, optionalId, optionalText, parseInput, text, whole } from './input';
import { SittingProcedureRef } from './procedure';
import { ReceiptRef, VoteDraftInput, VoteDraftRef, voteDraftSchema } from './votes';
import { OrderPolicyEnum, PointOfOrderDecisionEnum, RequestKindEnum, StanceEnum } from './scalars';
import type { GraphQLContext } from './context';
import type { ProcedureCommand } from '../domain/procedure/commands';
import type { ProcedureSnapshot } from '../services/procedure';
import { numberLimits } from '../domain/number-limits';
import { textLimits } from '../domain/text';
import { chairTeamRoles } from '@contract/roles';
import { orderPolicies, requestKinds, type PointOfOrderDecision, type Stance } from '../domain/procedure/vocabulary';

/** The arguments of one mutation, each by its own rule (server/graphql/input.ts); refusals name the argument. */
const parse = <S extends z.ZodRawShape>(shape: S, a: unknown) => parseInput(z.object(shape), a);
const stances: readonly Stance[] = ['pro', 'contra'];
const decisions: readonly PointOfOrderDecision[] = ['accepted', 'rejected', 'put_to_vote', 'noted'];
const requestKind = oneOf(requestKinds).nullish().transform((k) => k ?? 'speech');
const stance = oneOf(stances).nullish().transform((k) => k ?? null);

/** Every procedural mutation: the signed-in actor, one command, then the procedure as it is now. */
async function run(ctx: GraphQLContext, sittingId: string, command: ProcedureCommand): Promise<ProcedureSnapshot> {
  const actor = await ctx.services.procedure.actorFor(ctx.user!);
  await ctx.services.procedure.execute(sittingId, actor, command);
  return ctx.services.procedure.snapshot(sittingId);
}

const chairTeam = { anyRole: chairTeamRoles } as const;
const signedIn = { signedIn: true } as const;
const sittingId = (t: PothosFieldBuilder) => t.arg.id({ required: true });
type PothosFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

builder.mutationFields((t) => {
  const op = <Args extends object>(
    authScopes: typeof chairTeam | typeof signedIn,
    description: string,
    args: Args,
    command: (a: Record<string, unknown>, ctx: GraphQLContext) => ProcedureCommand | Promise<ProcedureCommand>,
  ) =>
    t.field({
      type: SittingProcedureRef,
      description,
      authScopes,
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), ...(args as object) } as { sittingId: ReturnType<typeof sittingId> },
      resolve: async (_r, a, ctx) => {
        const { sittingId: sid } = parse({ sittingId: id }, a);
        return run(ctx, sid, await command(a as Record<string, unknown>, ctx));
      },
    });
  const self = async (ctx: GraphQLContext) => {
    const actor = await ctx.services.procedure.actorFor(ctx.user!);
    return actor.personId ?? '';
  };

  return {
    openSitting: op(chairTeam, 'Opens the sitting; the rulebook in force is frozen into the record.', {}, () => ({ kind: 'sitting.open' })),
    suspendSitting: op(chairTeam, 'Suspends the sitting, optionally for a break of some minutes (a countdown for all).', { reason: t.arg.string(), breakMinutes: t.arg.int() }, (a) => {
      const v = parse({ reason: optionalText(textLimits.reason), breakMinutes: whole(1, numberLimits.breakMinutes).nullish() }, a);
      return { kind: 'sitting.suspend', reason: v.reason, breakMinutes: v.breakMinutes ?? null };
    }),
    resumeSitting: op(chairTeam, 'Resumes a suspended sitting.', {}, () => ({ kind: 'sitting.resume' })),
    closeSitting: op(chairTeam, 'Closes the sitting for good.', {}, () => ({ kind: 'sitting.close' })),
    joinSitting: op(signedIn, 'The signed-in person is present from now on.', {}, async (_a, ctx) => ({ kind: 'attendance.join', personId: await self(ctx) })),
    leaveSitting: op(signedIn, 'The signed-in person leaves.', {}, async (_a, ctx) => ({ kind: 'attendance.leave', personId: await self(ctx) })),
    callAgendaItem: op(chairTeam, 'Makes an item the current one.', { agendaItemId: t.arg.id({ required: true }) }, (a) => ({ kind: 'agenda.call', ...parse({ agendaItemId: id }, a) })),
    setOrderPolicy: op(chairTeam, 'How the next speaker is chosen on an item.', { agendaItemId: t.arg.id({ required: true }), policy: t.arg({ type: OrderPolicyEnum, required: true }) }, (a) => ({
      kind: 'agenda.set_order_policy',
      ...parse({ agendaItemId: id, policy: oneOf(orderPolicies) }, a),
    })),
    allotSpeakingTime: op(chairTeam, 'Splits a debate length among the factions by the rulebook.', { agendaItemId: t.arg.id({ required: true }), debateMinutes: t.arg.int({ required: true }) }, (a) => {
      const v = parse({ agendaItemId: id, debateMinutes: whole(1, numberLimits.debateMinutes) }, a);
      return { kind: 'agenda.allot_speaking_time', agendaItemId: v.agendaItemId, debateSeconds: v.debateMinutes * 60 };
    }),
    requestToSpeak: op(
      signedIn,
      'The signed-in member asks for the floor on the current item.',
      { kind: t.arg({ type: RequestKindEnum, defaultValue: 'speech' }), stance: t.arg({ type: StanceEnum }), addressesRequestId: t.arg.id() },
      async (a, ctx) => {
        const v = parse({ kind: requestKind, stance, addressesRequestId: optionalId }, a);
        return { kind: 'speaker.request', personId: await self(ctx), requestKind: v.kind, stance: v.stance, addressesRequestId: v.addressesRequestId };
      },
    ),
    withdrawRequest: op(signedIn, 'Withdraws one’s own request.', { requestId: t.arg.id({ required: true }) }, (a) => ({ kind: 'speaker.withdraw', ...parse({ requestId: id }, a) })),
    addSpeaker: op(
      chairTeam,
      'The chair puts anyone who may speak on the list (podium guests too).',
      { personId: t.arg.id({ required: true }), kind: t.arg({ type: RequestKindEnum, defaultValue: 'speech' }), stance: t.arg({ type: StanceEnum }) },
      (a) => {
        const v = parse({ personId: id, kind: requestKind, stance }, a);
        return { kind: 'speaker.request', personId: v.personId, requestKind: v.kind, stance: v.stance, addressesRequestId: null };
      },
    ),
    removeSpeaker: op(chairTeam, 'Takes a request off the list.', { requestId: t.arg.id({ required: true }) }, (a) => ({ kind: 'speaker.remove', ...parse({ requestId: id }, a) })),
    reorderSpeakers: op(chairTeam, 'The full order of the pending requests, as the chair wants it.', { order: t.arg.idList({ required: true }) }, (a) => ({
      kind: 'speaker.reorder',
      ...parse({ order: idList }, a),
    })),
    closeSpeakerList: op(chairTeam, 'No more requests from members (the chair can still add).', {}, () => ({ kind: 'speaker_list.close' })),
    reopenSpeakerList: op(chairTeam, 'Members may request again.', {}, () => ({ kind: 'speaker_list.reopen' })),
    nextSpeaker: op(chairTeam, 'Ends the current speech and gives the floor to the next: a pending point of order first, then the list.', {}, () => ({ kind: 'floor.next' })),
    grantFloor: op(chairTeam, 'Gives the floor to a request or to anyone.', { requestId: t.arg.id(), personId: t.arg.id(), limitSeconds: t.arg.int() }, (a) => {
      const v = parse({ requestId: optionalId, personId: optionalId, limitSeconds: whole(1, numberLimits.limitSeconds).nullish() }, a);
      return { kind: 'floor.grant', requestId: v.requestId, personId: v.personId, limitSeconds: v.limitSeconds ?? null };
    }),
    extendFloor: op(chairTeam, 'More time for the current speech.', { seconds: t.arg.int({ required: true }) }, (a) => ({ kind: 'floor.extend', ...parse({ seconds: whole(1, numberLimits.extendSeconds) }, a) })),
    endFloor: op(chairTeam, 'Ends the current speech.', {}, () => ({ kind: 'floor.end' })),
    muteAll: op(chairTeam, 'Mutes every microphone but the chair’s team and podium guests, until lifted or the floor is next granted.', {}, () => ({ kind: 'chamber.mute_all' })),
    liftMuteAll: op(chairTeam, 'Lifts “mute all”: the holder of the floor is heard again.', {}, () => ({ kind: 'chamber.lift_mute_all' })),
    acceptInterjection: op(signedIn, 'The speaker (or the chair) accepts an interjection question.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'interjection.accept',
      ...parse({ requestId: id }, a),
    })),
    declineInterjection: op(signedIn, 'The speaker (or the chair) declines an interjection question.', { requestId: t.arg.id({ required: true }) }, (a) => ({
      kind: 'interjection.decline',
      ...parse({ requestId: id }, a),
    })),
    endInterjection: op(chairTeam, 'Ends the interjection question; the speech goes on.', {}, () => ({ kind: 'interjection.end' })),
    raisePointOfOrder: op(signedIn, 'A point of order goes ahead of all speeches.', { category: t.arg.string({ required: true }), text: t.arg.string({ required: true }) }, (a) => ({
      kind: 'point_of_order.raise',
      ...parse({ category: text(textLimits.category), text: text(textLimits.pointOfOrderText) }, a),
    })),
    withdrawPointOfOrder: op(signedIn, 'Withdraws one’s own point of order.', { pointId: t.arg.id({ required: true }) }, (a) => ({ kind: 'point_of_order.withdraw', ...parse({ pointId: id }, a) })),
    decidePointOfOrder: t.field({
      type: SittingProcedureRef,
      description: 'Records the chair’s decision; PUT_TO_VOTE opens a yes/no procedural vote at once, or the prepared vote named.',
      authScopes: chairTeam,
      errors: { types: writeErrors },
      args: {
        sittingId: sittingId(t),
        pointId: t.arg.id({ required: true }),
        decision: t.arg({ type: PointOfOrderDecisionEnum, required: true }),
        note: t.arg.string(),
        voteDraftId: t.arg.id(),
      },
      resolve: async (_r, a, ctx) => {
        const { sittingId: sid, ...d } = parse(
          { sittingId: id, pointId: id, decision: oneOf(decisions), note: optionalText(textLimits.note), voteDraftId: optionalId },
          a,
        );
        await ctx.services.procedure.decidePointOfOrder(sid, await ctx.services.procedure.actorFor(ctx.user!), d);
        return ctx.services.procedure.snapshot(sid);
      },
    }),
    closeVote: op(chairTeam, 'Closes the vote and publishes the result.', { voteId: t.arg.id({ required: true }) }, (a) => ({ kind: 'vote.close', ...parse({ voteId: id }, a), by: 'chair' })),
    cancelVote: op(chairTeam, 'Cancels the vote; the reason stays in the record and no result is valid.', { voteId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) }, (a) => ({
      kind: 'vote.cancel',
      ...parse({ voteId: id, reason: text(textLimits.reason) }, a),
    })),

    openVote: t.field({
      type: SittingProcedureRef,
      description: 'Opens a prepared vote with one action.',
      authScopes: chairTeam,
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), draftId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parse({ sittingId: id, draftId: id }, a);
        await ctx.services.procedure.openVote(v.sittingId, await ctx.services.procedure.actorFor(ctx.user!), v.draftId);
        return ctx.services.procedure.snapshot(v.sittingId);
      },
    }),
    demandNamedVote: t.field({
      type: SittingProcedureRef,
      description: 'The signed-in member demands that a prepared vote be taken by name: for their faction, or joining the members’ demand (the rulebook says who and until when).',
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), draftId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parse({ sittingId: id, draftId: id }, a);
        await ctx.services.procedure.demandNamedVote(v.sittingId, await ctx.services.procedure.actorFor(ctx.user!), v.draftId);
        return ctx.services.procedure.snapshot(v.sittingId);
      },
    }),
    castVote: t.field({
      type: ReceiptRef,
      description: 'Casts the signed-in member’s ballot; the same ballot again returns the same receipt, a different one is refused.',
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), voteId: t.arg.id({ required: true }), optionId: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const v = parse({ sittingId: id, voteId: id, optionId: id }, a);
        return ctx.services.procedure.castVote(v.sittingId, await ctx.services.procedure.actorFor(ctx.user!), v.voteId, v.optionId);
      },
    }),
    prepareVote: t.field({
      type: VoteDraftRef,
      description: 'Prepares a vote (before or during the sitting) to be opened later with one action.',
      authScopes: { anyRole: ['chair', 'moderator', 'clerk'] },
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), input: t.arg({ type: VoteDraftInput, required: true }) },
      resolve: (_r, a, ctx) => {
        const v = parse({ sittingId: id, input: voteDraftSchema }, a);
        return ctx.services.procedure.prepareVote(v.sittingId, v.input);
      },
    }),
    deleteVoteDraft: t.id({
      authScopes: { anyRole: ['chair', 'moderator', 'clerk'] },
      errors: { types: writeErrors },
      args: { sittingId: sittingId(t), draftId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => {
        const v = parse({ sittingId: id, draftId: id }, a);
        return ctx.services.procedure.deleteVoteDraft(v.sittingId, v.draftId);
      },
    }),
  };
});
