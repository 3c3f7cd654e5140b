import { builder } from './builder';
import { RuleCodeEnum } from './errors';
import { SittingRef } from './sittings';
import { VoteKindEnum } from './scalars';
import { signedIn } from './auth-scopes';
import { signedInUser } from './context';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageOf } from './pagination';
import type { NamedDemandStatus } from '../domain/procedure/named-votes';
import type { VoteDraft } from '../domain/procedure/commands';

type DemandData = { readonly draft: VoteDraft; readonly status: NamedDemandStatus };

const NamedVoteDeadlineEnum = builder.enumType('NamedVoteDeadline', {
  description: 'Until when a named vote may be demanded (the rulebook’s votes.namedVote.deadline).',
  values: { UNTIL_VOTE_OPENS: { value: 'until_vote_opens' }, SITTING_START: { value: 'sitting_start' }, EVENING_BEFORE: { value: 'evening_before' } } as const,
});
const DemandByEnum = builder.enumType('NamedVoteDemandBy', {
  description: 'FACTION: the member demands for their faction (valid at once); MEMBERS: they join the members’ demand.',
  values: { FACTION: { value: 'faction' }, MEMBERS: { value: 'members' } } as const,
});

const NamedVoteDemandRef = builder.objectRef<DemandData>('NamedVoteDemand').implement({
  description:
    'A prepared vote of the sitting, not yet opened nor prepared as named, and where a demand that it be taken by name stands for the signed-in person.',
  fields: (t) => ({
    draftId: t.id({ resolve: (d) => d.draft.id }),
    title: t.string({ resolve: (d) => d.draft.title }),
    kind: t.field({
      type: VoteKindEnum,
      description: 'The kind it was prepared as (it opens as named once the demand is valid).',
      resolve: (d) => d.draft.kind,
    }),
    agendaItemId: t.id({ nullable: true, resolve: (d) => d.draft.agendaItemId }),
    deadline: t.field({ type: NamedVoteDeadlineEnum, resolve: (d) => d.status.deadline.rule }),
    deadlineAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'SITTING_START: the scheduled start; EVENING_BEFORE: the start of the sitting’s day; UNTIL_VOTE_OPENS: null (the chair opens it).',
      resolve: (d) => (d.status.deadline.until === null ? null : new Date(d.status.deadline.until)),
    }),
    demandBy: t.field({ type: DemandByEnum, nullable: true, resolve: (d) => d.status.demandBy }),
    refusal: t.field({
      type: RuleCodeEnum,
      nullable: true,
      description: 'Why demandNamedVote would refuse this person now; null: they may demand (or their demand already stands).',
      resolve: (d) => d.status.refusal,
    }),
    demandedByMine: t.boolean({ description: 'My faction (or I, in a members’ demand) has demanded it.', resolve: (d) => d.status.demandedByMine }),
    factionsDemanding: t.int({ resolve: (d) => d.status.factionsDemanding }),
    membersDemanding: t.int({ description: 'Members demanding who are present (only they count).', resolve: (d) => d.status.membersDemanding }),
    membersNeeded: t.int({
      nullable: true,
      description: 'MEMBERS: how many present members must demand; null for a faction’s demand.',
      resolve: (d) => d.status.membersNeeded,
    }),
    valid: t.boolean({ description: 'The demand stands: the vote opens as named.', resolve: (d) => d.status.valid }),
  }),
});

builder.objectFields(SittingRef, (t) => ({
  namedVoteDemands: t.field({
    type: [NamedVoteDemandRef],
    authScopes: signedIn,
    description: 'The prepared votes a named vote can be demanded on, with the deadline and the state of the demand (the rulebook’s votes.namedVote).',
    args: {
      first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.votes) }),
      offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
    },
    resolve: async (s, a, ctx) =>
      pageOf(await ctx.services.procedure.namedVoteDemands(s.id, await ctx.services.procedure.actorFor(signedInUser(ctx))), a, pageSizes.votes),
  }),
}));
