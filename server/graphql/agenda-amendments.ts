/**
 * Changing the agenda of an open sitting through procedure (issue 13): the arguments of
 * `amendAgenda` (procedure-mutations.ts), and what SittingProcedure tells about the agenda as it
 * stands, the changes carried out and the decisions that allow them.
 */
import { z } from 'zod';
import { builder } from './builder';
import { PersonRef } from './roster';
import { AgendaItemKindEnum } from './scalars';
import { id, oneOf, optionalText, text, whole } from './input';
import { SittingProcedureRef } from './procedure';
import { agendaAuthorities, agendaInOrder, dealtWith, type AgendaAuthorityView } from '../domain/procedure/agenda-amendments';
import type { AgendaAuthority, AgendaChange } from '../domain/procedure/commands';
import type { AgendaAmendment } from '../domain/procedure/state';
import { agendaItemKinds } from '../domain/parliament';
import { numberLimits } from '../domain/number-limits';
import { textLimits } from '../domain/text';

const changeKinds = ['move', 'insert', 'remove', 'retitle'] as const;
const authorityKinds = ['point_of_order', 'vote'] as const;

export const AgendaChangeKindEnum = builder.enumType('AgendaChangeKind', {
  values: { MOVE: { value: 'move' }, INSERT: { value: 'insert' }, REMOVE: { value: 'remove' }, RETITLE: { value: 'retitle' } } as const,
});
export const AgendaAuthorityKindEnum = builder.enumType('AgendaAuthorityKind', {
  values: { POINT_OF_ORDER: { value: 'point_of_order' }, VOTE: { value: 'vote' } } as const,
});

export const AgendaChangeInput = builder.inputType('AgendaChangeInput', {
  description:
    'One change of the agenda. MOVE: agendaItemId and position; INSERT: position, title and itemKind (description optional); REMOVE: agendaItemId (an item not called or voted on); RETITLE: agendaItemId and title. Positions are 1-based places in the agenda as it stands.',
  fields: (t) => ({
    kind: t.field({ type: AgendaChangeKindEnum, required: true }),
    agendaItemId: t.id(),
    position: t.int(),
    title: t.string(),
    itemKind: t.field({ type: AgendaItemKindEnum }),
    description: t.string(),
  }),
});

export const AgendaAuthorityInput = builder.inputType('AgendaAuthorityInput', {
  description: 'The decision of this sitting the change carries out: a point of order the chair accepted, or a vote that passed.',
  fields: (t) => ({
    kind: t.field({ type: AgendaAuthorityKindEnum, required: true }),
    id: t.id({ required: true, description: 'The point of order’s or the vote’s id.' }),
  }),
});

/** A change as the API takes it: every kind names the fields it needs; one missing is refused by name. */
export const agendaChangeSchema = z
  .object({
    kind: oneOf(changeKinds),
    agendaItemId: id.nullish(),
    position: whole(1, numberLimits.agendaPosition).nullish(),
    title: text(textLimits.agendaTitle).nullish(),
    itemKind: oneOf(agendaItemKinds).nullish(),
    description: optionalText(textLimits.agendaDescription),
  })
  .transform((c, ctx): AgendaChange => {
    const missing = (field: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message: `${c.kind.toUpperCase()} needs ${field}` });
      return z.NEVER;
    };
    switch (c.kind) {
      case 'move':
        if (c.agendaItemId == null) return missing('agendaItemId');
        if (c.position == null) return missing('position');
        return { kind: 'move', agendaItemId: c.agendaItemId, position: c.position };
      case 'insert':
        if (c.position == null) return missing('position');
        if (c.title == null) return missing('title');
        if (c.itemKind == null) return missing('itemKind');
        return { kind: 'insert', position: c.position, title: c.title, itemKind: c.itemKind, description: c.description };
      case 'remove':
        if (c.agendaItemId == null) return missing('agendaItemId');
        return { kind: 'remove', agendaItemId: c.agendaItemId };
      case 'retitle':
        if (c.agendaItemId == null) return missing('agendaItemId');
        if (c.title == null) return missing('title');
        return { kind: 'retitle', agendaItemId: c.agendaItemId, title: c.title };
    }
  });

export const agendaAuthoritySchema = z
  .object({ kind: oneOf(authorityKinds), id })
  .transform((a): AgendaAuthority => (a.kind === 'vote' ? { kind: 'vote', voteId: a.id } : { kind: 'point_of_order', pointId: a.id }));

// ---- what the procedure tells ----

type AgendaEntry = ReturnType<typeof agendaInOrder>[number] & { readonly dealtWith: boolean };
const ProcedureAgendaItemRef = builder.objectRef<AgendaEntry>('ProcedureAgendaItem').implement({
  description: 'An item of the agenda as the procedure sees it now (amendments included).',
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position', { description: '1-based place on the agenda.' }),
    title: t.exposeString('title'),
    dealtWith: t.exposeBoolean('dealtWith', {
      description: 'Current, called in this sitting or voted on: it stays on the agenda (an amendment cannot remove it).',
    }),
  }),
});

const authorityIdOf = (a: AgendaAmendment['authority']) => (a.kind === 'vote' ? a.voteId : a.pointId);

const AgendaAmendmentRef = builder.objectRef<AgendaAmendment>('AgendaAmendment').implement({
  description: 'A change of the agenda carried out in the open sitting, and the decision it carries out.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'The entry in the record.' }),
    at: t.field({ type: 'DateTime', resolve: (a) => new Date(a.at) }),
    kind: t.field({ type: AgendaChangeKindEnum, resolve: (a) => a.change.kind }),
    agendaItemId: t.id({ resolve: (a) => a.change.agendaItemId }),
    title: t.string({ description: 'The item’s title (after a RETITLE: the new one).', resolve: (a) => a.change.title }),
    position: t.int({
      description: 'MOVE: the new place; INSERT: where it went in; REMOVE: where it was; RETITLE: its place.',
      resolve: (a) => (a.change.kind === 'move' ? a.change.to : a.change.position),
    }),
    fromPosition: t.int({ nullable: true, description: 'MOVE: where it was.', resolve: (a) => (a.change.kind === 'move' ? a.change.from : null) }),
    previousTitle: t.string({
      nullable: true,
      description: 'RETITLE: the title before.',
      resolve: (a) => (a.change.kind === 'retitle' ? a.change.previousTitle : null),
    }),
    authorityKind: t.field({ type: AgendaAuthorityKindEnum, resolve: (a) => a.authority.kind }),
    authorityId: t.id({ resolve: (a) => authorityIdOf(a.authority) }),
    authorityReference: t.string({ description: 'The point of order’s text or the vote’s title.', resolve: (a) => a.authority.reference }),
    by: t.field({
      type: PersonRef,
      nullable: true,
      description: 'Who carried it out.',
      resolve: async (a, _x, ctx) => (a.actorId ? ((await ctx.loaders.person(a.actorId)) ?? null) : null),
    }),
  }),
});

const AgendaAuthorityRef = builder.objectRef<AgendaAuthorityView>('AgendaAuthority').implement({
  description: 'A decision of this sitting that allows a change of its agenda: an accepted point of order or a vote that passed.',
  fields: (t) => ({
    kind: t.field({ type: AgendaAuthorityKindEnum, resolve: (a) => a.kind }),
    id: t.exposeID('id'),
    reference: t.exposeString('reference', { description: 'The point of order’s text or the vote’s title.' }),
    mover: t.field({
      type: PersonRef,
      nullable: true,
      description: 'Who raised the point of order; null for a vote.',
      resolve: async (a, _x, ctx) => (a.mover ? ((await ctx.loaders.person(a.mover.personId)) ?? null) : null),
    }),
    category: t.exposeString('category', { nullable: true, description: 'The point of order’s category (rulebook id); null for a vote.' }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => (a.decidedAt ? new Date(a.decidedAt) : null) }),
    amendedIn: t.intList({ description: 'The record entries (seq) of the amendments that carried it out so far.', resolve: (a) => [...a.amendedIn] }),
  }),
});

builder.objectFields(SittingProcedureRef, (t) => ({
  agenda: t.field({
    type: [ProcedureAgendaItemRef],
    description: 'The agenda as it stands, in order: what calling and amending refer to.',
    resolve: (s) => agendaInOrder(s.context.agenda).map((i) => ({ ...i, dealtWith: dealtWith(s.state, i.id) !== null })),
  }),
  agendaAmendments: t.field({
    type: [AgendaAmendmentRef],
    description: 'Changes of the agenda carried out while the sitting was open, in record order.',
    resolve: (s) => [...s.state.amendments],
  }),
  agendaAuthorities: t.field({
    type: [AgendaAuthorityRef],
    description: 'Accepted points of order and votes that passed, newest first: the decisions an agenda change can carry out.',
    resolve: (s) => [...agendaAuthorities(s.state)],
  }),
}));
