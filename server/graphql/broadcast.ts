// The broadcast as the API shows it: whether a sitting is on air, where its stream and its
// recordings are, and captions typed by a clerk or live captioner.
import { builder } from './builder';
import { writeErrors } from './errors';
import { parseArgs, text } from './input';
import { chairTeamAndClerks } from './auth-scopes';
import { PublicSittingRef } from './public';
import { SittingRef } from './sittings';
import type { RecordingFile } from '../broadcast/broadcasts';
import { RuleViolation } from '../domain/errors';

const RecordingRef = builder.objectRef<RecordingFile>('Recording').implement({
  description: 'A sitting’s recording, one per audio language (and the captions), assembled when the sitting closed.',
  fields: (t) => ({
    language: t.exposeString('language', { description: 'The audio rendition’s language tag, or "captions" for the WebVTT file.' }),
    name: t.exposeString('name'),
    url: t.exposeString('path', { description: 'Path on this server, public like the stream.' }),
    durationSeconds: t.exposeFloat('durationSeconds'),
  }),
});

const BroadcastRef = builder.objectRef<{ sittingId: string }>('Broadcast').implement({
  description: 'The public stream of a sitting: live while the sitting is open, recorded when it closes.',
  fields: (t) => ({
    live: t.boolean({ resolve: (b, _a, ctx) => ctx.broadcasts?.isLive(b.sittingId) ?? false }),
    playlistUrl: t.string({
      nullable: true,
      description: 'The HLS master playlist while live.',
      resolve: (b, _a, ctx) => (ctx.broadcasts?.isLive(b.sittingId) ? `/hls/${b.sittingId}/master.m3u8` : null),
    }),
    recordings: t.field({ type: [RecordingRef], resolve: async (b, _a, ctx) => [...((await ctx.broadcasts?.recordings(b.sittingId)) ?? [])] }),
  }),
});

builder.objectField(SittingRef, 'broadcast', (t) => t.field({ type: BroadcastRef, resolve: (s) => ({ sittingId: s.id }) }));
builder.objectField(PublicSittingRef, 'broadcast', (t) => t.field({ type: BroadcastRef, resolve: (p) => ({ sittingId: p.sitting.id }) }));

const CaptionRef = builder.objectRef<{ text: string; at: Date }>('Caption').implement({
  fields: (t) => ({ text: t.exposeString('text'), at: t.field({ type: 'DateTime', resolve: (c) => c.at }) }),
});

builder.mutationField('addCaption', (t) =>
  t.field({
    type: CaptionRef,
    description: 'A line of captions on the live stream (clerks and the chair’s team); shown with the picture of this moment.',
    authScopes: chairTeamAndClerks,
    errors: { types: writeErrors },
    args: { sittingId: t.arg.id({ required: true }), text: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => {
      const line = parseArgs(a, { text: text(200) }).text;
      if (!ctx.broadcasts) throw new RuleViolation('broadcast.not_running', 'this server does not broadcast');
      const at = new Date();
      ctx.broadcasts.addCaption(a.sittingId, line, at);
      return { text: line, at };
    },
  }),
);
