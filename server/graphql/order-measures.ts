/**
 * Order measures in the API: the chair's team's mutations (calls, withdrawal of the floor, individual
 * mute, exclusion, objection and its decision) and `SittingProcedure.orderMeasures` to read them.
 * Resolvers parse, then run one procedure command; the domain decides (order-measures.ts).
 */
import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { id, optionalText, parseArgs, parseInput, whole } from './input';
import { SittingProcedureRef } from './procedure';
import { personOf } from './procedure-person';
import { PersonRef } from './roster';
import { signedInUser, type GraphQLContext } from './context';
import { chairTeam } from './auth-scopes';
import type { ProcedureCommand } from '../domain/procedure/commands';
import { orderView, type OrderView, type PersonCalls } from '../domain/procedure/order-measures';
import type { Exclusion } from '../domain/procedure/state';
import type { ProcedureSnapshot } from '../services/procedure';
import { textLimits } from '../domain/text';

/** The most sitting days the API takes; the rulebook's maximum (≤ 60) is the domain's to check. */
const MAX_SITTING_DAYS = 60;

/** sittingId first, as in procedure-mutations.ts: its refusal comes before the command's. */
async function run(ctx: GraphQLContext, sittingId: unknown, command: () => ProcedureCommand): Promise<ProcedureSnapshot> {
  const sitting = parseInput(z.object({ sittingId: id }), { sittingId }).sittingId;
  await ctx.services.procedure.execute(sitting, await ctx.services.procedure.actorFor(signedInUser(ctx)), command());
  return ctx.services.procedure.snapshot(sitting);
}

const PersonCallsRef = builder.objectRef<PersonCalls>('OrderCalls').implement({
  description: 'Calls to the point and to order one person has had in this sitting.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (c, _a, ctx) => personOf(c.person, ctx) }),
    toPoint: t.exposeInt('toPoint'),
    toOrder: t.exposeInt('toOrder'),
    inThisSpeech: t.exposeInt('inThisSpeech', { description: 'Calls in the speech they hold now (0 without the floor).' }),
    counted: t.exposeInt('counted', { description: 'Calls that count toward withdrawal of the floor, as the rules count them.' }),
  }),
});

const ObjectionRef = builder.objectRef<NonNullable<Exclusion['objection']>>('ExclusionObjection').implement({
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true }),
    decided: t.boolean({ resolve: (o) => o.decision !== null }),
    upheld: t.boolean({ nullable: true, description: 'null: not decided yet.', resolve: (o) => o.decision?.upheld ?? null }),
    note: t.string({ nullable: true, resolve: (o) => o.decision?.note ?? null }),
  }),
});

const ExclusionRef = builder.objectRef<Exclusion>('Exclusion').implement({
  description: 'An exclusion from sittings (an order measure): imposed in this sitting, or carried from an earlier one.',
  fields: (t) => ({
    id: t.exposeID('exclusionId'),
    person: t.field({ type: PersonRef, resolve: (x, _a, ctx) => personOf(x.person, ctx) }),
    sittingDays: t.exposeInt('sittingDays', { description: 'Sitting days imposed, the sitting it was imposed in the first.' }),
    remaining: t.exposeInt('remaining', { description: 'Sitting days left when this sitting began (or when imposed), this one included.' }),
    carried: t.boolean({ description: 'Imposed in an earlier sitting.', resolve: (x) => x.fromSittingId !== null }),
    at: t.field({ type: 'DateTime', resolve: (x) => new Date(x.at) }),
    reason: t.exposeString('reason', { nullable: true }),
    objection: t.field({ type: ObjectionRef, nullable: true, resolve: (x) => x.objection }),
    lifted: t.exposeBoolean('lifted', { description: 'An upheld objection ended it.' }),
  }),
});

const OrderMeasuresRef = builder.objectRef<OrderView>('OrderMeasures').implement({
  description: 'Order measures in this sitting and what the rules allow.',
  fields: (t) => ({
    callToPointAllowed: t.boolean({ resolve: (v) => v.rules.callToPoint }),
    withdrawAfterCalls: t.int({
      nullable: true,
      description: 'null: the chair may withdraw the floor at any time.',
      resolve: (v) => v.rules.withdrawAfterCalls,
    }),
    callsCountedPerSpeech: t.boolean({ description: 'false: calls count over the whole sitting.', resolve: (v) => v.rules.callsCountedPer === 'speech' }),
    maxExclusionSittingDays: t.int({ resolve: (v) => v.rules.maxExclusionSittingDays }),
    objectionAllowed: t.boolean({ resolve: (v) => v.rules.objection }),
    floorCalls: t.int({
      nullable: true,
      description: 'Calls of the floor’s holder that count toward withdrawal; null: nobody has the floor.',
      resolve: (v) => v.floor?.counted ?? null,
    }),
    mayWithdrawFloor: t.boolean({
      description: 'Somebody has the floor and the rules let the chair withdraw it now.',
      resolve: (v) => v.floor?.mayWithdraw ?? false,
    }),
    calls: t.field({ type: [PersonCallsRef], resolve: (v) => [...v.calls] }),
    muted: t.field({
      type: [PersonRef],
      description: 'Members whose microphone the chair holds.',
      resolve: (v, _a, ctx) => Promise.all(v.muted.map((p) => personOf(p, ctx))),
    }),
    floorWithdrawnFrom: t.idList({ description: 'People whose floor was withdrawn in this sitting.', resolve: (v) => [...v.withdrawnFrom] }),
    exclusions: t.field({ type: [ExclusionRef], resolve: (v) => [...v.exclusions] }),
    excludedIds: t.idList({
      description: 'People excluded now (exclusions not lifted).',
      resolve: (v) => v.exclusions.filter((x) => !x.lifted).map((x) => x.person.personId),
    }),
  }),
});

builder.objectField(SittingProcedureRef, 'orderMeasures', (t) =>
  t.field({ type: OrderMeasuresRef, resolve: (s) => orderView(s.state, (s.state.rulebook ?? s.context.rulebook).orderMeasures) }),
);

builder.mutationFields((t) => {
  const sittingId = t.arg.id({ required: true });
  const personId = t.arg.id({ required: true });
  const field = { type: SittingProcedureRef, authScopes: chairTeam, errors: { types: writeErrors } } as const;
  return {
    callToPoint: t.field({
      ...field,
      description: 'Calls the speaker to the point (Sachruf); counts toward withdrawal of the floor.',
      args: { sittingId, personId, reason: t.arg.string() },
      resolve: (_r, a, ctx) =>
        run(ctx, a.sittingId, () => ({ kind: 'order.call_to_point', ...parseArgs(a, { personId: id, reason: optionalText(textLimits.reason) }) })),
    }),
    callToOrder: t.field({
      ...field,
      description: 'Calls a member to order (Ordnungsruf), on the floor or in their seat.',
      args: { sittingId, personId, reason: t.arg.string() },
      resolve: (_r, a, ctx) =>
        run(ctx, a.sittingId, () => ({ kind: 'order.call_to_order', ...parseArgs(a, { personId: id, reason: optionalText(textLimits.reason) }) })),
    }),
    withdrawFloor: t.field({
      ...field,
      description: 'Withdraws the floor from its holder, as the rules allow (e.g. after the third call in one speech); the microphone is held at once.',
      args: { sittingId, reason: t.arg.string() },
      resolve: (_r, a, ctx) => run(ctx, a.sittingId, () => ({ kind: 'order.withdraw_floor', ...parseArgs(a, { reason: optionalText(textLimits.reason) }) })),
    }),
    muteMember: t.field({
      ...field,
      description: 'Holds one member’s microphone, even with the floor, until unmuted.',
      args: { sittingId, personId },
      resolve: (_r, a, ctx) => run(ctx, a.sittingId, () => ({ kind: 'order.mute', ...parseArgs(a, { personId: id }) })),
    }),
    unmuteMember: t.field({
      ...field,
      description: 'Releases a member’s microphone held by muteMember.',
      args: { sittingId, personId },
      resolve: (_r, a, ctx) => run(ctx, a.sittingId, () => ({ kind: 'order.unmute', ...parseArgs(a, { personId: id }) })),
    }),
    excludeMember: t.field({
      ...field,
      description:
        'Excludes a member for sitting days (this sitting the first, within the rules’ maximum): they leave the chamber and its media at once, and are refused until served.',
      args: { sittingId, personId, sittingDays: t.arg.int({ required: true }), reason: t.arg.string() },
      resolve: (_r, a, ctx) =>
        run(ctx, a.sittingId, () => {
          const v = parseArgs(a, { personId: id, sittingDays: whole(1, MAX_SITTING_DAYS), reason: optionalText(textLimits.reason) });
          return { kind: 'order.exclude', personId: v.personId, sittingDays: v.sittingDays, reason: v.reason };
        }),
    }),
    recordExclusionObjection: t.field({
      ...field,
      description: 'Records the excluded member’s objection (Einspruch), lodged with the chair.',
      args: { sittingId, exclusionId: t.arg.id({ required: true }), text: t.arg.string() },
      resolve: (_r, a, ctx) =>
        run(ctx, a.sittingId, () => ({ kind: 'order.record_objection', ...parseArgs(a, { exclusionId: id, text: optionalText(textLimits.reason) }) })),
    }),
    decideExclusionObjection: t.field({
      ...field,
      description: 'Records the decision on an objection; upheld lifts the exclusion (for this sitting and those after).',
      args: { sittingId, exclusionId: t.arg.id({ required: true }), upheld: t.arg.boolean({ required: true }), note: t.arg.string() },
      resolve: (_r, a, ctx) =>
        run(ctx, a.sittingId, () => ({
          kind: 'order.decide_objection',
          ...parseArgs(a, { exclusionId: id, upheld: z.boolean(), note: optionalText(textLimits.note) }),
        })),
    }),
  };
});
