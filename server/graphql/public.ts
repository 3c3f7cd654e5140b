import { builder } from './builder';
import { FloorKindEnum, SittingStateEnum, VoteOutcomeEnum } from './scalars';
import { floorView, votesView } from '../domain/procedure/views';
import type { GraphQLContext } from './context';
import type { Sitting } from '../domain/parliament';
import type { ProcedureSnapshot } from '../services/procedure';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageOf } from './pagination';

/** What the public may see of a sitting, without signing in: no roster details, no open ballots. */
interface PublicSittingData {
  readonly sitting: Sitting;
  readonly snapshot: ProcedureSnapshot;
}

async function publicSitting(ctx: GraphQLContext, id: string): Promise<PublicSittingData | null> {
  const [sitting] = await ctx.services.sittings.byIds([id]);
  if (!sitting) return null;
  return { sitting, snapshot: await ctx.services.procedure.snapshot(id) };
}

const PublicAgendaItemRef = builder.objectRef<{ position: number; title: string }>('PublicAgendaItem').implement({
  fields: (t) => ({ position: t.exposeInt('position'), title: t.exposeString('title') }),
});

type Speaker = NonNullable<ReturnType<typeof floorView>>;
const PublicSpeakerRef = builder.objectRef<Speaker>('PublicSpeaker').implement({
  fields: (t) => ({
    name: t.string({ resolve: (f) => f.person.name }),
    factionShortName: t.string({ nullable: true, resolve: (f) => f.person.factionShortName }),
    factionColour: t.string({
      nullable: true,
      resolve: async (f, _a, ctx) => (f.person.factionId ? ((await ctx.loaders.faction(f.person.factionId))?.colour ?? null) : null),
    }),
    kind: t.field({ type: FloorKindEnum, resolve: (f) => f.kind }),
    startedAt: t.field({ type: 'DateTime', resolve: (f) => new Date(f.startedAt) }),
  }),
});

type ClosedVote = ReturnType<typeof votesView>[number];
const PublicOptionCountRef = builder.objectRef<{ label: string; count: number }>('PublicOptionCount').implement({
  fields: (t) => ({ label: t.exposeString('label'), count: t.exposeInt('count') }),
});
const PublicVoteResultRef = builder.objectRef<ClosedVote>('PublicVoteResult').implement({
  fields: (t) => ({
    id: t.exposeID('voteId'),
    title: t.string({ resolve: (v) => v.definition.title }),
    outcome: t.field({ type: VoteOutcomeEnum, description: 'What the house decided, as the law states it.', resolve: (v) => v.outcome ?? 'rejected' }),
    passed: t.boolean({ description: 'The majority was reached (false also when not quorate: read `outcome`).', resolve: (v) => v.result?.passed ?? false }),
    elected: t.stringList({
      description: 'Elections only: who was elected, by the labels of their options; empty otherwise.',
      resolve: (v) => (v.result?.elected ?? []).map((id) => v.definition.options.find((o) => o.id === id)?.label ?? id),
    }),
    electionRound: t.int({
      nullable: true,
      description: 'Elections only: the round (ballot) this vote was.',
      resolve: (v) => v.definition.election?.round ?? null,
    }),
    eligible: t.int({ resolve: (v) => v.result?.eligible ?? v.eligible }),
    cast: t.int({ resolve: (v) => v.result?.cast ?? v.cast }),
    reason: t.string({ resolve: (v) => v.result?.reason ?? '' }),
    counts: t.field({
      type: [PublicOptionCountRef],
      resolve: (v) => v.definition.options.map((o) => ({ label: o.label, count: v.result?.counts.find((c) => c.optionId === o.id)?.count ?? 0 })),
    }),
    closedAt: t.field({ type: 'DateTime', resolve: (v) => new Date(v.closedAt!) }),
  }),
});

export const PublicSittingRef = builder.objectRef<PublicSittingData>('PublicSitting').implement({
  description: 'Read-only, no sign-in: for the public viewer.',
  fields: (t) => ({
    id: t.id({ resolve: (p) => p.sitting.id }),
    number: t.int({ resolve: (p) => p.sitting.number }),
    title: t.string({ resolve: (p) => p.sitting.title }),
    phase: t.field({
      type: SittingStateEnum,
      description: 'The phase of its record; CANCELLED for a sitting called off before it opened.',
      resolve: (p) => (p.sitting.state === 'cancelled' ? 'cancelled' : p.snapshot.state.phase),
    }),
    currentItem: t.field({
      type: PublicAgendaItemRef,
      nullable: true,
      resolve: (p) => p.snapshot.context.agenda.find((i) => i.id === p.snapshot.state.currentItemId) ?? null,
    }),
    currentSpeaker: t.field({ type: PublicSpeakerRef, nullable: true, resolve: (p) => floorView(p.snapshot.state, p.snapshot.now) }),
    closedVotes: t.field({
      type: [PublicVoteResultRef],
      description: 'Results as published at close, newest first.',
      args: {
        first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.votes) }),
        offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
      },
      resolve: (p, a) =>
        pageOf(
          votesView(p.snapshot.state)
            .filter((v) => v.status === 'closed' && v.result !== null)
            .reverse(),
          a,
          pageSizes.votes,
        ),
    }),
  }),
});

builder.queryField('publicSitting', (t) =>
  t.field({
    type: PublicSittingRef,
    nullable: true,
    skipTypeScopes: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => publicSitting(ctx, id),
  }),
);

builder.subscriptionField('publicSittingUpdates', (t) =>
  t.field({
    type: PublicSittingRef,
    description: 'The public view after every change to the sitting’s record; no sign-in.',
    args: { sittingId: t.arg.id({ required: true }) },
    subscribe: (_r, { sittingId }, ctx) => ctx.services.pubsub.subscribe('procedure:committed', sittingId),
    resolve: async (c, _a, ctx) => (await publicSitting(ctx, c.sittingId))!,
  }),
);
