import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { idArg, inputArg, parseInput, patchOf, text, whole, withoutAbsent } from './input';
import { numberLimits } from '../domain/number-limits';
import { textLimits } from '../domain/text';
import { AgendaItemKindEnum, SittingStateEnum } from './scalars';
import type { AgendaItem, Sitting } from '../domain/parliament';
import type { SittingEvent } from '../services/pubsub';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageWindow } from './pagination';
import { signedIn } from './auth-scopes';
import { adminActorOf } from './admin-actor';
import { formPatchSchema, formSchema } from '../domain/form-schema';
import { sittingForm } from '@contract/forms/sitting-forms';

export const AgendaItemRef = builder.objectRef<AgendaItem>('AgendaItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position', { description: '1-based place on the agenda.' }),
    title: t.exposeString('title'),
    kind: t.field({ type: AgendaItemKindEnum, resolve: (i) => i.kind }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

export const SittingRef = builder.objectRef<Sitting>('Sitting').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    state: t.field({ type: SittingStateEnum, resolve: (s) => s.state }),
    agenda: t.field({ type: [AgendaItemRef], resolve: async (s, _a, ctx) => (await ctx.loaders.agendaOf(s.id)) ?? [] }),
  }),
});

const SittingEventRef = builder.objectRef<SittingEvent>('SittingEvent').implement({
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'What happened, as `area.verb`: sitting.created, sitting.updated, agenda.changed.' }),
    sittingId: t.exposeID('sittingId'),
    at: t.expose('at', { type: 'DateTime' }),
    sitting: t.field({
      type: SittingRef,
      description: 'The sitting as it is after the event.',
      resolve: async (e, _a, ctx) => (await ctx.services.sittings.byIds([e.sittingId]))[0]!,
    }),
  }),
});

builder.queryFields((t) => ({
  sittings: t.field({
    type: [SittingRef],
    description: 'Ordered by start.',
    args: {
      first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.sittings) }),
      offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
    },
    resolve: (_r, a, ctx) => ctx.services.sittings.list(pageWindow(a, pageSizes.sittings)),
  }),
  sitting: t.field({
    type: SittingRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => (await ctx.services.sittings.byIds([id]))[0] ?? null,
  }),
}));

builder.subscriptionFields((t) => ({
  sittingEvents: t.field({
    type: SittingEventRef,
    authScopes: signedIn,
    args: { sittingId: t.arg.id({ required: true }) },
    subscribe: (_r, { sittingId }, ctx) => ctx.services.pubsub.subscribe('sitting:events', sittingId),
    resolve: (event) => event,
  }),
}));

// ---- mutations: IT schedules sittings; IT, the chair and clerks keep the agenda ----

const sittingSchema = formSchema(sittingForm);
const agendaKind = z.enum(['procedure', 'debate', 'question_time', 'election', 'vote', 'other']);
const agendaSchema = z.object({
  title: text(textLimits.agendaTitle),
  kind: agendaKind,
  description: text(textLimits.agendaDescription).nullable().default(null),
});
const agendaPatchSchema = patchOf(
  z.object({ title: text(textLimits.agendaTitle), kind: agendaKind, description: text(textLimits.agendaDescription).nullable() }),
);
const positionSchema = whole(1, numberLimits.agendaPosition);
const positionArg = (position: number) => parseInput(z.object({ position: positionSchema }), { position }).position;

const SittingInput = builder.inputType('SittingInput', {
  fields: (t) => ({ number: t.int({ required: true }), title: t.string({ required: true }), startsAt: t.field({ type: 'DateTime', required: true }) }),
});
const SittingPatch = builder.inputType('SittingPatch', {
  fields: (t) => ({ number: t.int(), title: t.string(), startsAt: t.field({ type: 'DateTime' }) }),
});
const AgendaItemInput = builder.inputType('AgendaItemInput', {
  fields: (t) => ({ title: t.string({ required: true }), kind: t.field({ type: AgendaItemKindEnum, required: true }), description: t.string() }),
});
const AgendaItemPatch = builder.inputType('AgendaItemPatch', {
  fields: (t) => ({ title: t.string(), kind: t.field({ type: AgendaItemKindEnum }), description: t.string() }),
});

const agendaKeepers = { anyRole: ['it_admin', 'chair', 'clerk'] } as const;

builder.mutationFields((t) => ({
  createSitting: t.field({
    type: SittingRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { input: t.arg({ type: SittingInput, required: true }) },
    resolve: (_r, { input }, ctx) => ctx.services.sittings.create(inputArg(sittingSchema, input), adminActorOf(ctx)),
  }),
  updateSitting: t.field({
    type: SittingRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SittingPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      ctx.services.sittings.update(idArg('id', id), inputArg(formPatchSchema(sittingForm), withoutAbsent(input)), adminActorOf(ctx)),
  }),
  addAgendaItem: t.field({
    type: AgendaItemRef,
    authScopes: agendaKeepers,
    errors: { types: writeErrors },
    args: {
      sittingId: t.arg.id({ required: true }),
      input: t.arg({ type: AgendaItemInput, required: true }),
      position: t.arg.int({ description: 'Where to insert (1-based); the end when omitted.' }),
    },
    resolve: (_r, { sittingId, input, position }, ctx) =>
      ctx.services.sittings.addAgendaItem(
        idArg('sittingId', sittingId),
        inputArg(agendaSchema, withoutAbsent(input)),
        position == null ? undefined : positionArg(position),
        adminActorOf(ctx),
      ),
  }),
  updateAgendaItem: t.field({
    type: AgendaItemRef,
    authScopes: agendaKeepers,
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AgendaItemPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      ctx.services.sittings.updateAgendaItem(idArg('id', id), inputArg(agendaPatchSchema, withoutAbsent(input)), adminActorOf(ctx)),
  }),
  moveAgendaItem: t.field({
    type: AgendaItemRef,
    authScopes: agendaKeepers,
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), position: t.arg.int({ required: true }) },
    resolve: (_r, { id, position }, ctx) => ctx.services.sittings.moveAgendaItem(idArg('id', id), positionArg(position), adminActorOf(ctx)),
  }),
  removeAgendaItem: t.id({
    authScopes: agendaKeepers,
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.services.sittings.removeAgendaItem(idArg('id', id), adminActorOf(ctx)),
  }),
}));
