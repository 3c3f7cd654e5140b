/**
 * Roster import and export for parliament IT: preview the difference a CSV or JSON file makes,
 * apply it in one transaction, export the roster in the same formats (services/roster-import.ts).
 * Requests stay within the API's bounds (server/http/graphql-limits.ts, the mutation text guard);
 * the file itself within the import's (domain/roster-import/model.ts).
 */
import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { parseArgs } from './input';
import { PersonRef } from './roster';
import { adminActorOf } from './admin-actor';
import type { GraphQLContext } from './context';
import type { Actor } from '../domain/procedure/commands';
import { InputError, RuleViolation } from '../domain/errors';
import { rosterFileMaxChars } from '@contract/roster-files';
import { rosterFileOwner } from '../services/roster-files';
import { emptyDiff, type FieldChange, type Planned } from '../domain/roster-import/diff';
import { isoDate } from '../domain/roster-import/read';
import type { ImportPreview } from '../services/roster-import';

/** Entries listed per kind of change; the counts are always whole. Keeps the answer within the API's field budget. */
export const MAX_LISTED_CHANGES = 200;

const RosterFormatEnum = builder.enumType('RosterFormat', { values: { CSV: { value: 'csv' }, JSON: { value: 'json' } } as const });

const FieldChangeRef = builder.objectRef<FieldChange>('RosterFieldChange').implement({
  description: 'One field of a row: its value before (null: none or a new row) and after.',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const EntryChangeRef = builder.objectRef<Planned<unknown>>('RosterEntryChange').implement({
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    id: t.exposeID('id', { nullable: true, description: 'null for a row the import adds.' }),
    label: t.exposeString('label', { description: 'A person’s name or a faction’s short name.' }),
    fields: t.field({ type: [FieldChangeRef], resolve: (e) => [...e.fields] }),
  }),
});

interface ChangeList {
  readonly count: number;
  readonly entries: readonly Planned<unknown>[];
}
const list = (xs: readonly Planned<unknown>[]): ChangeList => ({ count: xs.length, entries: xs.slice(0, MAX_LISTED_CHANGES) });

const ChangeListRef = builder.objectRef<ChangeList>('RosterChangeList').implement({
  fields: (t) => ({
    count: t.exposeInt('count'),
    entries: t.field({ type: [EntryChangeRef], description: `The first ${MAX_LISTED_CHANGES}.`, resolve: (l) => [...l.entries] }),
  }),
});

const PreviewRef = builder.objectRef<ImportPreview>('RosterImportDiff').implement({
  description: 'What an import changes (or changed). Ended: members absent from a whole-roster file, whose membership the import ends.',
  fields: (t) => ({
    fingerprint: t.exposeString('fingerprint', {
      description: 'Of the roster compared; give it to applyRosterImport to refuse when the roster changed since.',
    }),
    empty: t.boolean({ resolve: (p) => emptyDiff(p.diff) }),
    factionsAdded: t.field({ type: ChangeListRef, resolve: (p) => list(p.diff.factions.added) }),
    factionsChanged: t.field({ type: ChangeListRef, resolve: (p) => list(p.diff.factions.changed) }),
    peopleAdded: t.field({ type: ChangeListRef, resolve: (p) => list(p.diff.people.added) }),
    peopleChanged: t.field({ type: ChangeListRef, resolve: (p) => list(p.diff.people.changed) }),
    peopleEnded: t.field({ type: ChangeListRef, resolve: (p) => list(p.diff.people.ended) }),
  }),
});

async function editorOf(ctx: GraphQLContext): Promise<Actor> {
  if (!ctx.user) throw new RuleViolation('forbidden.no_person', 'sign in to change the roster');
  return ctx.services.procedure.actorFor(ctx.user);
}

const fileArgs = {
  format: z.enum(['csv', 'json']),
  // The file's own bounds and text rule are the reader's (per row and column); this only refuses the absurd early.
  content: z.string().max(rosterFileMaxChars, `the file has more than ${rosterFileMaxChars} characters; split it`).nullish(),
  fileId: z.string().max(100).nullish(),
  wholeRoster: z.boolean(),
};

/** The file given inline (`content`) or uploaded before (`fileId`, contract/roster-files.ts): exactly one. */
function fileOf(ctx: GraphQLContext, a: { format: 'csv' | 'json'; content?: string | null; fileId?: string | null; wholeRoster: boolean }) {
  const { format, wholeRoster } = a;
  if ((a.content == null) === (a.fileId == null)) throw new InputError([{ path: ['content'], message: 'give the file either as content or as fileId' }]);
  if (a.content != null) return { format, content: a.content, wholeRoster };
  const kept = ctx.user && ctx.services.rosterFiles.get(rosterFileOwner(ctx.user), a.fileId!);
  if (!kept)
    throw new InputError([{ path: ['fileId'], message: 'no such file: it was never uploaded by you, or it is older than 30 minutes; upload it again' }]);
  if (kept.format !== format) throw new InputError([{ path: ['format'], message: `the file was uploaded as ${kept.format}` }]);
  return { format, content: kept.content, wholeRoster };
}

builder.queryFields((t) => ({
  previewRosterImport: t.field({
    type: PreviewRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    description: 'The difference a roster file would make, changing nothing. Errors name the row and column (CSV: line and header; JSON: list, index, key).',
    args: {
      format: t.arg({ type: RosterFormatEnum, required: true }),
      content: t.arg.string({ description: 'The file itself, up to the API’s 10,000 characters; larger files: upload and give fileId.' }),
      fileId: t.arg.string({ description: 'A file uploaded to POST /api/admin/roster-files in the last 30 minutes, by the same account.' }),
      wholeRoster: t.arg.boolean({ required: true, description: 'The file is the whole roster: members it does not name are ended.' }),
    },
    resolve: (_r, args, ctx) => ctx.services.rosterImport.preview(fileOf(ctx, parseArgs(args, fileArgs))),
  }),
  exportRoster: t.string({
    authScopes: { itAdmin: true },
    description: 'Factions and people as a file that imports back to no difference.',
    args: { format: t.arg({ type: RosterFormatEnum, required: true }) },
    resolve: (_r, { format }, ctx) => ctx.services.rosterImport.export(format),
  }),
}));

builder.mutationFields((t) => ({
  applyRosterImport: t.field({
    type: PreviewRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    description: 'Applies a roster file in one transaction, compared again inside it; nothing is applied while any row is wrong.',
    args: {
      format: t.arg({ type: RosterFormatEnum, required: true }),
      content: t.arg.string({ description: 'As for previewRosterImport.' }),
      fileId: t.arg.string({ description: 'As for previewRosterImport.' }),
      wholeRoster: t.arg.boolean({ required: true }),
      fingerprint: t.arg.string({ description: 'From previewRosterImport: refused (roster.import_stale) when the roster changed since.' }),
    },
    resolve: async (_r, args, ctx) => {
      const { fingerprint, ...request } = parseArgs(args, { ...fileArgs, fingerprint: z.string().max(100).nullish() });
      return ctx.services.rosterImport.apply(await editorOf(ctx), fileOf(ctx, request), fingerprint ?? null, adminActorOf(ctx));
    },
  }),
  endPerson: t.field({
    type: PersonRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    description: 'Ends a membership (default today): the voting right goes; the person and their record stay. For whoever deletePerson refuses.',
    args: { id: t.arg.id({ required: true }), on: t.arg.string({ description: 'YYYY-MM-DD' }) },
    resolve: async (_r, args, ctx) => {
      const { id, on } = parseArgs(args, {
        id: z.string().min(1).max(128),
        on: z
          .string()
          .nullish()
          .superRefine((v, c) => {
            const f = isoDate(v);
            if (!f.ok) c.addIssue({ code: 'custom', message: f.message });
          }),
      });
      return ctx.services.roster.endPerson(await editorOf(ctx), id, on ?? null, adminActorOf(ctx));
    },
  }),
}));
