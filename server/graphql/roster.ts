import { z } from 'zod';
import { builder } from './builder';
import { writeErrors } from './errors';
import { parseInput, patchOf, text, withoutAbsent } from './input';
import { BoothKindEnum, OfficeEnum, RoleEnum } from './scalars';
import type { GraphQLContext } from './context';
import { adminActorOf } from './admin-actor';
import type { Actor } from '../domain/procedure/commands';
import { GraphQLError } from 'graphql';
import { RuleViolation } from '../domain/errors';
import type { PeoplePage } from '../db/people';
import { fullName, roles, type Booth, type Faction, type Parliament, type Person } from '../domain/parliament';

/** The most people one request answers: a whole parliament with its staff, not an unbounded list. */
export const MAX_PEOPLE_PAGE = 1000;
const MAX_PEOPLE_OFFSET = 1_000_000;

/** A list query's arguments out of range are the caller's error (a GraphQL error with a code, not a masked one). */
function peoplePage(limit: number, offset: number): PeoplePage {
  if (limit < 1 || limit > MAX_PEOPLE_PAGE)
    throw new GraphQLError(`first must be between 1 and ${MAX_PEOPLE_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (offset < 0 || offset > MAX_PEOPLE_OFFSET)
    throw new GraphQLError(`offset must be between 0 and ${MAX_PEOPLE_OFFSET}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return { limit, offset };
}

export const ParliamentRef = builder.objectRef<Parliament>('Parliament').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    shortName: t.string({ nullable: true, resolve: (p) => p.shortName ?? null }),
    timeZone: t.string({ description: 'The IANA zone of the chamber’s clock: pages show times in it.', resolve: (p) => p.timeZone ?? 'Europe/Berlin' }),
    statutoryMembers: t.exposeInt('statutoryMembers', { description: 'Statutory membership, vacant seats included.' }),
    seatsFilled: t.int({ resolve: (_p, _a, ctx) => ctx.services.roster.seatsFilled() }),
  }),
});

export const BoothRef = builder.objectRef<Booth>('Booth').implement({
  description: 'An interpretation booth: one spoken language, or sign language.',
  fields: (t) => ({
    id: t.exposeID('id'),
    language: t.exposeString('language'),
    name: t.exposeString('name'),
    kind: t.field({ type: BoothKindEnum, resolve: (b) => b.kind }),
  }),
});

export const FactionRef = builder.objectRef<Faction>('Faction');
export const PersonRef = builder.objectRef<Person>('Person');

FactionRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    shortName: t.exposeString('shortName'),
    name: t.exposeString('name'),
    colour: t.exposeString('colour'),
    seats: t.exposeInt('seats', { description: 'Seats held, vacancies included.' }),
    members: t.field({ type: [PersonRef], resolve: async (f, _a, ctx) => (await ctx.loaders.membersOf(f.id)) ?? [] }),
  }),
});

PersonRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    name: t.string({ resolve: (p) => fullName(p) }),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    title: t.exposeString('title', { nullable: true }),
    faction: t.field({ type: FactionRef, nullable: true, resolve: (p, _a, ctx) => (p.factionId ? ctx.loaders.faction(p.factionId) : null) }),
    office: t.field({ type: OfficeEnum, nullable: true, resolve: (p) => p.office }),
    roles: t.field({ type: [RoleEnum], resolve: (p) => [...p.roles] }),
    votingRights: t.exposeBoolean('votingRights'),
    booth: t.field({ type: BoothRef, nullable: true, resolve: (p, _a, ctx) => (p.boothId ? ctx.loaders.booth(p.boothId) : null) }),
  }),
});

builder.queryFields((t) => ({
  parliament: t.field({
    type: ParliamentRef,
    nullable: true,
    // Public, like the front door: a visitor sees whose sittings these are, and in which zone times are.
    skipTypeScopes: true,
    description:
      'No sign-in. null while the parliament is not set up yet: a production database starts empty (no people, factions or sittings) until parliament IT enters it.',
    resolve: (_r, _a, ctx) => ctx.services.roster.parliament(),
  }),
  factions: t.field({ type: [FactionRef], description: 'Ordered by seats, largest first.', resolve: (_r, _a, ctx) => ctx.services.roster.factions() }),
  faction: t.field({
    type: FactionRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.loaders.faction(id).then((f) => f ?? null),
  }),
  people: t.field({
    type: [PersonRef],
    description: `Ordered by family name, given name and id; at most ${MAX_PEOPLE_PAGE} per page (\`first\`), from \`offset\` on.`,
    args: {
      factionId: t.arg.id(),
      includeEnded: t.arg.boolean({ defaultValue: false, description: 'Also people whose membership has ended (the records keep naming them).' }),
      first: t.arg.int({ description: `Page size, 1–${MAX_PEOPLE_PAGE}; default ${MAX_PEOPLE_PAGE}.` }),
      offset: t.arg.int({ description: 'People to skip; default 0.' }),
    },
    resolve: (_r, { factionId, includeEnded, first, offset }, ctx) =>
      ctx.services.roster.people(
        { ...(factionId ? { factionIds: [factionId] } : {}), includeEnded: includeEnded ?? false },
        peoplePage(first ?? MAX_PEOPLE_PAGE, offset ?? 0),
      ),
  }),
  person: t.field({
    type: PersonRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => (await ctx.services.roster.peopleByIds([id]))[0] ?? null,
  }),
  booths: t.field({ type: [BoothRef], resolve: (_r, _a, ctx) => ctx.services.roster.booths() }),
}));

// ---- mutations for parliament IT ----

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like #1a2b3c');
const factionSchema = z.object({ shortName: text(16), name: text(200), colour, seats: z.number().int().min(0).max(10000) });
const personFields = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lowercase letters, digits, dot, dash or underscore; 2–64 characters'),
  givenName: text(100),
  familyName: text(100),
  title: text(200).nullable(),
  email: z.email().nullable(),
  factionId: z.string().min(1).nullable(),
  office: z.enum(['president', 'vice_president']).nullable(),
  roles: z
    .array(z.enum(roles))
    .min(1, 'needs at least one role')
    .transform((r) => [...new Set(r)]),
  votingRights: z.boolean(),
  boothId: z.string().min(1).nullable(),
});
const { title, email, factionId, office, boothId } = personFields.shape;
const personSchema = personFields.extend({
  title: title.default(null),
  email: email.default(null),
  factionId: factionId.default(null),
  office: office.default(null),
  boothId: boothId.default(null),
});

const FactionInput = builder.inputType('FactionInput', {
  fields: (t) => ({
    shortName: t.string({ required: true }),
    name: t.string({ required: true }),
    colour: t.string({ required: true, description: 'Hex colour, #rrggbb.' }),
    seats: t.int({ required: true }),
  }),
});
const FactionPatch = builder.inputType('FactionPatch', {
  fields: (t) => ({ shortName: t.string(), name: t.string(), colour: t.string(), seats: t.int() }),
});
const PersonInput = builder.inputType('PersonInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: 'The identity provider’s preferred_username.' }),
    givenName: t.string({ required: true }),
    familyName: t.string({ required: true }),
    title: t.string(),
    email: t.string(),
    factionId: t.id(),
    office: t.field({ type: OfficeEnum }),
    roles: t.field({ type: [RoleEnum], required: true }),
    votingRights: t.boolean({ required: true }),
    boothId: t.id(),
  }),
});
const PersonPatch = builder.inputType('PersonPatch', {
  fields: (t) => ({
    username: t.string(),
    givenName: t.string(),
    familyName: t.string(),
    title: t.string(),
    email: t.string(),
    factionId: t.id(),
    office: t.field({ type: OfficeEnum }),
    roles: t.field({ type: [RoleEnum] }),
    votingRights: t.boolean(),
    boothId: t.id(),
  }),
});

/** Who edits the roster: their bound person (for the rules about oneself) and token roles (for the record). */
async function editorOf(ctx: GraphQLContext): Promise<Actor> {
  if (!ctx.user) throw new RuleViolation('forbidden.no_person', 'sign in to change the roster');
  return ctx.services.procedure.actorFor(ctx.user);
}

builder.mutationFields((t) => ({
  createFaction: t.field({
    type: FactionRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { input: t.arg({ type: FactionInput, required: true }) },
    resolve: (_r, { input }, ctx) => ctx.services.roster.createFaction(parseInput(factionSchema, input), adminActorOf(ctx)),
  }),
  updateFaction: t.field({
    type: FactionRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: FactionPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) => ctx.services.roster.updateFaction(id, parseInput(patchOf(factionSchema), withoutAbsent(input)), adminActorOf(ctx)),
  }),
  deleteFaction: t.id({
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.services.roster.deleteFaction(id, adminActorOf(ctx)),
  }),
  createPerson: t.field({
    type: PersonRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { input: t.arg({ type: PersonInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      ctx.services.roster.createPerson(await editorOf(ctx), parseInput(personSchema, withoutAbsent(input)), adminActorOf(ctx)),
  }),
  updatePerson: t.field({
    type: PersonRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PersonPatch, required: true }) },
    resolve: async (_r, { id, input }, ctx) =>
      ctx.services.roster.updatePerson(await editorOf(ctx), id, parseInput(patchOf(personFields), withoutAbsent(input)), adminActorOf(ctx)),
  }),
  deletePerson: t.id({
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => ctx.services.roster.deletePerson(await editorOf(ctx), id, adminActorOf(ctx)),
  }),
}));
