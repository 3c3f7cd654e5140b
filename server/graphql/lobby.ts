/**
 * The lobby: someone not on the roster (or removed) asks to enter; the chair's team sees who waits and
 * who was admitted, admits (as guest, press, substitute for a member, podium guest for the current
 * item), declines or removes. Each is an entry of the record (server/domain/procedure/lobby.ts).
 */
import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { id, oneOf, optionalId, optionalText, parseArgs } from './input';
import { SittingProcedureRef } from './procedure';
import { SittingRef } from './sittings';
import { chairTeam, signedIn } from './auth-scopes';
import { signedInUser, type GraphQLContext } from './context';
import { textLimits } from '../domain/text';
import { admissionRoles, type AdmissionRole } from '../domain/procedure/events';
import type { ProcedureCommand } from '../domain/procedure/commands';
import type { Admission } from '../domain/procedure/state';
import { admitted, mayEnter, waiting } from '../domain/procedure/lobby';
import { own } from '../domain/procedure/lookup';

const AdmissionRoleEnum = builder.enumType('AdmissionRole', {
  description: 'What the chair’s team admits someone as. None of them votes; a podium guest may be given the floor.',
  values: { GUEST: { value: 'guest' }, PRESS: { value: 'press' }, SUBSTITUTE: { value: 'substitute' }, PODIUM_GUEST: { value: 'podium_guest' } } as const,
});

const AdmissionStatusEnum = builder.enumType('AdmissionStatus', {
  description:
    'Where the signed-in person stands at the door: ON_ROSTER (they walk in), NONE (not yet asked), WAITING, ADMITTED, DECLINED, REMOVED, ENDED (admitted for an agenda item that is over).',
  values: {
    ON_ROSTER: { value: 'on_roster' },
    NONE: { value: 'none' },
    WAITING: { value: 'waiting' },
    ADMITTED: { value: 'admitted' },
    DECLINED: { value: 'declined' },
    REMOVED: { value: 'removed' },
    ENDED: { value: 'ended' },
  } as const,
});

const LobbyEntryRef = builder.objectRef<Admission>('LobbyEntry').implement({
  description: 'Someone in the lobby, or admitted from it.',
  fields: (t) => ({
    id: t.id({ description: 'The entrant id the commands take.', resolve: (a) => a.entrant.entrantId }),
    name: t.string({ resolve: (a) => a.entrant.name }),
    onRoster: t.boolean({ description: 'A roster person who was removed and asks to return.', resolve: (a) => a.entrant.personId !== null }),
    since: t.field({ type: 'DateTime', resolve: (a) => new Date(a.since) }),
    role: t.field({ type: AdmissionRoleEnum, nullable: true, resolve: (a) => a.role }),
    substituteFor: t.string({ nullable: true, description: 'The member a substitute stands in for.', resolve: (a) => a.substituteFor?.name ?? null }),
    forCurrentItemOnly: t.boolean({ resolve: (a) => a.agendaItemId !== null }),
  }),
});

interface LobbyData {
  readonly waiting: readonly Admission[];
  readonly admitted: readonly Admission[];
}
const LobbyRef = builder.objectRef<LobbyData>('Lobby').implement({
  fields: (t) => ({
    waiting: t.field({ type: [LobbyEntryRef], description: 'Oldest first.', resolve: (l) => [...l.waiting] }),
    admitted: t.field({ type: [LobbyEntryRef], resolve: (l) => [...l.admitted] }),
  }),
});

interface MyAdmissionData {
  readonly status: 'on_roster' | 'none' | Admission['status'];
  readonly role: AdmissionRole | null;
  readonly reason: string | null;
}
const MyAdmissionRef = builder.objectRef<MyAdmissionData>('MyAdmission').implement({
  fields: (t) => ({
    status: t.field({ type: AdmissionStatusEnum, resolve: (m) => m.status }),
    role: t.field({ type: AdmissionRoleEnum, nullable: true, resolve: (m) => m.role }),
    reason: t.string({ nullable: true, description: 'Given with a decline or a removal.', resolve: (m) => m.reason }),
  }),
});

builder.objectFields(SittingRef, (t) => ({
  lobby: t.field({
    type: LobbyRef,
    authScopes: chairTeam,
    description: 'Who waits to be admitted, and who was admitted (the chair’s team).',
    resolve: async (s, _a, ctx) => {
      const { state } = await ctx.services.procedure.snapshot(s.id);
      return { waiting: waiting(state), admitted: admitted(state) };
    },
  }),
  myAdmission: t.field({
    type: MyAdmissionRef,
    authScopes: signedIn,
    description: 'Where the signed-in person stands at the door of this sitting.',
    resolve: async (s, _a, ctx): Promise<MyAdmissionData> => {
      const user = signedInUser(ctx);
      const [snap, entrant] = await Promise.all([ctx.services.procedure.snapshot(s.id), ctx.services.procedure.entrantFor(user)]);
      const admission = own(snap.state.admissions, entrant.entrantId);
      if (!admission) return { status: entrant.personId !== null ? 'on_roster' : 'none', role: null, reason: null };
      const onRoster = entrant.personId !== null && mayEnter(snap.state, entrant.entrantId, true);
      return { status: onRoster ? 'on_roster' : admission.status, role: admission.role, reason: admission.reason };
    },
  }),
}));

async function chairRun(ctx: GraphQLContext, sittingId: string, command: ProcedureCommand) {
  await ctx.services.procedure.execute(sittingId, await ctx.services.procedure.actorFor(signedInUser(ctx)), command);
  return ctx.services.procedure.snapshot(sittingId);
}

builder.mutationFields((t) => ({
  askToEnter: t.field({
    type: SittingProcedureRef,
    description: 'The signed-in person, not on the roster (or removed from the sitting), asks the chair’s team to be let in.',
    authScopes: signedIn,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const { sittingId } = parseArgs(a, { sittingId: id });
      await ctx.services.procedure.askToEnter(sittingId, signedInUser(ctx));
      return ctx.services.procedure.snapshot(sittingId);
    },
  }),
  admitEntrant: t.field({
    type: SittingProcedureRef,
    description:
      'Admits someone waiting in the lobby: as guest, press, a substitute for a named member, or a podium guest (for the current item only, if asked).',
    authScopes: chairTeam,
    errors: { types: writeErrors },
    args: {
      sittingId: t.arg.id({ required: true }),
      entrantId: t.arg.id({ required: true }),
      role: t.arg({ type: AdmissionRoleEnum, required: true }),
      substituteForId: t.arg.id(),
      currentItemOnly: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, {
        sittingId: id,
        entrantId: id,
        role: oneOf(admissionRoles),
        substituteForId: optionalId,
        currentItemOnly: z
          .boolean()
          .nullish()
          .transform((b) => b ?? false),
      });
      return chairRun(ctx, v.sittingId, {
        kind: 'lobby.admit',
        entrantId: v.entrantId,
        role: v.role,
        substituteForId: v.substituteForId,
        currentItemOnly: v.currentItemOnly,
      });
    },
  }),
  declineEntrant: t.field({
    type: SittingProcedureRef,
    description: 'Declines someone waiting in the lobby, with a reason if given (it is in the record and the protocol).',
    authScopes: chairTeam,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }), entrantId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id, entrantId: id, reason: optionalText(textLimits.reason) });
      return chairRun(ctx, v.sittingId, { kind: 'lobby.decline', entrantId: v.entrantId, reason: v.reason });
    },
  }),
  removeParticipant: t.field({
    type: SittingProcedureRef,
    description: 'Removes someone from the sitting: their media closes at once, and they enter again only when admitted from the lobby.',
    authScopes: chairTeam,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }), participantId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_r, a, ctx) => {
      const v = parseArgs(a, { sittingId: id, participantId: id, reason: optionalText(textLimits.reason) });
      return chairRun(ctx, v.sittingId, { kind: 'participant.remove', participantId: v.participantId, reason: v.reason });
    },
  }),
}));
