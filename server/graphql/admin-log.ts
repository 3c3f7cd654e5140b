import { builder } from './builder';
import { pageSizes } from '../http/graphql-limits';
import { pageArgDescriptions, pageWindow } from './pagination';
import type { AdminLogVerification, StoredAdminEntry } from '../domain/admin-log';

const AdminLogEntryRef = builder.objectRef<StoredAdminEntry>('AdminLogEntry').implement({
  description: 'One back-office change in the hash-chained admin log.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    actorUsername: t.string({ resolve: (e) => e.actor.username }),
    actorPersonId: t.id({ nullable: true, resolve: (e) => e.actor.personId }),
    action: t.exposeString('action', { description: 'e.g. parliament.update, person.create, agenda.move.' }),
    subject: t.exposeString('subject', { description: 'What was changed, e.g. person:<id>, sitting:<id>, parliament.' }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

const AdminLogVerificationRef = builder.objectRef<AdminLogVerification>('AdminLogVerification').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    entries: t.int({ nullable: true, resolve: (v) => (v.ok ? v.entries : null) }),
    head: t.string({ nullable: true, resolve: (v) => (v.ok ? v.head : null) }),
    brokenAtSeq: t.int({ nullable: true, resolve: (v) => (v.ok ? null : v.seq) }),
    problem: t.string({ nullable: true, resolve: (v) => (v.ok ? null : `${v.problem}: ${v.message}`) }),
  }),
});

builder.queryFields((t) => ({
  adminLog: t.field({
    type: [AdminLogEntryRef],
    authScopes: { itAdmin: true },
    description: 'Parliament IT: every back-office change, newest first. Export it whole at /admin-log.json.',
    args: {
      first: t.arg.int({ description: pageArgDescriptions.first(pageSizes.adminLog) }),
      offset: t.arg.int({ defaultValue: 0, description: pageArgDescriptions.offset }),
    },
    resolve: (_r, a, ctx) => ctx.services.adminLog.page(pageWindow(a, pageSizes.adminLog)),
  }),
  adminLogCount: t.int({ authScopes: { itAdmin: true }, resolve: (_r, _a, ctx) => ctx.services.adminLog.count() }),
  adminLogVerification: t.field({
    type: AdminLogVerificationRef,
    authScopes: { itAdmin: true },
    description: 'The whole chain recomputed (npm run verify-record -- --admin-log does the same offline).',
    resolve: (_r, _a, ctx) => ctx.services.adminLog.verify(),
  }),
}));
