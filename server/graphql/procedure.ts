import { builder } from './builder';
import { FactionRef, PersonRef } from './roster';
import { AgendaItemRef, SittingRef } from './sittings';
import { FloorKindEnum, OrderPolicyEnum, PointOfOrderDecisionEnum, RequestKindEnum, SittingStateEnum, StanceEnum } from './scalars';
import { NextRoundViewRef, VoteRef } from './votes';
import { nextRoundView } from '../domain/procedure/elections';
import type { ProcedureSnapshot } from '../services/procedure';
import { personOf } from './procedure-person';
import { isChairTeam } from '../domain/procedure/permissions';
import {
  attendanceView,
  decidedPoints,
  floorView,
  interjectionsView,
  pointsOfOrderQueue,
  quotaView,
  rankSpeakers,
  speakerQueue,
  speakingTimeTotals,
  votesView,
  type DecidedPoint,
  type PendingPoint,
  type PersonTotal,
  type QueuedRequest,
} from '../domain/procedure/views';
import type { QuotaLine } from '../domain/procedure/clocks';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageOf } from './pagination';

const SpeakerRequestRef = builder.objectRef<QueuedRequest>('SpeakerRequest').implement({
  fields: (t) => ({
    id: t.exposeID('requestId'),
    position: t.exposeInt('position', { description: '1-based place in the order the floor will be given.' }),
    person: t.field({ type: PersonRef, resolve: (r, _a, ctx) => personOf(r.person, ctx) }),
    kind: t.field({ type: RequestKindEnum, resolve: (r) => r.requestKind }),
    stance: t.field({ type: StanceEnum, nullable: true, resolve: (r) => r.stance }),
    requestedAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.requestedAt) }),
    addressesRequestId: t.exposeID('addressesRequestId', { nullable: true }),
    addedByChair: t.boolean({ resolve: (r) => r.addedBy !== null }),
    pinned: t.exposeBoolean('pinned', { description: 'Placed by the chair’s reorder rather than by the policy.' }),
  }),
});

interface SpeakerListData {
  readonly agendaItemId: string | null;
  readonly closed: boolean;
  readonly requests: readonly QueuedRequest[];
}
const SpeakerListRef = builder.objectRef<SpeakerListData>('SpeakerList').implement({
  fields: (t) => ({
    agendaItemId: t.exposeID('agendaItemId', { nullable: true }),
    closed: t.exposeBoolean('closed'),
    requests: t.field({ type: [SpeakerRequestRef], resolve: (l) => [...l.requests] }),
  }),
});

type InterjectionData = ReturnType<typeof interjectionsView>[number];
const PendingInterjectionRef = builder.objectRef<InterjectionData>('PendingInterjection').implement({
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    person: t.field({ type: PersonRef, resolve: (i, _a, ctx) => personOf(i.person, ctx) }),
    requestedAt: t.field({ type: 'DateTime', resolve: (i) => new Date(i.requestedAt) }),
    accepted: t.boolean({ resolve: (i) => i.status === 'accepted' }),
  }),
});

type FloorData = NonNullable<ReturnType<typeof floorView>> & { readonly pending: readonly InterjectionData[] };
type InterjectionOnFloor = NonNullable<FloorData['interjection']>;
const InterjectionRef = builder.objectRef<InterjectionOnFloor>('Interjection').implement({
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    person: t.field({ type: PersonRef, resolve: (i, _a, ctx) => personOf(i.person, ctx) }),
    startedAt: t.field({ type: 'DateTime', resolve: (i) => new Date(i.startedAt) }),
    elapsedSeconds: t.int({ resolve: (i) => Math.floor(i.elapsedSeconds) }),
    limitSeconds: t.exposeInt('limitSeconds', { nullable: true }),
  }),
});

const FloorRef = builder.objectRef<FloorData>('Floor').implement({
  description: 'Who holds the floor; clocks are as of SittingProcedure.serverTime.',
  fields: (t) => ({
    id: t.exposeID('floorId'),
    person: t.field({ type: PersonRef, resolve: (f, _a, ctx) => personOf(f.person, ctx) }),
    kind: t.field({ type: FloorKindEnum, resolve: (f) => f.kind }),
    requestId: t.exposeID('requestId', { nullable: true }),
    answer: t.exposeBoolean('answer', { description: 'The addressed speaker answering a short intervention.' }),
    startedAt: t.field({ type: 'DateTime', resolve: (f) => new Date(f.startedAt) }),
    limitSeconds: t.exposeInt('limitSeconds', { nullable: true, description: 'Including extensions; null: no limit.' }),
    elapsedSeconds: t.int({ description: 'The speaker’s own time: an accepted interjection stops it.', resolve: (f) => Math.floor(f.elapsedSeconds) }),
    overrunSeconds: t.int({ resolve: (f) => Math.floor(f.overrunSeconds) }),
    interjection: t.field({ type: InterjectionRef, nullable: true, resolve: (f) => f.interjection }),
    clockStopped: t.exposeBoolean('clockStopped', {
      description: 'The speech clock stands now: an interjection holds the floor, or "mute all" stops the clocks (the rulebook says).',
    }),
    warningSeconds: t.exposeInt('warningSeconds', {
      nullable: true,
      description: 'The speaker is warned this many seconds before the end of the time; null: no warning.',
    }),
    graceEndsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the floor ends by itself (past the time and the rulebook’s grace period), if the clock runs on; null: only the chair ends it.',
      resolve: (f) => (f.graceEndsAt ? new Date(f.graceEndsAt) : null),
    }),
    talkingStick: t.exposeBoolean('talkingStick', { description: 'The speaker may pass the floor to the next on the list (passFloor).' }),
    pendingInterjections: t.field({ type: [PendingInterjectionRef], resolve: (f) => f.pending.filter((i) => i.status === 'pending') }),
  }),
});

const PointOfOrderRef = builder.objectRef<PendingPoint>('PointOfOrder').implement({
  fields: (t) => ({
    id: t.exposeID('pointId'),
    person: t.field({ type: PersonRef, resolve: (p, _a, ctx) => personOf(p.person, ctx) }),
    category: t.exposeString('category'),
    text: t.exposeString('text'),
    raisedAt: t.field({ type: 'DateTime', resolve: (p) => new Date(p.raisedAt) }),
    heard: t.exposeBoolean('heard'),
  }),
});

const DecidedPointRef = builder.objectRef<DecidedPoint>('DecidedPointOfOrder').implement({
  description: 'A point of order the chair decided, with the decision and its note.',
  fields: (t) => ({
    id: t.exposeID('pointId'),
    person: t.field({ type: PersonRef, resolve: (p, _a, ctx) => personOf(p.person, ctx) }),
    category: t.exposeString('category'),
    text: t.exposeString('text'),
    decision: t.field({ type: PointOfOrderDecisionEnum, resolve: (p) => p.decision }),
    note: t.exposeString('note', { nullable: true }),
    decidedAt: t.field({ type: 'DateTime', resolve: (p) => new Date(p.decidedAt) }),
    voteId: t.exposeID('voteId', { nullable: true, description: 'The vote it was put to.' }),
  }),
});

type AttendanceData = ReturnType<typeof attendanceView>;
const QuorumRef = builder.objectRef<AttendanceData['quorum']>('Quorum').implement({
  fields: (t) => ({ present: t.exposeInt('present'), required: t.exposeInt('required'), quorate: t.exposeBoolean('quorate') }),
});
const FactionAttendanceRef = builder.objectRef<AttendanceData['perFaction'][number]>('FactionAttendance').implement({
  description: 'Members present per faction; faction null: independents.',
  fields: (t) => ({
    faction: t.field({ type: FactionRef, nullable: true, resolve: (a, _x, ctx) => (a.factionId ? ctx.loaders.faction(a.factionId) : null) }),
    present: t.exposeInt('present'),
    votingPresent: t.exposeInt('votingPresent'),
    seats: t.int({ resolve: (a) => a.seats ?? 0 }),
  }),
});
const AttendanceRef = builder.objectRef<AttendanceData>('Attendance').implement({
  fields: (t) => ({
    presentCount: t.int({ resolve: (a) => a.present.length }),
    present: t.field({ type: [PersonRef], resolve: (a, _x, ctx) => Promise.all(a.present.map((p) => personOf(p, ctx))) }),
    perFaction: t.field({ type: [FactionAttendanceRef], resolve: (a) => [...a.perFaction] }),
    quorum: t.field({ type: QuorumRef, resolve: (a) => a.quorum }),
  }),
});

const FactionQuotaRef = builder.objectRef<QuotaLine>('FactionQuota').implement({
  description: 'Speaking time of a faction on the current item; faction null: the independents’ pool.',
  fields: (t) => ({
    faction: t.field({ type: FactionRef, nullable: true, resolve: (q, _a, ctx) => (q.factionId ? ctx.loaders.faction(q.factionId) : null) }),
    allottedSeconds: t.int({ resolve: (q) => Math.round(q.allotted) }),
    usedSeconds: t.int({ resolve: (q) => Math.floor(q.used) }),
    remainingSeconds: t.int({ description: 'Negative only by a recorded overrun.', resolve: (q) => Math.ceil(q.remaining) }),
  }),
});

const SpeakingTimeRef = builder.objectRef<PersonTotal>('SpeakingTime').implement({
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (s, _a, ctx) => personOf(s.person, ctx) }),
    seconds: t.int({ resolve: (s) => Math.floor(s.seconds) }),
    turns: t.exposeInt('turns'),
    lastSpokeAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => (s.lastSpokeAt ? new Date(s.lastSpokeAt) : null) }),
  }),
});

const SpeakerSortEnum = builder.enumType('SpeakerSort', { values: { LAST: { value: 'last' }, LEAST: { value: 'least' }, MOST: { value: 'most' } } as const });

type QuorumCount = NonNullable<ProcedureSnapshot['state']['quorumCount']>;
const QuorumCountRef = builder.objectRef<QuorumCount>('QuorumCount').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (q) => new Date(q.at) }),
    present: t.exposeInt('present', { description: 'Members with voting rights present.' }),
    required: t.exposeInt('required', { description: 'The fewest present for a quorum under the rules.' }),
    quorate: t.exposeBoolean('quorate'),
  }),
});

export const SittingProcedureRef = builder.objectRef<ProcedureSnapshot>('SittingProcedure').implement({
  description: 'The live procedure of a sitting, derived from its record.',
  fields: (t) => ({
    sittingId: t.exposeID('sittingId'),
    seq: t.exposeInt('seq', { description: 'Position in the record; every update has a higher one.' }),
    serverTime: t.field({ type: 'DateTime', description: 'Clocks are computed at this instant.', resolve: (s) => s.now }),
    phase: t.field({
      type: SittingStateEnum,
      description: 'The phase of its record; CANCELLED for a sitting called off before it opened (nothing to open).',
      resolve: async (s, _a, ctx) =>
        s.state.phase === 'scheduled' && (await ctx.services.sittings.byIds([s.sittingId]))[0]?.state === 'cancelled' ? 'cancelled' : s.state.phase,
    }),
    resumesAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => (s.state.suspension?.resumesAt ? new Date(s.state.suspension.resumesAt) : null) }),
    suspensionReason: t.string({ nullable: true, resolve: (s) => s.state.suspension?.reason ?? null }),
    quorumCount: t.field({
      type: QuorumCountRef,
      nullable: true,
      description: 'The latest count of the members present on a doubted quorum (a point of order of category quorum_check accepted).',
      resolve: (s) => s.state.quorumCount,
    }),
    currentItem: t.field({
      type: AgendaItemRef,
      nullable: true,
      resolve: async (s, _a, ctx) => ((await ctx.loaders.agendaOf(s.sittingId)) ?? []).find((i) => i.id === s.state.currentItemId) ?? null,
    }),
    orderPolicy: t.field({
      type: OrderPolicyEnum,
      resolve: (s) => {
        const item = s.state.currentItemId ? s.state.items[s.state.currentItemId] : undefined;
        return item?.policy ?? (s.state.rulebook ?? s.context.rulebook).order.defaultPolicy;
      },
    }),
    speakerList: t.field({
      type: SpeakerListRef,
      resolve: (s) => ({
        agendaItemId: s.state.currentItemId,
        closed: s.state.currentItemId ? (s.state.items[s.state.currentItemId]?.listClosed ?? false) : false,
        requests: speakerQueue(s.state, s.context, undefined, s.now),
      }),
    }),
    pointsOfOrder: t.field({
      type: [PointOfOrderRef],
      description: 'Pending, oldest first: they go ahead of all speeches.',
      resolve: (s) => [...pointsOfOrderQueue(s.state)],
    }),
    decidedPoints: t.field({
      type: [DecidedPointRef],
      description: 'Decided, newest first: each mover is told the decision on their point.',
      resolve: (s) => [...decidedPoints(s.state)],
    }),
    floor: t.field({
      type: FloorRef,
      nullable: true,
      resolve: (s) => {
        const f = floorView(s.state, s.now);
        return f && { ...f, pending: interjectionsView(s.state) };
      },
    }),
    mutedAll: t.boolean({
      description: '"Mute all" holds: only the chair’s team and podium guests are heard until it is lifted or the floor is next granted.',
      resolve: (s) => s.state.mutedAll,
    }),
    attendance: t.field({ type: AttendanceRef, resolve: (s) => attendanceView(s.state, s.context) }),
    quotas: t.field({
      type: [FactionQuotaRef],
      nullable: true,
      resolve: (s) => (s.state.currentItemId ? (quotaView(s.state, s.state.currentItemId, s.now, s.context)?.slice() ?? null) : null),
    }),
    speakingTimes: t.field({
      type: [SpeakingTimeRef],
      description: 'Per person from the record; the chair’s team only (empty for others).',
      args: { sort: t.arg({ type: SpeakerSortEnum, defaultValue: 'most' }) },
      resolve: (s, { sort }, ctx) =>
        ctx.user && isChairTeam({ personId: null, roles: ctx.user.roles }) ? rankSpeakers(speakingTimeTotals(s.state, s.now).perPerson, sort ?? 'most') : [],
    }),
    votes: t.field({
      type: [VoteRef],
      description: 'Newest first.',
      args: {
        first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.votes) }),
        offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
      },
      resolve: (s, a) =>
        pageOf(
          votesView(s.state, s.context)
            .map((v) => ({ ...v, sittingId: s.sittingId }))
            .reverse(),
          a,
          pageSizes.votes,
        ),
    }),
    openVote: t.field({
      type: VoteRef,
      nullable: true,
      resolve: (s) => {
        const v = votesView(s.state, s.context).find((x) => x.status === 'open');
        return v ? { ...v, sittingId: s.sittingId } : null;
      },
    }),
    nextElectionRound: t.field({
      type: NextRoundViewRef,
      nullable: true,
      description: 'The round of an election the rules allow next, from its newest round that elected no one (or was cancelled); null: none.',
      resolve: (s) => nextRoundView(s.state),
    }),
  }),
});

builder.objectField(SittingRef, 'procedure', (t) =>
  t.field({
    type: SittingProcedureRef,
    resolve: async (s, _a, ctx) => ctx.services.procedure.snapshot(s.id),
  }),
);
