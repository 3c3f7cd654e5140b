import { z } from 'zod';
import { builder } from './builder';
import { FactionRef, PersonRef } from './roster';
import { MajorityKindEnum, OptionMeaningEnum, VoteKindEnum, VoteOutcomeEnum, VoteResultReasonEnum, VoteStatusEnum } from './scalars';
import { outcomeOf } from '../domain/counting/outcome';
import { personOf } from './procedure-person';
import type { VoteView } from '../domain/procedure/views';
import type { OptionCount, VoteOption, VoteResult } from '../domain/procedure/events';
import type { VoteDraft } from '../domain/procedure/commands';
import type { Receipt } from '../services/procedure';
import type { SecretBallotInfo } from '../services/procedure/secret-ballots';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageOf } from './pagination';
import { majorityKinds, optionMeanings, voteKinds } from '../domain/procedure/vocabulary';
import { numberLimits } from '@contract/number-limits';
import { textLimits } from '@contract/text-limits';
import { id, whole } from './input';

export type VoteData = VoteView & { readonly sittingId: string };

const VoteOptionRef = builder.objectRef<VoteOption>('VoteOption').implement({
  fields: (t) => ({ id: t.exposeID('id'), label: t.exposeString('label'), meaning: t.field({ type: OptionMeaningEnum, resolve: (o) => o.meaning }) }),
});
const OptionCountRef = builder.objectRef<OptionCount>('OptionCount').implement({
  fields: (t) => ({ optionId: t.exposeID('optionId'), count: t.exposeInt('count') }),
});
type FactionCounts = VoteResult['perFaction'][number];
const FactionCountsRef = builder.objectRef<FactionCounts>('FactionCounts').implement({
  description: 'Named votes only (other ballots carry no faction); faction null: members of no faction.',
  fields: (t) => ({
    faction: t.field({ type: FactionRef, nullable: true, resolve: (f, _a, ctx) => (f.factionId ? ctx.loaders.faction(f.factionId) : null) }),
    counts: t.field({ type: [OptionCountRef], resolve: (f) => [...f.counts] }),
  }),
});
const VoteResultRef = builder.objectRef<VoteResult>('VoteResult').implement({
  fields: (t) => ({
    outcome: t.field({
      type: VoteOutcomeEnum,
      description: 'What the house decided, as the law states it.',
      resolve: (r) => outcomeOf('closed', r) ?? 'rejected',
    }),
    passed: t.exposeBoolean('passed', { description: 'The majority was reached (false also when not quorate: read `outcome`).' }),
    reason: t.exposeString('reason'),
    reasonCode: t.field({ type: VoteResultReasonEnum, resolve: (r) => r.reasonCode }),
    counts: t.field({ type: [OptionCountRef], resolve: (r) => [...r.counts] }),
    perFaction: t.field({ type: [FactionCountsRef], resolve: (r) => [...r.perFaction] }),
    eligible: t.exposeInt('eligible'),
    cast: t.exposeInt('cast'),
    quorate: t.exposeBoolean('quorate'),
    elected: t.idList({
      nullable: true,
      description: 'Elections only: the options (candidates) elected.',
      resolve: (r) => (r.elected ? [...r.elected] : null),
    }),
  }),
});
type Published = NonNullable<VoteView['ballots']>[number];
const PublishedBallotRef = builder.objectRef<Published>('PublishedBallot').implement({
  description: 'A ballot as published at close: the member (named), the pseudonym (pseudonymous) or the token hash (secret).',
  fields: (t) => ({
    optionId: t.exposeID('optionId'),
    person: t.field({ type: PersonRef, nullable: true, resolve: (b, _a, ctx) => (b.voter ? personOf(b.voter, ctx) : null) }),
    pseudonym: t.exposeString('pseudonym', { nullable: true }),
    tokenHash: t.string({
      nullable: true,
      description: 'Secret ballots: hex SHA-256 of the spent token, the voter’s receipt (null for other kinds).',
      resolve: (b) => b.tokenHash ?? null,
    }),
  }),
});
const SecretBallotInfoRef = builder.objectRef<SecretBallotInfo>('SecretBallotInfo').implement({
  description: 'A secret vote’s public facts: the key its ballot tokens are signed with (pinned in the record at opening) and how many tokens members took.',
  fields: (t) => ({
    publicKey: t.exposeString('publicKey', { description: 'RSA public key, SPKI as base64url (RFC 9474 RSABSSA-SHA384-PSS-Randomized).' }),
    tokensIssued: t.exposeInt('tokensIssued', {
      description: 'Members who took a ballot token (never more than may vote); minus ballots cast: taken, not cast.',
    }),
    myTokenIssued: t.exposeBoolean('myTokenIssued', { description: 'The signed-in person has taken their token.' }),
  }),
});
export const BallotTokenIssueRef = builder.objectRef<{ blindSignature: string }>('BallotTokenIssue').implement({
  fields: (t) => ({ blindSignature: t.exposeString('blindSignature', { description: 'The blind signature (base64url) on the blinded message sent.' }) }),
});
export const ReceiptRef = builder.objectRef<Receipt>('Receipt').implement({
  description: 'Proof of one’s own ballot: find `seq` in the published record; its hash starts with `entryHash`.',
  fields: (t) => ({
    voteId: t.exposeID('voteId'),
    optionId: t.exposeID('optionId'),
    pseudonym: t.exposeString('pseudonym', { nullable: true }),
    seq: t.exposeInt('seq'),
    entryHash: t.exposeString('entryHash'),
    code: t.exposeString('code'),
  }),
});

export const VoteRef = builder.objectRef<VoteData>('Vote').implement({
  fields: (t) => ({
    id: t.exposeID('voteId'),
    title: t.string({ resolve: (v) => v.definition.title }),
    kind: t.field({ type: VoteKindEnum, resolve: (v) => v.definition.kind }),
    options: t.field({ type: [VoteOptionRef], resolve: (v) => [...v.definition.options] }),
    majority: t.field({ type: MajorityKindEnum, resolve: (v) => v.definition.majority }),
    live: t.boolean({ resolve: (v) => v.definition.live }),
    agendaItemId: t.id({ nullable: true, resolve: (v) => v.definition.agendaItemId }),
    status: t.field({ type: VoteStatusEnum, resolve: (v) => v.status }),
    openedAt: t.field({ type: 'DateTime', resolve: (v) => new Date(v.openedAt) }),
    closesAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => (v.closesAt ? new Date(v.closesAt) : null) }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => (v.closedAt ? new Date(v.closedAt) : null) }),
    eligibleCount: t.exposeInt('eligible'),
    ballotsCast: t.exposeInt('cast', { description: 'Always visible, also while the vote is open.' }),
    liveCounts: t.field({
      type: [OptionCountRef],
      nullable: true,
      description: 'While open only for live votes; always after closing.',
      resolve: (v) => (v.counts ? [...v.counts] : null),
    }),
    result: t.field({ type: VoteResultRef, nullable: true, resolve: (v) => v.result }),
    outcome: t.field({
      type: VoteOutcomeEnum,
      nullable: true,
      description: 'What the house decided, once closed or cancelled; null while open.',
      resolve: (v) => v.outcome,
    }),
    quorumChallenged: t.exposeBoolean('quorumChallenged', { description: 'The quorum was doubted and counted for this vote: it was counted by its ballots.' }),
    ballots: t.field({
      type: [PublishedBallotRef],
      nullable: true,
      description: 'Published when the vote closes: named in the order cast, pseudonymous in the order of the pseudonyms.',
      args: {
        first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.ballots) }),
        offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
      },
      resolve: (v, a) => (v.ballots ? pageOf(v.ballots, a, pageSizes.ballots) : null),
    }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    secretBallot: t.field({
      type: SecretBallotInfoRef,
      nullable: true,
      description: 'Secret votes only: the signing key and the tokens taken.',
      resolve: async (v, _a, ctx) => {
        const key = v.definition.kind === 'secret' ? v.definition.publicKey : null;
        if (!key) return null;
        const personId = ctx.user ? (await ctx.services.procedure.actorFor(ctx.user)).personId : null;
        return ctx.services.procedure.secretBallots.info(v.voteId, key, personId);
      },
    }),
    quorateAtOpening: t.exposeBoolean('quorate'),
    myBallot: t.field({
      type: ReceiptRef,
      nullable: true,
      resolve: async (v, _a, ctx) => {
        if (!ctx.user) return null;
        const actor = await ctx.services.procedure.actorFor(ctx.user);
        return actor.personId ? ctx.services.procedure.receiptFor(v.sittingId, v.voteId, actor.personId) : null;
      },
    }),
    eligibleToMe: t.boolean({
      description: 'May the signed-in person cast a ballot now.',
      resolve: async (v, _a, ctx) =>
        ctx.user ? ctx.services.procedure.mayVote(v.sittingId, await ctx.services.procedure.actorFor(ctx.user), v.voteId) : false,
    }),
  }),
});

type DraftData = VoteDraft & { readonly sittingId: string; readonly openedAt: Date | null };
export const VoteDraftRef = builder.objectRef<DraftData>('VoteDraft').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    kind: t.field({ type: VoteKindEnum, resolve: (d) => d.kind }),
    options: t.field({ type: [VoteOptionRef], description: 'Empty: yes / no (/ abstain).', resolve: (d) => [...d.options] }),
    abstention: t.exposeBoolean('abstention'),
    majority: t.field({ type: MajorityKindEnum, nullable: true, resolve: (d) => d.majority }),
    live: t.exposeBoolean('live'),
    durationSeconds: t.exposeInt('durationSeconds', { nullable: true }),
    autoCloseWhenAllVoted: t.exposeBoolean('autoCloseWhenAllVoted'),
    category: t.exposeString('category', { nullable: true }),
    agendaItemId: t.exposeID('agendaItemId', { nullable: true }),
    opened: t.boolean({ resolve: (d) => d.openedAt !== null }),
    namedDemanded: t.boolean({
      description: 'A valid demand for a named vote stands: the vote opens as named whatever its kind.',
      resolve: async (d, _a, ctx) => {
        const demands = (await ctx.services.procedure.snapshot(d.sittingId)).state.namedDemands;
        return Object.hasOwn(demands, d.id) && demands[d.id]!.valid;
      },
    }),
  }),
});

const VoteOptionInput = builder.inputType('VoteOptionInput', {
  fields: (t) => ({ label: t.string({ required: true }), meaning: t.field({ type: OptionMeaningEnum, required: true }) }),
});
export const VoteDraftInput = builder.inputType('VoteDraftInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    kind: t.field({ type: VoteKindEnum, required: true }),
    options: t.field({ type: [VoteOptionInput], description: 'Omit for yes / no (/ abstain).' }),
    abstention: t.boolean({ defaultValue: true }),
    majority: t.field({ type: MajorityKindEnum }),
    live: t.boolean({ defaultValue: false }),
    durationSeconds: t.int(),
    autoCloseWhenAllVoted: t.boolean({ defaultValue: false }),
    category: t.string(),
    agendaItemId: t.id(),
  }),
});

export const voteDraftSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(textLimits.voteTitle),
  kind: z.enum(voteKinds),
  options: z
    .array(z.object({ label: z.string().trim().min(1).max(textLimits.optionLabel), meaning: z.enum(optionMeanings) }))
    .max(50)
    .nullish()
    .transform((o) => (o ?? []).map((x, i) => ({ id: `o${i + 1}`, label: x.label, meaning: x.meaning }))),
  abstention: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  majority: z
    .enum(majorityKinds)
    .nullish()
    .transform((v) => v ?? null),
  live: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  durationSeconds: z
    .number()
    .int()
    .min(10, 'at least 10 seconds')
    .max(numberLimits.voteDurationSeconds)
    .nullish()
    .transform((v) => v ?? null),
  autoCloseWhenAllVoted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  category: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .nullish()
    .transform((v) => v ?? null),
  agendaItemId: z
    .string()
    .min(1)
    .nullish()
    .transform((v) => v ?? null),
});

/** One option's count of a vote by show of hands, as the chair enters it. */
export const VoteCountInput = builder.inputType('VoteCountInput', {
  fields: (t) => ({ optionId: t.id({ required: true }), count: t.int({ required: true }) }),
});
export const voteCountsSchema = z
  .array(z.object({ optionId: id, count: whole(0, numberLimits.statutoryMembers) }))
  .min(1, 'a count for every option')
  .max(50, 'at most 50 options');
