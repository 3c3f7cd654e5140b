import { z } from 'zod';
import { builder } from './builder';
import { FactionRef, PersonRef } from './roster';
import {
  ElectionFieldEnum,
  ElectionMajorityEnum,
  ElectionTieRuleEnum,
  MajorityKindEnum,
  OptionMeaningEnum,
  VoteKindEnum,
  VoteOutcomeEnum,
  VoteResultReasonEnum,
  VoteStatusEnum,
} from './scalars';
import { outcomeOf } from '../domain/counting/outcome';
import { personOf } from './procedure-person';
import type { VoteView } from '../domain/procedure/views';
import type { ElectionRoundDefinition, ElectionRoundResult, OptionCount, VoteOption, VoteResult } from '../domain/procedure/events';
import type { ElectionRoundRule } from '../domain/rulebook';
import type { NextRoundView } from '../domain/procedure/elections';
import { maxSeats } from '@contract/elections';
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
const ElectionRoundRuleRef = builder.objectRef<ElectionRoundRule>('ElectionRoundRule').implement({
  description: 'One round of an election as the rulebook states it.',
  fields: (t) => ({
    majority: t.field({ type: ElectionMajorityEnum, resolve: (r) => r.majority }),
    candidates: t.field({
      type: ElectionFieldEnum,
      description: 'Who may stand: all candidates of the round before, or the two with the most votes.',
      resolve: (r) => r.candidates,
    }),
    tie: t.field({ type: ElectionTieRuleEnum, description: 'A tie for the last seat: a further round, or lot.', resolve: (r) => r.tie }),
  }),
});
const ElectionRoundRef = builder.objectRef<ElectionRoundDefinition>('ElectionRound').implement({
  description: 'The round of an election a vote is.',
  fields: (t) => ({
    electionId: t.exposeID('electionId', { description: 'The first round’s vote id: every round of one election carries it.' }),
    round: t.exposeInt('round'),
    seats: t.exposeInt('seats'),
    rule: t.field({ type: ElectionRoundRuleRef, resolve: (e) => e.rule }),
    previousVoteId: t.exposeID('previousVoteId', { nullable: true }),
  }),
});
export const NextRoundViewRef = builder.objectRef<NextRoundView>('OpenableElectionRound').implement({
  description: 'A round of an election the chair may open now (openNextElectionRound with `fromVoteId`).',
  fields: (t) => ({
    fromVoteId: t.exposeID('fromVoteId'),
    title: t.exposeString('title'),
    round: t.exposeInt('round'),
    candidates: t.field({ type: [VoteOptionRef], resolve: (n) => [...n.candidates] }),
  }),
});
type NextRound = NonNullable<ElectionRoundResult['next']>;
const NextElectionRoundRef = builder.objectRef<NextRound>('NextElectionRound').implement({
  fields: (t) => ({
    round: t.exposeInt('round'),
    candidates: t.idList({ description: 'Option ids of the candidates who may stand.', resolve: (n) => [...n.candidates] }),
    rule: t.field({ type: ElectionRoundRuleRef, resolve: (n) => n.rule }),
  }),
});
type Lot = NonNullable<ElectionRoundResult['lot']>;
const ElectionLotRef = builder.objectRef<Lot>('ElectionLot').implement({
  description: 'A tie for the last seats decided by lot, drawn by Plenum and kept in the record.',
  fields: (t) => ({
    among: t.idList({ resolve: (l) => [...l.among] }),
    drawn: t.idList({ resolve: (l) => [...l.drawn] }),
  }),
});
const ElectionRoundResultRef = builder.objectRef<ElectionRoundResult>('ElectionRoundResult').implement({
  fields: (t) => ({
    round: t.exposeInt('round'),
    majority: t.field({ type: ElectionMajorityEnum, resolve: (r) => r.majority }),
    needed: t.exposeInt('needed', { description: 'Votes a candidate needed to be elected in this round.' }),
    lot: t.field({ type: ElectionLotRef, nullable: true, resolve: (r) => r.lot }),
    next: t.field({
      type: NextElectionRoundRef,
      nullable: true,
      description: 'The round the rules allow next (no one was elected); null: the election is over.',
      resolve: (r) => r.next,
    }),
  }),
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
    election: t.field({
      type: ElectionRoundResultRef,
      nullable: true,
      description: 'Elections only: the round’s bar, a lot drawn, the next round.',
      resolve: (r) => r.election ?? null,
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
    election: t.field({
      type: ElectionRoundRef,
      nullable: true,
      description: 'Elections only: the round this vote is; its options meaning YES are the candidates.',
      resolve: (v) => v.definition.election ?? null,
    }),
    electionRound: t.int({
      nullable: true,
      description: 'Elections only: the round (ballot) number, as `election.round` (flat, for lists of votes).',
      resolve: (v) => v.definition.election?.round ?? null,
    }),
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

const ElectionDraftRef = builder.objectRef<{ readonly seats: number }>('ElectionDraft').implement({
  fields: (t) => ({ seats: t.exposeInt('seats') }),
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
    election: t.field({
      type: ElectionDraftRef,
      nullable: true,
      description: 'An election: its options are the candidates.',
      resolve: (d) => d.election ?? null,
    }),
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
const ElectionDraftInput = builder.inputType('ElectionDraftInput', {
  fields: (t) => ({ seats: t.int({ required: true, description: 'Seats to fill, 1 or more (at most the number of candidates).' }) }),
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
    election: t.field({
      type: ElectionDraftInput,
      description: 'An election: `options` are the candidates (meaning YES each); no and abstention are added as the rules allow.',
    }),
  }),
});

export const voteDraftSchema = z
  .object({
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
    election: z
      .object({ seats: z.number().int('whole seats').min(1, 'at least one seat').max(maxSeats, `at most ${maxSeats} seats`) })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((d, ctx) => {
    // An election's options are its candidates: refused here already what opening it would refuse.
    if (!d.election) return;
    if (d.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'an election has at least one candidate' });
    if (d.options.some((o) => o.meaning !== 'yes'))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'candidates mean YES; no and abstention follow the rules' });
    if (new Set(d.options.map((o) => o.label.toLocaleLowerCase('de'))).size !== d.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'each candidate stands once' });
    }
    if (d.options.length > 0 && d.election.seats > d.options.length)
      ctx.addIssue({ code: 'custom', path: ['election', 'seats'], message: 'more seats than candidates' });
  });

/** One option's count of a vote by show of hands, as the chair enters it. */
export const VoteCountInput = builder.inputType('VoteCountInput', {
  fields: (t) => ({ optionId: t.id({ required: true }), count: t.int({ required: true }) }),
});
export const voteCountsSchema = z
  .array(z.object({ optionId: id, count: whole(0, numberLimits.statutoryMembers) }))
  .min(1, 'a count for every option')
  .max(50, 'at most 50 options');
