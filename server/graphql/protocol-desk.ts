// The clerk's desk and the chair's protocol: who presides, minutes notes with their moment,
// corrections naming the entry they correct (seq and hash), and the chair's approval of the protocol.
import { z } from 'zod';
import { minutesNoteKinds } from '@contract/minutes-words';
import { builder } from './builder';
import { writeErrors } from './errors';
import { id, oneOf, parseArgs, text, whole } from './input';
import { SittingProcedureRef } from './procedure';
import { PersonRef } from './roster';
import { signedInUser, type GraphQLContext } from './context';
import { chairTeamAndClerks, presidingOfficers } from './auth-scopes';
import type { ProcedureSnapshot } from '../services/procedure';
import { textLimits } from '../domain/text';

const MinutesNoteKindEnum = builder.enumType('MinutesNoteKind', {
  description: 'What a minutes note records: applause, an interjection (a heckle), a call from a group, or other (laughter, unrest).',
  values: Object.fromEntries(minutesNoteKinds.map((k) => [k.toUpperCase(), { value: k }])) as Record<
    Uppercase<(typeof minutesNoteKinds)[number]>,
    { value: (typeof minutesNoteKinds)[number] }
  >,
});

type Approval = NonNullable<ProcedureSnapshot['state']['approval']>;
const ProtocolApprovalRef = builder.objectRef<Approval>('ProtocolApproval').implement({
  description: 'The chair’s approval of the protocol, as the record stood at `seq` (whose hash is `head`).',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    head: t.exposeString('head'),
    at: t.field({ type: 'DateTime', resolve: (a) => new Date(a.at) }),
    by: t.field({ type: PersonRef, nullable: true, resolve: async (a, _x, ctx) => (await ctx.loaders.person(a.by.personId)) ?? null }),
  }),
});

builder.objectFields(SittingProcedureRef, (t) => ({
  presiding: t.field({
    type: PersonRef,
    nullable: true,
    description: 'Who presides: the last to take the chair, else whoever opened the sitting.',
    resolve: async (s, _a, ctx) => {
      const personId = s.state.presiding?.personId ?? s.state.openedBy;
      return personId ? ((await ctx.loaders.person(personId)) ?? null) : null;
    },
  }),
  protocolApproval: t.field({
    type: ProtocolApprovalRef,
    nullable: true,
    description: 'null: not approved, or lapsed by a correction since.',
    resolve: (s) => s.state.approval,
  }),
}));

const actorOf = (ctx: GraphQLContext) => ctx.services.procedure.actorFor(signedInUser(ctx));
const seq = whole(1, 2_147_483_647);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lowercase hex digits)');

builder.mutationFields((t) => ({
  takeChair: t.field({
    type: SittingProcedureRef,
    description: 'The signed-in President or Vice-President takes the chair; the protocol names every change of presidency.',
    authScopes: presidingOfficers,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id });
      await ctx.services.procedure.execute(v.sittingId, await actorOf(ctx), { kind: 'presidency.take' });
      return ctx.services.procedure.snapshot(v.sittingId);
    },
  }),
  noteMinutes: t.field({
    type: SittingProcedureRef,
    description:
      'A note for the protocol (applause, an interjection, a call) at the moment it happened (default now; at most 30 minutes back). Printed in parentheses, in italics.',
    authScopes: chairTeamAndClerks,
    errors: { types: writeErrors },
    args: {
      sittingId: t.arg.id({ required: true }),
      kind: t.arg({ type: MinutesNoteKindEnum, required: true }),
      text: t.arg.string({ required: true }),
      moment: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id, kind: oneOf(minutesNoteKinds), text: text(textLimits.note), moment: z.date().nullish() });
      await ctx.services.procedure.execute(v.sittingId, await actorOf(ctx), {
        kind: 'minutes.note',
        noteKind: v.kind,
        text: v.text,
        moment: v.moment ? v.moment.toISOString() : null,
      });
      return ctx.services.procedure.snapshot(v.sittingId);
    },
  }),
  correctProtocol: t.field({
    type: SittingProcedureRef,
    description:
      'Corrects a text of the protocol (a minutes note, a point of order, the note on a decision) by a new record entry naming the entry corrected by seq and hash. After the approval, a correction lapses it: the chair approves again.',
    authScopes: chairTeamAndClerks,
    errors: { types: writeErrors },
    args: {
      sittingId: t.arg.id({ required: true }),
      seq: t.arg.int({ required: true }),
      hash: t.arg.string({ required: true }),
      text: t.arg.string({ required: true }),
    },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id, seq, hash, text: text(textLimits.note) });
      await ctx.services.procedure.correctProtocol(v.sittingId, await actorOf(ctx), { seq: v.seq, hash: v.hash }, v.text);
      return ctx.services.procedure.snapshot(v.sittingId);
    },
  }),
  approveProtocol: t.field({
    type: SittingProcedureRef,
    description:
      'A President or Vice-President approves the protocol of the closed sitting as read: the record’s head (seq and hash) then. Refused once the record has moved on.',
    authScopes: presidingOfficers,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }), seq: t.arg.int({ required: true }), head: t.arg.string({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id, seq, head: hash });
      await ctx.services.procedure.approveProtocol(v.sittingId, await actorOf(ctx), { seq: v.seq, hash: v.head });
      return ctx.services.procedure.snapshot(v.sittingId);
    },
  }),
}));
