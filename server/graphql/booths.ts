// Interpretation booths and their interpreters, for parliament IT (the `booths` query and the Booth
// type are in roster.ts: people and the chamber refer to them).
import { boothForm } from '@contract/forms/booth-forms';
import { builder } from './builder';
import { writeErrors } from './errors';
import { adminActorOf } from './admin-actor';
import { formPatchSchema, formSchema } from '../domain/form-schema';
import { idArg, inputArg, withoutAbsent } from './input';
import { BoothRef, PersonRef } from './roster';
import { BoothKindEnum } from './scalars';

const boothSchema = formSchema(boothForm);
const boothPatchSchema = formPatchSchema(boothForm);

const BoothInput = builder.inputType('BoothInput', {
  description: 'A booth as parliament IT enters it; its id is given by the server and never changes.',
  fields: (t) => ({
    language: t.string({ required: true, description: 'The BCP 47 tag of the language it interprets into (en, fr, gsg, sgn-DE, …).' }),
    name: t.string({ required: true }),
    kind: t.field({ type: BoothKindEnum, required: true }),
  }),
});
const BoothPatch = builder.inputType('BoothPatch', {
  description: 'The fields to change; absent fields stay as they are.',
  fields: (t) => ({ language: t.string(), name: t.string(), kind: t.field({ type: BoothKindEnum }) }),
});

builder.objectField(BoothRef, 'interpreters', (t) =>
  t.field({
    type: [PersonRef],
    description:
      'The people assigned to the booth, by name. Only those with the interpreter role work in it (media, hand-over); the others are left over from role changes.',
    resolve: async (b, _a, ctx) =>
      (await ctx.services.roster.everyone())
        .filter((p) => p.boothId === b.id)
        .sort((x, y) => x.familyName.localeCompare(y.familyName) || x.givenName.localeCompare(y.givenName) || x.id.localeCompare(y.id)),
  }),
);

builder.queryFields((t) => ({
  assignableInterpreters: t.field({
    type: [PersonRef],
    authScopes: { itAdmin: true },
    description: 'Who can be put in a booth: people with the interpreter role whose membership has not ended, by name (with the booth they are in, if any).',
    resolve: (_r, _a, ctx) => ctx.services.booths.assignable(),
  }),
}));

builder.mutationFields((t) => ({
  createBooth: t.field({
    type: BoothRef,
    description: 'A new booth. A spoken booth’s language is not the floor language and not another spoken booth’s; there is one sign-language booth at most.',
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { input: t.arg({ type: BoothInput, required: true }) },
    resolve: (_r, { input }, ctx) => ctx.services.booths.create(inputArg(boothSchema, input), adminActorOf(ctx)),
  }),
  updateBooth: t.field({
    type: BoothRef,
    description: 'Changes a booth’s name any time; its language and kind not while it is on air or relayed in an open or suspended sitting.',
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: BoothPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) => ctx.services.booths.update(idArg('id', id), inputArg(boothPatchSchema, withoutAbsent(input)), adminActorOf(ctx)),
  }),
  removeBooth: t.id({
    description: 'Removes a booth: refused while it is on air or relayed in an open or suspended sitting, and while interpreters are assigned to it.',
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.services.booths.remove(idArg('id', id), adminActorOf(ctx)),
  }),
  assignInterpreter: t.field({
    type: PersonRef,
    description:
      'Puts an interpreter in a booth (moving them from the one they were in), or takes them off (boothId null). Only people with the interpreter role whose membership has not ended are put in a booth; someone on air in an open sitting hands over first. A moved interpreter reloads the booth page to be heard in the new booth.',
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { personId: t.arg.id({ required: true }), boothId: t.arg.id({ description: 'null: take them off their booth.' }) },
    resolve: (_r, { personId, boothId }, ctx) =>
      ctx.services.booths.assign(idArg('personId', personId), boothId == null ? null : idArg('boothId', boothId), adminActorOf(ctx)),
  }),
}));
