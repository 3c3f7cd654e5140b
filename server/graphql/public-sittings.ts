// The public front door: every sitting as anyone may see it, without signing in (title, date,
// state, and whether there is a recording and a public protocol), and the chapters of a closed
// sitting's recording. Nothing of the roster, no ballots.
import { builder } from './builder';
import { SittingStateEnum } from './scalars';
import { PublicSittingRef } from './public';
import type { Sitting } from '../domain/parliament';
import type { RecordingChapter } from '../domain/recording-chapters';
import type { GraphQLContext } from './context';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageWindow } from './pagination';

/** The public protocol of a closed sitting (see public-protocol-routes.ts). */
export const publicProtocolPath = (sittingId: string, lang: 'de' | 'en') => `/api/public/sittings/${encodeURIComponent(sittingId)}/protocol.pdf?lang=${lang}`;

const ProtocolLanguageEnum = builder.enumType('ProtocolLanguage', { values: ['DE', 'EN'] as const });
const langArg = { description: 'The protocol’s language.' } as const;

async function hasRecording(ctx: GraphQLContext, sittingId: string): Promise<boolean> {
  return ((await ctx.broadcasts?.recordings(sittingId)) ?? []).some((r) => r.language !== 'captions');
}

const PublicSittingSummaryRef = builder.objectRef<Sitting>('PublicSittingSummary').implement({
  description: 'A sitting in the public list: no sign-in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    phase: t.field({ type: SittingStateEnum, resolve: (s) => s.state }),
    postponedFrom: t.expose('postponedFrom', { type: 'DateTime', nullable: true, description: 'The start first announced, if the sitting was postponed.' }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why a cancelled sitting will not take place.' }),
    live: t.boolean({ description: 'On air now.', resolve: (s, _a, ctx) => ctx.broadcasts?.isLive(s.id) ?? false }),
    hasRecording: t.boolean({ description: 'A closed sitting’s recording can be played.', resolve: (s, _a, ctx) => hasRecording(ctx, s.id) }),
    protocolUrl: t.string({
      nullable: true,
      description: 'The public protocol (PDF) once the sitting is closed; null before.',
      args: { lang: t.arg({ type: ProtocolLanguageEnum, defaultValue: 'DE', ...langArg }) },
      resolve: (s, a) => (s.state === 'closed' ? publicProtocolPath(s.id, a.lang === 'EN' ? 'en' : 'de') : null),
    }),
  }),
});

builder.queryField('publicSittings', (t) =>
  t.field({
    type: [PublicSittingSummaryRef],
    description: 'Every sitting, ordered by start; no sign-in.',
    skipTypeScopes: true,
    args: {
      first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.sittings) }),
      offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
    },
    resolve: (_r, a, ctx) => ctx.services.sittings.list(pageWindow(a, pageSizes.sittings)),
  }),
);

const ChapterKindEnum = builder.enumType('RecordingChapterKind', { values: ['ITEM', 'SPEECH'] as const });

const RecordingChapterRef = builder.objectRef<RecordingChapter>('RecordingChapter').implement({
  description: 'A place in a closed sitting’s recording: an agenda item called or a speech begun.',
  fields: (t) => ({
    kind: t.field({ type: ChapterKindEnum, resolve: (c) => (c.kind === 'item' ? 'ITEM' : 'SPEECH') }),
    title: t.exposeString('title', { description: 'The item’s title, or the speaker’s name.' }),
    agendaPosition: t.exposeInt('agendaPosition', { nullable: true }),
    factionShortName: t.exposeString('factionShortName', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (c) => new Date(c.at) }),
    offsetSeconds: t.exposeFloat('offsetSeconds', { description: 'Seconds into the recording.' }),
  }),
});

builder.objectFields(PublicSittingRef, (t) => ({
  startsAt: t.field({ type: 'DateTime', resolve: (p) => p.sitting.startsAt }),
  suspension: t.field({
    type: builder.objectRef<{ reason: string | null; resumesAt: string | null }>('PublicSuspension').implement({
      fields: (s) => ({
        reason: s.exposeString('reason', { nullable: true }),
        resumesAt: s.field({ type: 'DateTime', nullable: true, resolve: (x) => (x.resumesAt ? new Date(x.resumesAt) : null) }),
      }),
    }),
    nullable: true,
    description: 'Why and until when the sitting is suspended; null unless it is.',
    resolve: (p) => (p.snapshot.state.phase === 'suspended' ? p.snapshot.state.suspension : null),
  }),
  protocolUrl: t.string({
    nullable: true,
    description: 'The public protocol (PDF) once the sitting is closed; null before.',
    args: { lang: t.arg({ type: ProtocolLanguageEnum, defaultValue: 'DE', ...langArg }) },
    resolve: (p, a) => (p.snapshot.state.phase === 'closed' ? publicProtocolPath(p.sitting.id, a.lang === 'EN' ? 'en' : 'de') : null),
  }),
  recordingChapters: t.field({
    type: [RecordingChapterRef],
    description: 'Once the sitting is closed and recorded: each agenda item and speech, placed in the recording.',
    resolve: async (p, _a, ctx) => {
      if (p.snapshot.state.phase !== 'closed' || !ctx.broadcasts) return [];
      return ctx.broadcasts.closedSittingChapters(p.sitting.id, () => ctx.services.procedure.protocol(p.sitting.id));
    },
  }),
}));
