import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { idArg, inputArg, parseInput, whole, withoutAbsent } from './input';
import { numberLimits } from '../domain/number-limits';
import { AgendaItemKindEnum, SittingStateEnum } from './scalars';
import type { AgendaItem, Sitting } from '../domain/parliament';
import type { SittingEvent } from '../services/pubsub';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageWindow } from './pagination';
import { signedIn } from './auth-scopes';
import { adminActorOf } from './admin-actor';
import { formPatchSchema, formSchema } from '../domain/form-schema';
import { batch } from './loaders';
import type { GraphQLContext } from './context';
import { agendaItemForm, cancelSittingForm, postponeSittingForm, sittingForm } from '@contract/forms/sitting-forms';

export const AgendaItemRef = builder.objectRef<AgendaItem>('AgendaItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position', { description: '1-based place on the agenda.' }),
    title: t.exposeString('title'),
    kind: t.field({ type: AgendaItemKindEnum, resolve: (i) => i.kind }),
    description: t.exposeString('description', { nullable: true }),
    debateMinutes: t.exposeInt('debateMinutes', { nullable: true, description: 'The debate time planned; the chair allots it when calling the item.' }),
    documentLinks: t.stringList({ description: 'The item’s documents (https links), in order.', resolve: (i) => [...i.documentLinks] }),
  }),
});

/** Per request: which of the sittings asked about have anything in their record (one query for a whole list). */
const withRecord = new WeakMap<GraphQLContext, (id: string) => Promise<true | undefined>>();
function hasRecord(ctx: GraphQLContext, id: string): Promise<boolean> {
  let load = withRecord.get(ctx);
  if (!load) {
    load = batch<string, true>(async (ids) => new Map([...(await ctx.services.sittings.withRecord(ids))].map((i) => [i, true as const])));
    withRecord.set(ctx, load);
  }
  return load(id).then((x) => x === true);
}

export const SittingRef = builder.objectRef<Sitting>('Sitting').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    state: t.field({ type: SittingStateEnum, resolve: (s) => s.state }),
    postponedFrom: t.expose('postponedFrom', {
      type: 'DateTime',
      nullable: true,
      description: 'The start first announced, once the sitting has been postponed.',
    }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why the sitting will not take place; null unless cancelled.' }),
    deletable: t.boolean({
      description: 'Scheduled and nothing in its record: it may be deleted (a sitting created by mistake); any other is cancelled instead.',
      resolve: async (s, _a, ctx) => s.state === 'scheduled' && !(await hasRecord(ctx, s.id)),
    }),
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

// ---- mutations: IT and clerks schedule sittings; IT, the chair and clerks keep the agenda ----

const sittingSchema = formSchema(sittingForm);
const agendaSchema = formSchema(agendaItemForm);
const agendaPatchSchema = formPatchSchema(agendaItemForm);
const positionSchema = whole(1, numberLimits.agendaPosition);
const positionArg = (position: number) => parseInput(z.object({ position: positionSchema }), { position }).position;

const SittingInput = builder.inputType('SittingInput', {
  fields: (t) => ({ number: t.int({ required: true }), title: t.string({ required: true }), startsAt: t.field({ type: 'DateTime', required: true }) }),
});
const SittingPatch = builder.inputType('SittingPatch', {
  fields: (t) => ({ number: t.int(), title: t.string(), startsAt: t.field({ type: 'DateTime' }) }),
});
const PostponeSittingInput = builder.inputType('PostponeSittingInput', {
  fields: (t) => ({
    startsAt: t.field({ type: 'DateTime', required: true, description: 'The new start: later than the current one.' }),
    reason: t.string({ description: 'Why; kept in the admin log.' }),
  }),
});
const CancelSittingInput = builder.inputType('CancelSittingInput', {
  fields: (t) => ({ reason: t.string({ required: true, description: 'Why the sitting will not take place.' }) }),
});
const agendaItemFields = {
  description: 'Text; null clears it.',
  debateMinutes: 'The debate time planned, in minutes; null: none.',
  documentLinks: 'https links to the item’s documents, in order.',
} as const;
const AgendaItemInput = builder.inputType('AgendaItemInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    kind: t.field({ type: AgendaItemKindEnum, required: true }),
    description: t.string({ description: agendaItemFields.description }),
    debateMinutes: t.int({ description: agendaItemFields.debateMinutes }),
    documentLinks: t.stringList({ description: agendaItemFields.documentLinks }),
  }),
});
const AgendaItemPatch = builder.inputType('AgendaItemPatch', {
  fields: (t) => ({
    title: t.string(),
    kind: t.field({ type: AgendaItemKindEnum }),
    description: t.string({ description: agendaItemFields.description }),
    debateMinutes: t.int({ description: agendaItemFields.debateMinutes }),
    documentLinks: t.stringList({ description: `${agendaItemFields.documentLinks} The list given replaces the one stored; null clears it.` }),
  }),
});

const sittingKeepers = { anyRole: ['it_admin', 'clerk'] } as const;
const agendaKeepers = { anyRole: ['it_admin', 'chair', 'clerk'] } as const;

builder.mutationFields((t) => ({
  createSitting: t.field({
    type: SittingRef,
    authScopes: sittingKeepers,
    errors: { types: writeErrors },
    args: { input: t.arg({ type: SittingInput, required: true }) },
    resolve: (_r, { input }, ctx) => ctx.services.sittings.create(inputArg(sittingSchema, input), adminActorOf(ctx)),
  }),
  updateSitting: t.field({
    type: SittingRef,
    authScopes: sittingKeepers,
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SittingPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      ctx.services.sittings.update(idArg('id', id), inputArg(formPatchSchema(sittingForm), withoutAbsent(input)), adminActorOf(ctx)),
  }),
  postponeSitting: t.field({
    type: SittingRef,
    authScopes: sittingKeepers,
    errors: { types: writeErrors },
    description: 'A later start for a scheduled sitting; the start first announced stays as postponedFrom.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PostponeSittingInput, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      ctx.services.sittings.postpone(idArg('id', id), inputArg(formSchema(postponeSittingForm), withoutAbsent(input)), adminActorOf(ctx)),
  }),
  cancelSitting: t.field({
    type: SittingRef,
    authScopes: sittingKeepers,
    errors: { types: writeErrors },
    description: 'Calls a scheduled sitting off: it will not open, and its agenda no longer changes.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CancelSittingInput, required: true }) },
    resolve: (_r, { id, input }, ctx) =>
      ctx.services.sittings.cancel(idArg('id', id), inputArg(formSchema(cancelSittingForm), input).reason, adminActorOf(ctx)),
  }),
  deleteSitting: t.id({
    authScopes: sittingKeepers,
    errors: { types: writeErrors },
    description: 'Deletes a scheduled sitting whose record is empty (one created by mistake); any other is cancelled instead.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.services.sittings.remove(idArg('id', id), adminActorOf(ctx)),
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
