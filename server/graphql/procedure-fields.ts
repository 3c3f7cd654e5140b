import { builder } from './builder';
import { SittingRef } from './sittings';
import { SittingProcedureRef } from './procedure';
import { VoteDraftRef } from './votes';
import type { Rulebook } from '../domain/rulebook';
import type { StoredEntry } from '../domain/record';
import type { ProcedureCommitted } from '../services/pubsub';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageOf, pageWindow } from './pagination';
import { chairTeamAndClerks, recordKeepers, signedIn } from './auth-scopes';

const PointOfOrderCategoryRef = builder.objectRef<Rulebook['pointsOfOrder']['categories'][number]>('PointOfOrderCategory').implement({
  fields: (t) => ({ id: t.exposeID('id'), labelDe: t.string({ resolve: (c) => c.label.de }), labelEn: t.string({ resolve: (c) => c.label.en }) }),
});

const RulebookRef = builder.objectRef<Rulebook>('Rulebook').implement({
  description: 'The rules of procedure in force: frozen into the record when the sitting opened.',
  fields: (t) => ({
    preset: t.exposeString('preset'),
    name: t.exposeString('name'),
    pointOfOrderCategories: t.field({ type: [PointOfOrderCategoryRef], resolve: (r) => [...r.pointsOfOrder.categories] }),
    data: t.field({ type: 'JSON', description: 'Every parameter (see server/domain/rulebook.ts).', resolve: (r) => r }),
  }),
});

const RecordEntryRef = builder.objectRef<StoredEntry>('RecordEntry').implement({
  description: 'One entry of the hash-chained record: hash = SHA-256(prevHash + "\\n" + canonical JSON of {sittingId, seq, at, actorId, event}).',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    at: t.exposeString('at'),
    actorId: t.exposeID('actorId', { nullable: true }),
    kind: t.string({ resolve: (e) => e.event.kind }),
    payload: t.field({ type: 'JSON', resolve: (e) => e.event }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

builder.objectFields(SittingRef, (t) => ({
  rulebook: t.field({
    type: RulebookRef,
    resolve: async (s, _a, ctx) => (await ctx.services.procedure.snapshot(s.id)).state.rulebook ?? ctx.services.procedure.rulebook(s.id),
  }),
  voteDrafts: t.field({
    type: [VoteDraftRef],
    authScopes: chairTeamAndClerks,
    args: {
      first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.votes) }),
      offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
    },
    resolve: async (s, a, ctx) => pageOf(await ctx.services.procedure.voteDrafts(s.id), a, pageSizes.votes),
  }),
  record: t.field({
    type: [RecordEntryRef],
    authScopes: recordKeepers,
    description: 'Entries after `afterSeq`, in order, a page at a time: read on from the last seq received.',
    args: { afterSeq: t.arg.int({ defaultValue: 0 }), first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.record) }) },
    resolve: (s, { afterSeq, first }, ctx) => {
      const after = Math.max(0, afterSeq ?? 0);
      // Seqs are contiguous from 1 (a hash chain), so a page is a range of them.
      return ctx.services.procedure.record(s.id, after, after + pageWindow({ first }, pageSizes.record).limit);
    },
  }),
  protocolJsonUrl: t.string({ resolve: (s) => `/api/sittings/${encodeURIComponent(s.id)}/protocol.json` }),
  protocolPdfUrl: t.string({
    args: { lang: t.arg.string({ defaultValue: 'de' }) },
    resolve: (s, { lang }) => `/api/sittings/${encodeURIComponent(s.id)}/protocol.pdf?lang=${lang === 'en' ? 'en' : 'de'}`,
  }),
}));

// ---- live updates ----

interface ProcedureUpdate {
  readonly sittingId: string;
  readonly seq: number;
  readonly kinds: readonly string[];
}

/**
 * A commit's update, made once for every subscriber of the sitting (they share the commit object):
 * a window of 700 ballots would otherwise list 700 kinds, per subscriber, in every message.
 */
const updates = new WeakMap<ProcedureCommitted, ProcedureUpdate>();
export function updateOf(c: ProcedureCommitted): ProcedureUpdate {
  let u = updates.get(c);
  if (!u) {
    u = { sittingId: c.sittingId, seq: c.entries.at(-1)?.seq ?? 0, kinds: [...new Set(c.entries.map((e) => e.event.kind))] };
    updates.set(c, u);
  }
  return u;
}

const ProcedureUpdateRef = builder.objectRef<ProcedureUpdate>('ProcedureUpdate').implement({
  fields: (t) => ({
    sittingId: t.exposeID('sittingId'),
    seq: t.exposeInt('seq'),
    kinds: t.exposeStringList('kinds', {
      description: 'The kinds of the entries just committed, each once, in record order, e.g. floor.granted, ballot.cast.',
    }),
    procedure: t.field({
      type: SittingProcedureRef,
      resolve: async (u, _a, ctx) => ctx.services.procedure.snapshot(u.sittingId),
    }),
  }),
});

builder.subscriptionField('procedureUpdates', (t) =>
  t.field({
    type: ProcedureUpdateRef,
    description: 'One update per commit to the sitting’s record: speaker list, floor, attendance, votes.',
    authScopes: signedIn,
    args: { sittingId: t.arg.id({ required: true }) },
    subscribe: (_r, { sittingId }, ctx) => ctx.services.pubsub.subscribe('procedure:committed', sittingId),
    resolve: updateOf,
  }),
);
