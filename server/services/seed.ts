import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DatabaseHandle } from '../db/connection';
import { migrateToLatest, withMigrationLock } from '../db/migrator';
import type { Logger } from '../log';
import { getParliament, upsertParliament } from '../db/parliament';
import { insertFaction } from '../db/factions';
import { insertBooth } from '../db/booths';
import { insertPerson } from '../db/people';
import { insertSitting } from '../db/sittings';
import { insertAgendaItem } from '../db/agenda';
import { roles } from '../domain/parliament';
import { checkSeats } from '../domain/roster';
import { checkAssignment, checkBoothSet } from '../domain/booths';
import { settingsDefaults } from '../domain/parliament-settings';
import { installRoot } from '../install-root';
import path from 'node:path';

const role = z.enum(roles);

/** The shape of fixtures/parliament.json, the demo parliament (and the development identity provider's users). */
export const fixtureSchema = z.object({
  parliament: z.object({ name: z.string().min(1), statutoryMembers: z.number().int().positive() }),
  factions: z.array(
    z.object({
      id: z.string().min(1),
      shortName: z.string().min(1),
      name: z.string().min(1),
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      seats: z.number().int().min(0),
    }),
  ),
  booths: z.array(z.object({ id: z.string().min(1), language: z.string().min(2), name: z.string().min(1), kind: z.enum(['spoken', 'sign']) })),
  people: z.array(
    z.object({
      username: z.string().min(1),
      givenName: z.string().min(1),
      familyName: z.string().min(1),
      title: z.string().optional(),
      email: z.string().email().optional(),
      factionId: z.string().nullable(),
      office: z.enum(['president', 'vice_president']).optional(),
      roles: z.array(role).min(1),
      votingRights: z.boolean(),
      boothId: z.string().optional(),
    }),
  ),
  sittings: z.array(
    z.object({
      id: z.string().min(1),
      number: z.number().int().positive(),
      title: z.string().min(1),
      startsAt: z.iso.datetime({ offset: true }),
      state: z.enum(['scheduled', 'open', 'suspended', 'closed']),
      agenda: z.array(
        z.object({
          title: z.string().min(1),
          kind: z.enum(['procedure', 'debate', 'question_time', 'election', 'vote', 'other']),
          description: z.string().optional(),
          debateMinutes: z.number().int().positive().optional(),
          documentLinks: z.array(z.string().startsWith('https://')).optional(),
        }),
      ),
    }),
  ),
});
export type Fixture = z.infer<typeof fixtureSchema>;

export const defaultFixturePath = path.join(installRoot, 'fixtures/parliament.json');

export async function readFixture(file: URL | string = defaultFixturePath): Promise<Fixture> {
  return fixtureSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
}

/**
 * A fixture person's id, the same in every database seeded from the fixture: the development
 * provider issues it as the `sub`, so a fixture user's account is stable across restarts and renames.
 */
export function fixturePersonId(username: string): string {
  const h = createHash('sha256').update(`plenum fixture person\n${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Loads the fixture into an empty database in one transaction; returns false when data exists already. */
export async function seedIfEmpty(db: Kysely<Database>, fixture: Fixture): Promise<boolean> {
  if (await getParliament(db)) return false;
  const counts = new Map<string, number>();
  for (const p of fixture.people) if (p.votingRights && p.factionId) counts.set(p.factionId, (counts.get(p.factionId) ?? 0) + 1);
  checkSeats(
    fixture.parliament.statutoryMembers,
    fixture.factions.map((f) => ({ factionId: f.id, seats: f.seats, members: counts.get(f.id) ?? 0 })),
    fixture.people.filter((p) => p.votingRights && !p.factionId).length,
  );
  // The booths and their staff by the back office's rules (server/domain/booths.ts); the floor is the default's.
  checkBoothSet(fixture.booths, settingsDefaults.floorLanguage);
  for (const p of fixture.people)
    if (p.boothId) checkAssignment({ id: p.username, name: p.username, roles: p.roles, boothId: null, memberTo: null }, p.boothId, [], '');
  await db.transaction().execute(async (tx) => {
    await upsertParliament(tx, fixture.parliament);
    for (const f of fixture.factions) await insertFaction(tx, f);
    for (const b of fixture.booths) await insertBooth(tx, b);
    for (const p of fixture.people) {
      await insertPerson(tx, {
        id: fixturePersonId(p.username),
        username: p.username,
        givenName: p.givenName,
        familyName: p.familyName,
        title: p.title ?? null,
        email: p.email ?? null,
        factionId: p.factionId,
        office: p.office ?? null,
        roles: p.roles,
        votingRights: p.votingRights,
        boothId: p.boothId ?? null,
      });
    }
    for (const s of fixture.sittings) {
      await insertSitting(tx, { id: s.id, number: s.number, title: s.title, startsAt: new Date(s.startsAt), state: s.state });
      for (const [i, item] of s.agenda.entries()) {
        await insertAgendaItem(tx, s.id, i + 1, {
          title: item.title,
          kind: item.kind,
          description: item.description ?? null,
          debateMinutes: item.debateMinutes ?? null,
          documentLinks: item.documentLinks ?? [],
        });
      }
    }
  });
  return true;
}

/**
 * What every start does before serving: migrate, and load the demo parliament into an empty database
 * if `demo` (development, test, PLENUM_DEMO=1, `npm run seed:demo`), under the migration lock so two
 * instances starting together neither race nor seed twice. Production databases start empty.
 */
export async function prepareDatabase(database: DatabaseHandle, opts: { demo: boolean; log: Logger }): Promise<{ applied: string[]; seeded: boolean }> {
  return withMigrationLock(
    database,
    async () => {
      const applied = await migrateToLatest(database.db);
      if (applied.length) opts.log.info('db | migrated', { applied: applied.join(',') });
      const seeded = opts.demo && (await seedIfEmpty(database.db, await readFixture()));
      if (seeded) opts.log.info('db | loaded the demo parliament from fixtures/parliament.json');
      return { applied, seeded };
    },
    () => opts.log.info('db | another instance is migrating; waiting for the migration lock'),
  );
}
