// The chamber's arrangements: booths on air and their source, subrooms and invitations.
// Media signalling itself runs over the /media WebSocket; these are the shared, visible states.
import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { parseArgs, parseInput, text } from './input';
import { BoothRef, FactionRef, PersonRef } from './roster';
import { SittingRef } from './sittings';
import { signedInUser, type GraphQLContext } from './context';
import { signedIn } from './auth-scopes';
import type { InputFieldMap, InputShapeFromFields } from '@pothos/core';
import type { ArrangementCommand, Arrangements, Subroom } from '../domain/arrangements';
import { RuleViolation } from '../domain/errors';
import type { Booth, Person } from '../domain/parliament';
import { isChairTeam } from '@contract/roles';
import { textLimits } from '@contract/text-limits';

/** The arrangements as one viewer may see them (the API calls them the sitting's Chamber): subrooms are private to those in or invited, and the chair's team. */
interface ChamberView {
  readonly sittingId: string;
  readonly state: Arrangements;
  readonly viewerId: string | null;
  readonly chairTeam: boolean;
}

async function viewOf(ctx: GraphQLContext, sittingId: string, state?: Arrangements): Promise<ChamberView> {
  const actor = await ctx.services.procedure.actorFor(signedInUser(ctx));
  const chairTeam = isChairTeam(actor.roles);
  return { sittingId, state: state ?? (await ctx.services.arrangements.state(sittingId)), viewerId: actor.personId, chairTeam };
}

const people = (ctx: GraphQLContext, ids: readonly string[]) =>
  Promise.all(ids.map((id) => ctx.loaders.person(id))).then((ps) => ps.filter((p): p is Person => !!p));

const SubroomRef = builder.objectRef<Subroom>('Subroom').implement({
  description: 'A faction consultation: its members hear each other, and the floor one-way at low volume.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    faction: t.field({ type: FactionRef, nullable: true, resolve: (r, _a, ctx) => (r.factionId ? ctx.loaders.faction(r.factionId) : null) }),
    openedBy: t.field({ type: PersonRef, nullable: true, resolve: (r, _a, ctx) => ctx.loaders.person(r.openedBy) }),
    members: t.field({ type: [PersonRef], resolve: (r, _a, ctx) => people(ctx, r.members) }),
    invited: t.field({ type: [PersonRef], resolve: (r, _a, ctx) => people(ctx, r.invited) }),
  }),
});

const BoothStateRef = builder.objectRef<{ booth: Booth; view: ChamberView }>('BoothState').implement({
  description: 'An interpretation booth in this sitting: who is on air and what it interprets from.',
  fields: (t) => ({
    booth: t.field({ type: BoothRef, resolve: (b) => b.booth }),
    onAir: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (b, _a, ctx) => {
        const id = b.view.state.onAir[b.booth.id];
        return id ? ctx.loaders.person(id) : null;
      },
    }),
    relayLanguage: t.string({
      nullable: true,
      description: 'null: the booth interprets the floor; else the channel it relays.',
      resolve: (b) => b.view.state.relays[b.booth.id] ?? null,
    }),
    interpreters: t.field({
      type: [PersonRef],
      resolve: async (b, _a, ctx) => (await ctx.services.roster.everyone()).filter((p) => p.boothId === b.booth.id && p.roles.includes('interpreter')),
    }),
  }),
});

const ChamberRef = builder.objectRef<ChamberView>('Chamber').implement({
  description: 'The chamber of a sitting besides procedure: booths and subrooms.',
  fields: (t) => ({
    sittingId: t.exposeID('sittingId'),
    mediaAvailable: t.boolean({
      description: 'Whether this server carries audio and video (the /media socket); false when it runs without media workers.',
      resolve: (_v, _a, ctx) => ctx.mediaAvailable,
    }),
    booths: t.field({ type: [BoothStateRef], resolve: async (v, _a, ctx) => (await ctx.services.roster.booths()).map((booth) => ({ booth, view: v })) }),
    subrooms: t.field({
      type: [SubroomRef],
      description: 'All of them for the chair’s team; for others those they are in or invited to.',
      resolve: (v) =>
        v.state.subrooms.filter((r) => v.chairTeam || (v.viewerId !== null && (r.members.includes(v.viewerId) || r.invited.includes(v.viewerId)))),
    }),
    mySubroom: t.field({
      type: SubroomRef,
      nullable: true,
      resolve: (v) => v.state.subrooms.find((r) => v.viewerId !== null && r.members.includes(v.viewerId)) ?? null,
    }),
    myInvitations: t.field({ type: [SubroomRef], resolve: (v) => v.state.subrooms.filter((r) => v.viewerId !== null && r.invited.includes(v.viewerId)) }),
  }),
});

builder.objectField(SittingRef, 'chamber', (t) => t.field({ type: ChamberRef, resolve: (s, _a, ctx) => viewOf(ctx, s.id) }));

builder.subscriptionField('chamberUpdates', (t) =>
  t.field({
    type: ChamberRef,
    description: 'The chamber after every change of booths or subrooms.',
    authScopes: signedIn,
    args: { sittingId: t.arg.id({ required: true }) },
    subscribe: (_r, { sittingId }, ctx) => ctx.services.pubsub.subscribe('arrangements:changed', sittingId),
    resolve: (state, { sittingId }, ctx) => viewOf(ctx, sittingId, state),
  }),
);

const ids = z.array(z.string().min(1).max(100)).max(200, 'at most 200 people at once');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "fr"');

builder.mutationFields((t) => {
  const sittingArg = { sittingId: t.arg.id({ required: true }) };
  type SittingArg = typeof sittingArg;
  /** One chamber mutation: `sittingId`, then its own arguments, and the command built from them as Pothos infers them. */
  const op = <Args extends InputFieldMap>(description: string, args: Args, command: (a: InputShapeFromFields<SittingArg & Args>) => ArrangementCommand) => {
    const all: SittingArg & Args = { ...sittingArg, ...args };
    return t.field({
      type: ChamberRef,
      description,
      authScopes: signedIn,
      errors: { types: writeErrors },
      args: all,
      resolve: async (_r, a, ctx) => {
        // Any string, as before (the id is looked up, not checked); `a` is generic here, so parseInput, not parseArgs.
        const { sittingId } = parseInput(z.object({ sittingId: z.string() }), a);
        const user = signedInUser(ctx);
        const person = await ctx.services.roster.personOf(user);
        if (!person) throw new RuleViolation('forbidden.not_in_roster', 'only people in the roster take part in the chamber');
        // The token's roles are what the person may act as, as everywhere else in the API.
        const state = await ctx.services.arrangements.change(sittingId, { ...person, roles: user.roles }, command(a));
        return viewOf(ctx, sittingId, state);
      },
    });
  };
  const subroomId = { subroomId: t.arg.id({ required: true }) };
  const room =
    (kind: 'subroom.accept' | 'subroom.decline' | 'subroom.leave' | 'subroom.close') =>
    (a: { readonly subroomId: string }): ArrangementCommand => ({ kind, subroomId: a.subroomId });
  return {
    handOverBooth: op('An interpreter hands the air to their booth partner, or takes it when the partner is on air or nobody is.', {}, () => ({
      kind: 'booth.hand_over',
    })),
    setBoothSource: op(
      'An interpreter chooses what their booth interprets: the floor (relayLanguage null) or another booth’s channel (relay).',
      { relayLanguage: t.arg.string() },
      (a) => ({ kind: 'booth.set_source', relayLanguage: a.relayLanguage == null ? null : parseInput(language, a.relayLanguage) }),
    ),
    openSubroom: op(
      'A member opens a consultation for their faction (the chair’s team: for any members) and invites people to it.',
      { name: t.arg.string({ required: true }), invitees: t.arg.idList({ defaultValue: [] }) },
      (a) => {
        const d = parseArgs(a, { name: text(textLimits.subroomName), invitees: ids });
        return { kind: 'subroom.open', name: d.name, invitees: d.invitees };
      },
    ),
    inviteToSubroom: op('Invites more people into a subroom one is in.', { ...subroomId, invitees: t.arg.idList({ required: true }) }, (a) => ({
      kind: 'subroom.invite',
      subroomId: a.subroomId,
      invitees: parseInput(ids, a.invitees),
    })),
    acceptSubroomInvitation: op('Joins the subroom one is invited to (leaving any other).', subroomId, room('subroom.accept')),
    declineSubroomInvitation: op('Declines an invitation.', subroomId, room('subroom.decline')),
    leaveSubroom: op('Back to the chamber; the last one out closes the subroom.', subroomId, room('subroom.leave')),
    closeSubroom: op('Ends a subroom for all in it (who opened it, or the chair’s team).', subroomId, room('subroom.close')),
  };
});
